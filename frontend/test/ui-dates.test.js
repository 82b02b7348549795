// The pages' one date formatter (src/ui/dates.js): its named formats in French and English, the
// API's calendar days read without a time zone shift, and the waits of a Retry-After.
import { describe, expect, test } from 'vitest';
import { formatDate, formatWait } from '../src/ui/dates.js';

// Intl puts a no-break space (U+00A0 or the narrow U+202F) where ICU wants one: compare with plain spaces.
const plain = (text) => text?.replace(/[\u00a0\u202f]/g, ' ');
const at = (value, language, options) => plain(formatDate(value, language, options));
const PARIS = { timeZone: 'Europe/Paris' };

describe('a day', () => {
  test('of the API (YYYY-MM-DD) is that calendar day, whatever the reader’s time zone', () => {
    expect(at('2025-03-01', 'fr')).toBe('1 mars 2025');
    expect(at('2025-03-01', 'en')).toBe('March 1, 2025');
    expect(at('2026-11-28', 'fr', { timeZone: 'Pacific/Honolulu' })).toBe('28 novembre 2026');
  });

  test('of an instant is its day in UTC', () => {
    expect(at('2026-11-28T23:30:00Z', 'fr')).toBe('28 novembre 2026');
    expect(at('2026-11-28T23:30:00-02:00', 'en')).toBe('November 29, 2026');
  });

  test('is nothing without a value, and the value itself when it is no date', () => {
    expect(formatDate(null, 'fr')).toBeNull();
    expect(formatDate(undefined, 'en')).toBeNull();
    expect(formatDate('', 'fr')).toBeNull();
    expect(formatDate('not a date', 'fr')).toBe('not a date');
  });
});

describe('with a time, in the reader’s time zone or the one given', () => {
  const instant = '2026-11-28T13:05:00Z';

  test('a day with time', () => {
    expect(at(instant, 'fr', { format: 'dayTime', ...PARIS })).toBe('28 nov. 2026, 14:05');
    expect(at(instant, 'en', { format: 'dayTime', ...PARIS })).toBe('Nov 28, 2026, 2:05 PM');
  });

  test('a long day with time', () => {
    expect(at(instant, 'fr', { format: 'longDayTime', ...PARIS })).toBe('28 novembre 2026 à 14:05');
    expect(at(instant, 'en', { format: 'longDayTime', ...PARIS })).toBe('November 28, 2026 at 2:05 PM');
  });

  test('a time', () => {
    expect(at(instant, 'fr', { format: 'time', ...PARIS })).toBe('14:05');
    expect(at(new Date(instant), 'en', { format: 'time', timeZone: 'UTC' })).toBe('1:05 PM');
  });

  test('a weekday with time', () => {
    expect(at(instant, 'fr', { format: 'weekdayTime', ...PARIS })).toBe('sam. 14:05');
    expect(at(Date.parse(instant), 'en', { format: 'weekdayTime', timeZone: 'America/New_York' })).toBe('Sat 08:05 AM');
  });

  test('a calendar day has no time to show: it stays a day', () => {
    expect(at('2026-11-28', 'fr', { format: 'dayTime' })).toBe('28 novembre 2026');
  });

  test('an unknown format is a mistake of the page', () => {
    expect(() => formatDate('2026-11-28T13:05:00Z', 'fr', { format: 'era' })).toThrow(/era/);
  });
});

describe('when to try again', () => {
  test('in seconds under a minute', () => {
    expect(plain(formatWait(1, 'fr'))).toBe('dans 1 seconde');
    expect(plain(formatWait(45, 'fr'))).toBe('dans 45 secondes');
    expect(plain(formatWait(45, 'en'))).toBe('in 45 seconds');
  });

  test('in minutes, rounded up, up to an hour and a half', () => {
    expect(plain(formatWait(60, 'fr'))).toBe('dans 1 minute');
    expect(plain(formatWait(84, 'fr'))).toBe('dans 2 minutes');
    expect(plain(formatWait(120, 'en'))).toBe('in 2 minutes');
    expect(plain(formatWait(5400, 'en'))).toBe('in 90 minutes');
  });

  test('in hours beyond, rounded up', () => {
    expect(plain(formatWait(5401, 'fr'))).toBe('dans 2 heures');
    expect(plain(formatWait(3 * 3600, 'en'))).toBe('in 3 hours');
  });

  test('never sooner than a second', () => {
    expect(plain(formatWait(0, 'en'))).toBe('in 1 second');
    expect(plain(formatWait(undefined, 'en'))).toBe('in 1 second');
  });
});
