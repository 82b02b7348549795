import { describe, expect, test } from 'vitest';
import { translator as walkerTranslator } from '../src/i18n/index.js';
import { translator as statsTranslator } from '../src/stats/messages.js';
import { translator as citiesTranslator } from '../src/cities/messages.js';

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

  test('with the words of issue 11', () => {
    expect(walkerTranslator('fr')('cameraType.panning')).toBe('Orientable');
    expect(statsTranslator('fr')('surveillanceType.alpr')).toBe('Lecture de plaques');
  });
});
