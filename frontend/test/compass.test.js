import { expect, test } from 'vitest';
import { headingOf } from '../src/add/compass.js';

test('reads the heading from iOS and from absolute orientation events, nothing from relative ones', () => {
  expect(headingOf({ webkitCompassHeading: 359.6 })).toBe(0);
  expect(headingOf({ webkitCompassHeading: 92.2 })).toBe(92);
  // alpha turns counter-clockwise from north: a phone turned to the east has alpha 270.
  expect(headingOf({ absolute: true, alpha: 270 })).toBe(90);
  expect(headingOf({ absolute: true, alpha: 0 })).toBe(0);
  expect(headingOf({ absolute: false, alpha: 270 })).toBeNull();
  expect(headingOf({})).toBeNull();
});
