import { PbfWriter } from 'pbf';
import { describe, expect, test } from 'vitest';
import { mergeOverlapping, radius, readCells, tileUrl } from '../src/map/density-cells.js';

const zigzag = (n) => (n << 1) ^ (n >> 31);

/** A tile with one empty layer of another name. */
function otherLayer() {
  const pbf = new PbfWriter();
  pbf.writeMessage(3, (_, out) => {
    out.writeVarintField(15, 2);
    out.writeStringField(1, 'other');
    out.writeVarintField(5, 4096);
  });
  return pbf.finish();
}

describe('the zoomed-out density layer', () => {
  test('reads the cells of a tile (spec 2.1, as PostGIS writes it), scaled to pixels', () => {
    // Values: indexes 0..3 = 12, 2, 1, 0 (two points: count 12 vsa 2, count 1 vsa 0).
    const pbf = new PbfWriter();
    pbf.writeMessage(3, (_, out) => {
      out.writeVarintField(15, 2);
      out.writeStringField(1, 'sightings');
      const feature = (tags, x, y) =>
        out.writeMessage(2, (__, f) => {
          f.writePackedVarint(2, tags);
          f.writeVarintField(3, 1);
          f.writePackedVarint(4, [9, zigzag(x), zigzag(y)]);
        });
      feature([0, 0, 1, 1], 2048, 1024);
      feature([0, 2, 1, 3], 4095, 0);
      out.writeStringField(3, 'count');
      out.writeStringField(3, 'vsa');
      for (const v of [12, 2, 1, 0]) out.writeMessage(4, (__, value) => value.writeVarintField(5, v));
      out.writeVarintField(5, 4096);
    });
    const cells = readCells(pbf.finish(), 256);
    expect(cells).toEqual([
      { x: 128, y: 64, count: 12, vsa: 2 },
      { x: 255.9375, y: 0, count: 1, vsa: 0 },
    ]);
  });

  test('an empty tile (no camera there) has no cells', () => {
    expect(readCells(new Uint8Array(0))).toEqual([]);
    expect(readCells(otherLayer())).toEqual([]);
  });

  test('dots grow with the logarithm of the count, within bounds', () => {
    expect(radius(1)).toBe(3);
    expect(radius(4)).toBe(7);
    expect(radius(1_000_000)).toBe(16);
    expect(radius(0)).toBe(3);
  });

  test("tile addresses carry the map's filters", () => {
    expect(tileUrl({ x: 16, y: 11, z: 5 }, {})).toBe('/tiles/sightings/5/16/11.mvt');
    expect(tileUrl({ x: 1, y: 2, z: 3 }, { cameraTypes: ['fixed', 'dome'], vsaOnly: true })).toBe(
      '/tiles/sightings/3/1/2.mvt?cameraType=dome%2Cfixed&vsaSuspected=true',
    );
  });

  test('a town split by a cell border is one dot; distant towns stay apart', () => {
    const cells = [
      { x: 100, y: 100, count: 5, vsa: 0 },
      { x: 101, y: 100, count: 15, vsa: 3 },
      { x: 200, y: 40, count: 2, vsa: 2 },
    ];
    expect(mergeOverlapping(cells)).toEqual([
      { x: 100.75, y: 100, count: 20, vsa: 3 },
      { x: 200, y: 40, count: 2, vsa: 2 },
    ]);
    expect(cells[1].count).toBe(15); // the tile's cells are left as read
  });
});
