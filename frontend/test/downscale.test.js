import { describe, expect, test } from 'vitest';
import { LONG_SIDE, targetSize } from '../src/photo/downscale.js';

describe('the size a photo is redrawn at', () => {
  test('brings a 12-megapixel landscape photo to 2048 px on its long side, proportions kept', () => {
    expect(targetSize(4032, 3024)).toEqual({ width: 2048, height: 1536 });
  });

  test('does the same for a portrait photo', () => {
    expect(targetSize(3024, 4032)).toEqual({ width: 1536, height: 2048 });
  });

  test('never enlarges a small picture', () => {
    expect(targetSize(800, 600)).toEqual({ width: 800, height: 600 });
    expect(targetSize(LONG_SIDE, 10)).toEqual({ width: LONG_SIDE, height: 10 });
  });

  test('keeps at least one pixel of a very thin panorama', () => {
    expect(targetSize(20000, 3)).toEqual({ width: 2048, height: 1 });
  });

  test('takes another long side when asked', () => {
    expect(targetSize(1000, 500, 320)).toEqual({ width: 320, height: 160 });
  });

  test('refuses a size that is no image', () => {
    expect(() => targetSize(0, 100)).toThrow(RangeError);
    expect(() => targetSize(Number.NaN, 100)).toThrow(RangeError);
  });
});
