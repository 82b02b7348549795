import { describe, expect, test } from 'vitest';
import { bboxArea, bboxOf, filterParams, showsWedges, useServerCaps, viewportRequest } from '../src/map/viewport.js';

const bounds = (w, s, e, n) => ({ getWest: () => w, getSouth: () => s, getEast: () => e, getNorth: () => n });
const MONTPELLIER_CENTRE = bounds(3.870001234, 43.6, 3.89, 43.62);

describe('viewport requests', () => {
  test('asks for the viewport box, rounded, with the filters that are set', () => {
    const request = viewportRequest(MONTPELLIER_CENTRE, {
      cameraTypes: ['panning', 'dome'],
      vsaOnly: true,
      city: '2992166',
    });
    expect(request.url).toBe(
      '/api/sightings?bbox=3.87%2C43.6%2C3.89%2C43.62&cameraType=dome%2Cpanning&vsaSuspected=true&city=2992166',
    );
  });

  test('asks nothing beyond the server cap: the map says zoom in', () => {
    useServerCaps({ maxBboxArea: 1.0 });
    expect(viewportRequest(bounds(2, 43, 4, 44), {})).toEqual({ zoomIn: true, bbox: [2, 43, 4, 44] });
    expect(viewportRequest(bounds(3, 43, 4, 44), {}).url).toContain('bbox=3%2C43%2C4%2C44');
  });

  test('takes the cap from /api/config, not from a copy of it', () => {
    useServerCaps({ maxBboxArea: 4 });
    expect(viewportRequest(bounds(2, 43, 4, 44), {}).url).toContain('bbox=2%2C43%2C4%2C44');
    expect(viewportRequest(bounds(0, 42, 4, 44), {}).zoomIn).toBe(true);
    useServerCaps({ maxBboxArea: 'large' });
    useServerCaps(null);
    expect(viewportRequest(bounds(0, 42, 4, 44), {}).zoomIn).toBe(true);
    useServerCaps({ maxBboxArea: 1.0 });
  });

  test('clamps a world view to valid coordinates', () => {
    expect(bboxOf(bounds(-250, -95, 300, 95))).toEqual([-180, -90, 180, 90]);
    expect(bboxArea([-180, -90, 180, 90])).toBe(64800);
  });

  test('sends no empty filter', () => {
    expect(filterParams({ cameraTypes: [], vsaOnly: false, city: '' })).toEqual([]);
  });

  test('draws fields of view only at street zoom', () => {
    expect(showsWedges(16)).toBe(false);
    expect(showsWedges(17)).toBe(true);
  });
});
