import { describe, expect, test } from 'vitest';
import { fieldOfView } from '../src/sighting/fields.js';
import { bearing, destination, distance, wedge, wedges } from '../src/map/wedge.js';

const COMEDIE = [43.608306, 3.879471];

describe('field-of-view wedges', () => {
  test('a point 25 m east is 25 m away at bearing 90', () => {
    const east = destination(COMEDIE, 90, 25);
    expect(distance(COMEDIE, east)).toBeCloseTo(25, 3);
    expect(bearing(COMEDIE, east)).toBe(90);
    expect(bearing(COMEDIE, destination(COMEDIE, 315, 10))).toBe(315);
  });

  test('a 60° wedge looking north starts at the camera and spans 330° to 30°', () => {
    const outline = wedge(COMEDIE, 0, 60, 20);
    expect(outline[0]).toEqual(COMEDIE);
    expect(bearing(COMEDIE, outline[1])).toBe(330);
    expect(bearing(COMEDIE, outline.at(-1))).toBe(30);
    for (const p of outline.slice(1)) expect(distance(COMEDIE, p)).toBeCloseTo(20, 3);
  });

  test('a camera looking two ways has two wedges; a dome has one ring', () => {
    expect(wedges(COMEDIE, [90, 270], 60)).toHaveLength(2);
    const ring = wedges(COMEDIE, [], 360, 10);
    expect(ring).toHaveLength(1);
    expect(ring[0]).toHaveLength(36);
    expect(wedges(COMEDIE, [], 60)).toEqual([]);
  });

  test('the field of view defaults by camera type', () => {
    expect(fieldOfView({ cameraType: 'fixed' })).toBe(60);
    expect(fieldOfView({ cameraType: 'dome' })).toBe(360);
    expect(fieldOfView({ cameraType: 'panning' })).toBe(360);
    expect(fieldOfView({ cameraType: 'fixed', fieldOfView: 90 })).toBe(90);
  });
});
