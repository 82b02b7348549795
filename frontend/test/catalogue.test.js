import { describe, expect, test } from 'vitest';
import { catalogue, storedLanguage, storeLanguage } from '../src/ui/catalogue.js';

const memory = () => {
  const values = new Map();
  return { getItem: (k) => values.get(k) ?? null, setItem: (k, v) => values.set(k, String(v)) };
};

describe('the language catalogue', () => {
  const { pickLanguage, chosenLanguage, translator, keysOf } = catalogue({
    fr: { hello: 'Bonjour {name}', only: 'Seulement en français' },
    en: { hello: 'Hello {name}' },
  });

  test('picks the first browser language it speaks, French otherwise', () => {
    expect(pickLanguage(['de-DE', 'en-GB'])).toBe('en');
    expect(pickLanguage(['de-DE'])).toBe('fr');
    expect(pickLanguage(undefined)).toBe('fr');
  });

  test('a switch’s choice, kept in the browser, wins over the browser’s languages', () => {
    const storage = memory();
    expect(chosenLanguage(['en'], storage)).toBe('en');
    storeLanguage('fr', storage);
    expect(storedLanguage(storage)).toBe('fr');
    expect(chosenLanguage(['en'], storage)).toBe('fr');
    storage.setItem('technocarte.language', 'xx');
    expect(chosenLanguage(['en'], storage)).toBe('en');
  });

  test('fills values, falls back to French then to the key', () => {
    const t = translator('en');
    expect(t('hello', { name: 'Lou' })).toBe('Hello Lou');
    expect(t('only')).toBe('Seulement en français');
    expect(t('missing')).toBe('missing');
    expect(keysOf('en')).toEqual(['hello']);
  });
});
