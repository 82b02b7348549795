// What the zoomed-out map reads from the server's vector tiles (/tiles/sightings/{z}/{x}/{y}.mvt):
// cells of approved cameras, each with how many it holds and how many are suspected of VSA.
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import { filterParams } from './viewport.js';

/** The tile's address, with the map's filters. */
export function tileUrl({ x, y, z }, filters) {
  const search = new URLSearchParams(filterParams(filters)).toString();
  return `/tiles/sightings/${z}/${x}/${y}.mvt${search ? `?${search}` : ''}`;
}

/** The cells of a tile: [{ x, y, count, vsa }], x and y in pixels of a tile `size` wide. */
export function readCells(buffer, size = 256) {
  const layer = new VectorTile(new PbfReader(buffer)).layers.sightings;
  if (!layer) return [];
  const scale = size / layer.extent;
  const cells = [];
  for (let i = 0; i < layer.length; i++) {
    const feature = layer.feature(i);
    const [[point]] = feature.loadGeometry();
    cells.push({
      x: point.x * scale,
      y: point.y * scale,
      count: feature.properties.count,
      vsa: feature.properties.vsa,
    });
  }
  return cells;
}

/** A dot's radius in pixels: 3 for one camera, growing with the logarithm of the count, 16 at most. */
export function radius(count) {
  return Math.min(16, 3 + 2 * Math.log2(Math.max(1, count)));
}

/**
 * Cells whose dots would overlap, merged into the larger one (their cameras summed, placed at
 * their weighted mean): the server's grid may split a town at a cell border into two dots a
 * pixel apart. Largest first, so that the town keeps the position of most of its cameras.
 */
export function mergeOverlapping(cells) {
  const kept = [];
  for (const cell of [...cells].sort((a, b) => b.count - a.count)) {
    const host = kept.find((k) => Math.hypot(k.x - cell.x, k.y - cell.y) < radius(k.count));
    if (!host) {
      kept.push({ ...cell });
      continue;
    }
    const count = host.count + cell.count;
    host.x = (host.x * host.count + cell.x * cell.count) / count;
    host.y = (host.y * host.count + cell.y * cell.count) / count;
    host.count = count;
    host.vsa += cell.vsa;
  }
  return kept;
}
