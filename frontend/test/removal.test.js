import { describe, expect, test } from 'vitest';
import { removalReport } from '../src/sighting/removal-form.js';
import { filterParams, viewportRequest } from '../src/map/viewport.js';

const COMEDIE = { lng: 3.8796712345, lat: 43.6085198765 };

describe('removal reports', () => {
  test('a camera gone sends its kind and the note, trimmed, and no position', () => {
    expect(removalReport({ kind: 'gone', note: '  Le mât est vide ', centre: COMEDIE })).toEqual({
      kind: 'gone',
      note: 'Le mât est vide',
    });
  });

  test('an empty note is left out', () => {
    expect(removalReport({ kind: 'gone', note: '   ', centre: COMEDIE })).toEqual({ kind: 'gone' });
  });

  test('a camera moved goes where the map is centred, lon first, 6 decimals', () => {
    expect(removalReport({ kind: 'moved', note: '', centre: COMEDIE })).toEqual({
      kind: 'moved',
      movedTo: [3.879671, 43.60852],
    });
  });

  test('the removed layer asks for approved and removed cameras together', () => {
    expect(filterParams({ removed: true })).toEqual([['status', 'approved,removed']]);
    expect(filterParams({ removed: false })).toEqual([]);
    const bounds = { getWest: () => 3.87, getSouth: () => 43.6, getEast: () => 3.89, getNorth: () => 43.62 };
    expect(viewportRequest(bounds, { removed: true }).url).toBe(
      '/api/sightings?bbox=3.87%2C43.6%2C3.89%2C43.62&status=approved%2Cremoved',
    );
  });
});
