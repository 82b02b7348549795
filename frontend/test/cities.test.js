// The city pages' logic without a browser: addresses, links, the form's body, the API's errors (their
// dates are ui/dates.js's, test/ui-dates.test.js).
import { describe, expect, test } from 'vitest';
import { KINDS, evidenceBody, fieldErrors, safeHref, today } from '../src/cities/evidence-shape.js';
import { cityCode } from '../src/cities/paths.js';
import { legacyCityPath } from '../src/stats/legacy.js';
import { keysOf, translator } from '../src/cities/messages.js';

describe('city page addresses', () => {
  test('reads the code of /cities/<code>, and none on the list', () => {
    expect(cityCode('/cities/2992166')).toBe('2992166');
    expect(cityCode('/cities/2992166/')).toBe('2992166');
    expect(cityCode('/cities/')).toBeNull();
    expect(cityCode('/cities/index.html')).toBeNull();
    expect(cityCode('/cities/a/b')).toBeNull();
  });

  test('sends an old statistics link #/city/<code> to the city page', () => {
    expect(legacyCityPath('#/city/2992166')).toBe('/cities/2992166');
    expect(legacyCityPath('#/')).toBeNull();
    expect(legacyCityPath('#/city/../../x')).toBeNull();
    expect(legacyCityPath('')).toBeNull();
  });
});

describe('evidence', () => {
  test('links only to web addresses', () => {
    expect(safeHref('https://www.montpellier.fr/deliberation.pdf')).toBe('https://www.montpellier.fr/deliberation.pdf');
    expect(safeHref('http://example.org')).toBe('http://example.org/');
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('data:text/html,<script>')).toBeNull();
    expect(safeHref('/relative')).toBeNull();
    expect(safeHref(undefined)).toBeNull();
  });

  test('offers the dates of the visitor’s calendar, today at the latest', () => {
    expect(today(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });

  test('builds the body of an addition, leaving an empty note out', () => {
    const values = {
      kind: 'press',
      title: '  Briefcam à Montpellier ',
      publishedOn: '2025-03-01',
      url: ' https://a.fr/x ',
      note: '  ',
    };
    expect(evidenceBody(values)).toEqual({
      kind: 'press',
      title: 'Briefcam à Montpellier',
      publishedOn: '2025-03-01',
      url: 'https://a.fr/x',
    });
  });

  test('builds the body of a change with its version, an emptied note removed', () => {
    const values = { kind: 'press', title: 'T', publishedOn: '2025-03-01', url: 'https://a.fr', note: '' };
    expect(evidenceBody(values, 3)).toEqual({
      kind: 'press',
      title: 'T',
      publishedOn: '2025-03-01',
      url: 'https://a.fr',
      note: null,
      version: 3,
    });
    expect(evidenceBody({ ...values, note: ' vu ' }, 0).note).toBe('vu');
  });

  test('reads the API’s errors field by field', () => {
    const problem = {
      status: 422,
      errors: [
        { field: 'url', message: 'must be a web address' },
        { field: 'url', message: 'second' },
        { field: 'title', message: 'must be 1 to 300 characters' },
        { field: 'colour', message: 'is not a field' },
      ],
    };
    expect(fieldErrors(problem)).toEqual({
      url: 'must be a web address',
      title: 'must be 1 to 300 characters',
      '': 'colour: is not a field',
    });
    expect(fieldErrors(undefined)).toEqual({});
  });

  test('has every French key in English too', () => {
    expect(keysOf('en').sort()).toEqual(keysOf('fr').sort());
  });

  test('names every kind in both languages', () => {
    for (const language of ['fr', 'en']) {
      const t = translator(language);
      for (const kind of KINDS) expect(t(`evidence.kind.${kind}`)).not.toMatch(/^evidence\./);
    }
  });
});
