import { describe, expect, test } from 'vitest';
import en from '../src/i18n/en.js';
import fr from '../src/i18n/fr.js';
import { pickLanguage, translator } from '../src/i18n/index.js';

describe('i18n', () => {
  test('speaks French by default and English when the browser prefers it', () => {
    expect(pickLanguage([])).toBe('fr');
    expect(pickLanguage(['de-DE', 'en-GB', 'fr'])).toBe('en');
    expect(pickLanguage(['fr-BE', 'en'])).toBe('fr');
    expect(pickLanguage(['es'])).toBe('fr');
  });

  test('fills placeholders and falls back to French, then to the key', () => {
    const t = translator('en');
    expect(t('map.count', { n: 3 })).toBe('3 cameras');
    expect(translator('fr')('map.count', { n: 3 })).toBe('3 caméras');
    expect(t('no.such.key')).toBe('no.such.key');
    expect(t('nearby.item', { type: 'Dome' })).toBe('Dome, {d} m away');
  });

  test('every French string has its English translation and back', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(fr).sort());
  });
});
