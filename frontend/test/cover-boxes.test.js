import { describe, expect, test } from 'vitest';
import { fromDrag, MIN_SIDE, paintBoxes, pointIn, toPercent, toPixels } from '../src/photo/cover-boxes.js';

describe('a box dragged over a photo', () => {
  test('is the same whichever corner the drag starts from', () => {
    const box = { x: 0.2, y: 0.1, width: 0.3, height: 0.4 };
    expect(fromDrag({ x: 0.2, y: 0.1 }, { x: 0.5, y: 0.5 })).toEqual(box);
    const back = fromDrag({ x: 0.5, y: 0.5 }, { x: 0.2, y: 0.1 });
    expect(back.x).toBeCloseTo(0.2);
    expect(back.width).toBeCloseTo(0.3);
    expect(back.height).toBeCloseTo(0.4);
  });

  test('stays inside the photo when the finger leaves it', () => {
    expect(fromDrag({ x: 0.8, y: 0.9 }, { x: 1.4, y: -0.3 })).toEqual({
      x: 0.8,
      y: 0,
      width: 0.19999999999999996,
      height: 0.9,
    });
  });

  test('is no box for a tap or a line', () => {
    expect(fromDrag({ x: 0.5, y: 0.5 }, { x: 0.5, y: 0.5 })).toBeNull();
    expect(fromDrag({ x: 0.1, y: 0.5 }, { x: 0.9, y: 0.5 + MIN_SIDE / 2 })).toBeNull();
  });

  test('reads the pointer as fractions of the element, clamped', () => {
    const rect = { left: 10, top: 20, width: 200, height: 100 };
    expect(pointIn(rect, 110, 70)).toEqual({ x: 0.5, y: 0.5 });
    expect(pointIn(rect, 0, 500)).toEqual({ x: 0, y: 1 });
  });

  test('is drawn over a preview of any size in percentages', () => {
    expect(toPercent({ x: 0.25, y: 0.5, width: 0.125, height: 0.5 })).toEqual({
      left: '25.000%',
      top: '50.000%',
      width: '12.500%',
      height: '50.000%',
    });
  });
});

describe('a box in the pixels of the redrawn photo', () => {
  test('is rounded outwards, so no covered pixel is half covered', () => {
    expect(toPixels({ x: 0.1001, y: 0.2501, width: 0.3, height: 0.25 }, 1000, 100)).toEqual({
      x: 100,
      y: 25,
      width: 301,
      height: 26,
    });
  });

  test('keeps at least one pixel and never leaves the photo', () => {
    expect(toPixels({ x: 0.9999, y: 0.9999, width: 0.5, height: 0.5 }, 10, 10)).toEqual({
      x: 9,
      y: 9,
      width: 1,
      height: 1,
    });
    expect(toPixels({ x: 0, y: 0, width: 1, height: 1 }, 2048, 1536)).toEqual({
      x: 0,
      y: 0,
      width: 2048,
      height: 1536,
    });
  });
});

describe('painting the boxes', () => {
  test('fills each box solid in the canvas, in pixels of its size', () => {
    const calls = [];
    const context = {
      fillStyle: null,
      fillRect: (...args) => calls.push([context.fillStyle, ...args]),
    };
    paintBoxes(
      context,
      [
        { x: 0, y: 0, width: 0.5, height: 0.5 },
        { x: 0.75, y: 0.5, width: 0.25, height: 0.5 },
      ],
      400,
      300,
    );
    expect(calls).toEqual([
      ['#000', 0, 0, 200, 150],
      ['#000', 300, 150, 100, 150],
    ]);
  });

  test('leaves the canvas alone without boxes', () => {
    const context = { fillRect: () => expect.unreachable() };
    paintBoxes(context, [], 10, 10);
  });

  test('covers every pixel inside a box in a real pixel buffer, and none outside', () => {
    // A tiny canvas of its own: a pixel buffer with fillRect, as the 2D context paints.
    const width = 20;
    const height = 10;
    const pixels = Array.from({ length: width * height }, (_, i) => i % 7);
    const context = {
      fillRect(x, y, w, h) {
        for (let j = y; j < y + h; j++) for (let i = x; i < x + w; i++) pixels[j * width + i] = -1;
      },
    };
    const box = { x: 0.23, y: 0.31, width: 0.5, height: 0.4 };
    paintBoxes(context, [box], width, height);
    const px = toPixels(box, width, height);
    for (let j = 0; j < height; j++) {
      for (let i = 0; i < width; i++) {
        const inside = i >= px.x && i < px.x + px.width && j >= px.y && j < px.y + px.height;
        expect(pixels[j * width + i] === -1).toBe(inside);
      }
    }
    expect(px).toEqual({ x: 4, y: 3, width: 11, height: 5 });
  });
});
