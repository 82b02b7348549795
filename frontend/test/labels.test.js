import { describe, expect, test } from 'vitest';
import { translator as walkerTranslator } from '../src/i18n/index.js';
import { translator as statsTranslator } from '../src/stats/messages.js';
import { translator as citiesTranslator } from '../src/cities/messages.js';
import { keysOf as figuresKeys, translator as figuresTranslator } from '../src/ui/figures-messages.js';

// The same camera is called the same on the map, its sent view, the statistics and the city pages.
// ("unknown" differs on purpose: the walker's form answers "Je ne sais pas", the tables count "Inconnue".)
const VALUES = [
  'surveillanceType.camera',
  'surveillanceType.alpr',
  'surveillanceType.guard',
  'surveillanceType.other',
  'cameraType.fixed',
  'cameraType.dome',
  'cameraType.panning',
];

describe('labels of the values, across screens', () => {
  for (const language of ['fr', 'en']) {
    test(`are the same on the walker's map and the statistics pages (${language})`, () => {
      const walker = walkerTranslator(language);
      const stats = statsTranslator(language);
      for (const key of VALUES) expect([key, walker(key)]).toEqual([key, stats(key)]);
    });

    test(`are the same on the statistics and the city pages (${language})`, () => {
      const stats = statsTranslator(language);
      const cities = citiesTranslator(language);
      for (const key of [...VALUES, 'cameraType.unknown']) expect([key, cities(key)]).toEqual([key, stats(key)]);
    });
  }

  test('come from the one catalogue the statistics and the city pages share, in both languages', () => {
    expect(figuresKeys('en').sort()).toEqual(figuresKeys('fr').sort());
    for (const language of ['fr', 'en']) {
      const shared = figuresTranslator(language);
      for (const key of [...VALUES, 'cameraType.unknown', 'col.vsa', 'back']) {
        expect([key, statsTranslator(language)(key)]).toEqual([key, shared(key)]);
        expect([key, citiesTranslator(language)(key)]).toEqual([key, shared(key)]);
      }
    }
    expect(citiesTranslator('en')('error', { detail: 'down' })).toBe('The statistics are not available: down');
  });

  test('with the words of issue 11', () => {
    expect(walkerTranslator('fr')('cameraType.panning')).toBe('Orientable');
    expect(statsTranslator('fr')('surveillanceType.alpr')).toBe('Lecture de plaques');
  });
});
