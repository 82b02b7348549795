import { describe, expect, test } from 'vitest';
import { countRows, hourRows, partyCode } from '../src/campaign/shape.js';
import { keysOf, translator } from '../src/campaign/messages.js';

describe('the mapping party page', () => {
  test('reads the party code from the address, nothing else', () => {
    expect(partyCode('#k7m2q9xa')).toBe('k7m2q9xa');
    expect(partyCode('#K7M2Q9XA')).toBeNull();
    expect(partyCode('#k7m2q9x')).toBeNull();
    expect(partyCode('#k7m2q9xa/../x')).toBeNull();
    expect(partyCode('')).toBeNull();
  });

  test('lists the counts in a fixed order, 0 where missing', () => {
    expect(countRows({ knownBefore: 12, added: 3, approved: 1 }).map((r) => [r.key, r.value])).toEqual([
      ['counts.knownBefore', 12],
      ['counts.added', 3],
      ['counts.approved', 1],
      ['counts.pending', 0],
      ['counts.confirmations', 0],
    ]);
  });

  test('labels the hours in the reader’s time zone', () => {
    const rows = hourRows([{ hour: '2026-12-05T13:00:00Z', added: 4 }], { language: 'fr', timeZone: 'Europe/Paris' });
    expect(rows).toEqual([{ label: expect.stringContaining('14:00'), added: 4 }]);
  });

  test('speaks French and English with the same words', () => {
    expect(keysOf('en').sort()).toEqual(keysOf('fr').sort());
    expect(translator('en')('when', { start: 'a', end: 'b' })).toBe('From a to b');
    expect(translator('de')('add')).toBe('Ajouter une caméra');
  });
});
