// Photos are redrawn on the phone before they leave it: a canvas keeps only the pixels, so the
// camera's EXIF (GPS position, phone model, time) never goes over the network, and a 12-megapixel
// picture becomes a few hundred kilobytes, which matters on a street's poor signal. The boxes the
// walker drew over faces, plates and windows are filled in that same canvas before it is encoded,
// so nothing they cover is ever sent.
import { paintBoxes } from './cover-boxes.js';

export const LONG_SIDE = 2048;
export const QUALITY = 0.85;

/** The size to draw at: the long side at most `max`, proportions kept, never enlarged. */
export function targetSize(width, height, max = LONG_SIDE) {
  if (!(width > 0 && height > 0)) throw new RangeError(`not an image size: ${width}×${height}`);
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Decodes a picked file upright (browsers apply the EXIF orientation); null when it is no image. */
async function decode(file) {
  if (globalThis.createImageBitmap) {
    try {
      return await createImageBitmap(file, { imageOrientation: 'from-image' });
    } catch {
      // older browsers refuse the options bag: fall back to an <img>
    }
  }
  const url = URL.createObjectURL(file);
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    return img;
  } catch {
    return null;
  } finally {
    URL.revokeObjectURL(url);
  }
}

/**
 * A picked image as a JPEG blob without metadata, at most `max` px on its long side, `boxes`
 * (fractions of the picture, see cover-boxes.js) filled solid; null if unreadable.
 */
export async function downscale(file, { max = LONG_SIDE, quality = QUALITY, boxes = [] } = {}) {
  const image = await decode(file);
  if (!image) return null;
  const { width, height } = targetSize(image.naturalWidth || image.width, image.naturalHeight || image.height, max);
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d');
  context.fillStyle = '#fff'; // a transparent PNG would turn black in JPEG
  context.fillRect(0, 0, width, height);
  context.drawImage(image, 0, 0, width, height);
  paintBoxes(context, boxes, width, height);
  image.close?.();
  const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', quality));
  canvas.width = canvas.height = 0; // frees the bitmap at once on memory-tight phones
  return blob;
}
