import { describe, expect, test } from 'vitest';
import { figures, lineBody, pairBody } from '../src/route/shape.js';
import { keysOf, translator } from '../src/route/messages.js';

describe('the route page', () => {
  test('sends the points tapped as a LineString of [lon, lat]', () => {
    expect(
      lineBody([
        [44.70000001234, 1.7],
        [44.7, 1.70512345678],
      ]),
    ).toEqual({
      type: 'LineString',
      coordinates: [
        [1.7, 44.7],
        [1.7051235, 44.7],
      ],
    });
  });

  test('asks the least watched way from the first point to the last, the detour as a share', () => {
    expect(
      pairBody(
        [
          [44.7, 1.7],
          [44.8, 1.8],
          [44.701, 1.705],
        ],
        35,
      ),
    ).toEqual({ from: [1.7, 44.7], to: [1.705, 44.701], maxDetour: 0.35 });
  });

  test('shows the figures in metres, the share watched and the cameras suspected of VSA', () => {
    const t = translator('fr');
    const rows = figures(
      {
        lengthMetres: 1234.4,
        watchedMetres: 160,
        watchedShare: 0.13,
        longestUnwatchedMetres: 600.2,
        cameras: [
          { id: 1, cameraType: 'dome', vsaSuspected: true },
          { id: 2, cameraType: 'fixed', vsaSuspected: false },
        ],
      },
      { t, language: 'fr' },
    );
    expect(rows.map(([key]) => key)).toEqual(['fig.length', 'fig.watched', 'fig.gap', 'fig.cameras']);
    expect(rows[0][1].replace(/\s/g, ' ')).toBe('1 234 m');
    expect(rows[1][1].replace(/\s/g, ' ')).toBe('160 m (13 %)');
    expect(rows[2][1]).toBe('600 m');
    expect(rows[3][1]).toContain('dont 1 soupçonnée');
  });

  test('speaks French and English with the same words', () => {
    expect(keysOf('en').sort()).toEqual(keysOf('fr').sort());
  });
});
