import { describe, expect, test } from 'vitest';
import { PLACE_ZOOM, placement } from '../src/add/position.js';

describe('where a new camera stands', () => {
  test('a GPS fix places it, with its accuracy to show', () => {
    expect(placement({ source: 'gps', accuracy: 12.4 })).toEqual({
      placed: true,
      message: 'walker.gpsPlaced',
      vars: { m: 12 },
    });
  });

  test('location refused or failed: nothing placed, and says which', () => {
    expect(placement({ source: 'failed', denied: true })).toEqual({ placed: false, message: 'walker.locateDenied' });
    expect(placement({ source: 'failed', denied: false })).toEqual({ placed: false, message: 'walker.locateFailed' });
  });

  test('a tap or a move places it only at street zoom', () => {
    expect(placement({ source: 'map', zoom: 6 })).toEqual({ placed: false, message: 'walker.zoomToPlace' });
    expect(placement({ source: 'map', zoom: PLACE_ZOOM - 1 }).placed).toBe(false);
    expect(placement({ source: 'map', zoom: PLACE_ZOOM })).toEqual({ placed: true, message: 'walker.placed' });
    expect(placement({ source: 'map', zoom: 19 }).placed).toBe(true);
  });

  test('a late failure keeps a position already chosen; zooming out again unplaces it', () => {
    const chosen = placement({ source: 'map', zoom: 17 });
    expect(placement({ source: 'failed', denied: true }, chosen)).toBe(chosen);
    expect(placement({ source: 'map', zoom: 12 }, chosen).placed).toBe(false);
  });

  test('a sighting already sent or waiting keeps its position', () => {
    expect(placement({ source: 'record' }).placed).toBe(true);
  });
});

describe('a base map that fails', async () => {
  const { tileFailures, FAILURES_BEFORE_GIVING_UP } = await import('../src/map/tiles-watch.js');

  test('gives up once after a run of failures, not after failures between loads', () => {
    const f = tileFailures();
    for (let i = 1; i < FAILURES_BEFORE_GIVING_UP; i++) expect(f.failed()).toBe(false);
    f.loaded();
    for (let i = 1; i < FAILURES_BEFORE_GIVING_UP; i++) expect(f.failed()).toBe(false);
    expect(f.failed()).toBe(true);
    expect(f.failed()).toBe(false); // said once
    f.reset();
    for (let i = 1; i < FAILURES_BEFORE_GIVING_UP; i++) expect(f.failed()).toBe(false);
    expect(f.failed()).toBe(true);
  });
});
