// Boxes that cover part of a photo (a face, a plate, a window). They are kept as fractions of the
// picture (0 to 1 from its top left corner), so one box fits the preview on the screen, the canvas
// the photo is redrawn in, and the stored photo's pixels on the server alike.

/** A box smaller than this (a share of the side) is a tap, not a drag. */
export const MIN_SIDE = 0.02;
/** As many as the server takes for one photo. */
export const MAX_BOXES = 20;

const clamp = (v) => Math.min(1, Math.max(0, v));

/** The box between two corners of a drag, in any direction, kept inside the picture; null for a tap. */
export function fromDrag(start, end) {
  const x0 = clamp(Math.min(start.x, end.x));
  const y0 = clamp(Math.min(start.y, end.y));
  const x1 = clamp(Math.max(start.x, end.x));
  const y1 = clamp(Math.max(start.y, end.y));
  if (x1 - x0 < MIN_SIDE || y1 - y0 < MIN_SIDE) return null;
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

/** Where a pointer is over an element, as fractions of its size. */
export function pointIn(rect, clientX, clientY) {
  return { x: clamp((clientX - rect.left) / rect.width), y: clamp((clientY - rect.top) / rect.height) };
}

/**
 * A box in whole pixels of a picture of width × height, rounded outwards, so that a covered edge
 * is never a half-covered pixel; always at least one pixel, always inside.
 */
export function toPixels(box, width, height) {
  const x = Math.min(width - 1, Math.max(0, Math.floor(box.x * width)));
  const y = Math.min(height - 1, Math.max(0, Math.floor(box.y * height)));
  const right = Math.min(width, Math.max(x + 1, Math.ceil((box.x + box.width) * width)));
  const bottom = Math.min(height, Math.max(y + 1, Math.ceil((box.y + box.height) * height)));
  return { x, y, width: right - x, height: bottom - y };
}

/** Fills each box with solid colour in a canvas of width × height: what was there is gone. */
export function paintBoxes(context, boxes, width, height, colour = '#000') {
  context.fillStyle = colour;
  for (const box of boxes) {
    const px = toPixels(box, width, height);
    context.fillRect(px.x, px.y, px.width, px.height);
  }
}

/** The box as CSS percentages, to draw it over a preview of any size. */
export function toPercent(box) {
  const pct = (v) => `${(v * 100).toFixed(3)}%`;
  return { left: pct(box.x), top: pct(box.y), width: pct(box.width), height: pct(box.height) };
}
