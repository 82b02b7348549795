// A small street extract for the browser tests: a PMTiles v3 archive of zoom-15 vector tiles over
// central Montpellier, in the layers of the Protomaps basemap schema that the map draws ('earth' and
// 'roads', kind minor_road), so that the street zooms are drawn from a real archive read by range,
// as an operator's extract is. The tiles are made by PostGIS (ST_AsMVT), the archive is read back
// with the pmtiles library the map itself uses before it is kept.
//
//   node e2e/streets-fixture.js <file>     (TECHNOCARTE_PG_PORT: the test cluster)
import { writeFileSync } from 'node:fs';
import { open } from 'node:fs/promises';
import { PMTiles, zxyToTileId } from 'pmtiles';
import { database } from './support.js';

/** Where the archive's tiles are: the zoom-15 tiles around this point, this many on each side. */
export const STREETS_CENTER = { lat: 43.6083, lng: 3.8795 };
const ZOOM = 15;
const AROUND = 1;
/** The streets of each tile: a grid, one every STEP metres (Web Mercator), both ways. */
const STEP = 120;

const HEADER_BYTES = 127;
const COMPRESSION_NONE = 1;
const TILE_TYPE_MVT = 1;

/** The tile of `zoom` holding `{ lat, lng }`. */
function tileOf({ lat, lng }, zoom) {
  const n = 2 ** zoom;
  const r = (lat * Math.PI) / 180;
  return {
    x: Math.floor(((lng + 180) / 360) * n),
    y: Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n),
  };
}

/** One tile: land over the whole tile, and a grid of named minor roads. */
async function tile(db, z, x, y) {
  const { rows } = await db.query(
    `WITH env AS (SELECT ST_TileEnvelope($1, $2, $3) AS e),
          bounds AS (SELECT e, ST_XMin(e) AS x0, ST_YMin(e) AS y0, ST_XMax(e) AS x1, ST_YMax(e) AS y1 FROM env),
          streets AS (
            SELECT ST_MakeLine(ST_MakePoint(x0, v), ST_MakePoint(x1, v)) AS line, 'Rue ' || row_number() OVER () AS name
              FROM bounds, generate_series(0, floor((y1 - y0) / $4)::int - 1) AS i, LATERAL (SELECT y0 + (i + 0.5) * $4 AS v) l
            UNION ALL
            SELECT ST_MakeLine(ST_MakePoint(v, y0), ST_MakePoint(v, y1)), 'Avenue ' || row_number() OVER ()
              FROM bounds, generate_series(0, floor((x1 - x0) / $4)::int - 1) AS i, LATERAL (SELECT x0 + (i + 0.5) * $4 AS v) l)
     SELECT (SELECT ST_AsMVT(q, 'earth', 4096, 'geom')
               FROM (SELECT ST_AsMVTGeom(e, e) AS geom, 'earth' AS kind FROM bounds) q)
         || (SELECT ST_AsMVT(q, 'roads', 4096, 'geom')
               FROM (SELECT ST_AsMVTGeom(ST_SetSRID(line, 3857), e) AS geom, 'minor_road' AS kind, name
                       FROM streets, bounds) q) AS mvt`,
    [z, x, y, STEP],
  );
  return rows[0].mvt;
}

function varints(values) {
  const bytes = [];
  for (let v of values) {
    while (v >= 0x80) {
      bytes.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    bytes.push(v);
  }
  return Buffer.from(bytes);
}

/** The root directory of PMTiles v3: tile ids as deltas, run lengths, lengths, offsets + 1. */
function directory(entries) {
  let last = 0;
  const ids = entries.map(({ id }) => {
    const delta = id - last;
    last = id;
    return delta;
  });
  return varints([
    entries.length,
    ...ids,
    ...entries.map(() => 1),
    ...entries.map((e) => e.length),
    ...entries.map((e) => e.offset + 1),
  ]);
}

function header(fields) {
  const h = Buffer.alloc(HEADER_BYTES);
  h.write('PMTiles', 0, 'latin1');
  h.writeUInt8(3, 7);
  const u64 = [
    fields.rootOffset,
    fields.rootLength,
    fields.metadataOffset,
    fields.metadataLength,
    fields.leafOffset,
    0,
    fields.tileOffset,
    fields.tileLength,
    fields.tiles,
    fields.tiles,
    fields.tiles,
  ];
  u64.forEach((v, i) => h.writeBigUInt64LE(BigInt(v), 8 + i * 8));
  h.writeUInt8(1, 96); // clustered: tiles in tile-id order
  h.writeUInt8(COMPRESSION_NONE, 97);
  h.writeUInt8(COMPRESSION_NONE, 98);
  h.writeUInt8(TILE_TYPE_MVT, 99);
  h.writeUInt8(ZOOM, 100);
  h.writeUInt8(ZOOM, 101);
  const e7 = (v) => Math.round(v * 1e7);
  const [w, s, e, n] = fields.bounds;
  [w, s, e, n].forEach((v, i) => h.writeInt32LE(e7(v), 102 + i * 4));
  h.writeUInt8(ZOOM, 118);
  h.writeInt32LE(e7(STREETS_CENTER.lng), 119);
  h.writeInt32LE(e7(STREETS_CENTER.lat), 123);
  return h;
}

/** A pmtiles Source over a file of this machine, as the library reads an archive. */
class FileSource {
  constructor(path) {
    this.path = path;
  }
  getKey() {
    return this.path;
  }
  async getBytes(offset, length) {
    const file = await open(this.path);
    try {
      const data = Buffer.alloc(length);
      const { bytesRead } = await file.read(data, 0, length, offset);
      const part = data.subarray(0, bytesRead);
      return { data: part.buffer.slice(part.byteOffset, part.byteOffset + part.length) };
    } finally {
      await file.close();
    }
  }
}

const lonOf = (x, z) => (x / 2 ** z) * 360 - 180;
const latOf = (y, z) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / 2 ** z))) * 180) / Math.PI;

/** Writes the archive to `path` and answers how many tiles it holds. */
export async function writeStreets(path, db) {
  const c = tileOf(STREETS_CENTER, ZOOM);
  const tiles = [];
  for (let x = c.x - AROUND; x <= c.x + AROUND; x++)
    for (let y = c.y - AROUND; y <= c.y + AROUND; y++)
      tiles.push({ x, y, id: zxyToTileId(ZOOM, x, y), data: await tile(db, ZOOM, x, y) });
  tiles.sort((a, b) => a.id - b.id);
  let offset = 0;
  const entries = tiles.map((t) => {
    const entry = { id: t.id, offset, length: t.data.length };
    offset += t.data.length;
    return entry;
  });
  const root = directory(entries);
  const metadata = Buffer.from(JSON.stringify({ name: 'Technocarte test streets', vector_layers: [] }));
  const data = Buffer.concat(tiles.map((t) => t.data));
  const rootOffset = HEADER_BYTES;
  const metadataOffset = rootOffset + root.length;
  const tileOffset = metadataOffset + metadata.length;
  const bounds = [
    lonOf(c.x - AROUND, ZOOM),
    latOf(c.y + AROUND + 1, ZOOM),
    lonOf(c.x + AROUND + 1, ZOOM),
    latOf(c.y - AROUND, ZOOM),
  ];
  const head = header({
    rootOffset,
    rootLength: root.length,
    metadataOffset,
    metadataLength: metadata.length,
    leafOffset: tileOffset + data.length,
    tileOffset,
    tileLength: data.length,
    tiles: tiles.length,
    bounds,
  });
  writeFileSync(path, Buffer.concat([head, root, metadata, data]));

  // Read back as the map reads it: every tile found, byte for byte.
  const archive = new PMTiles(new FileSource(path));
  for (const t of tiles) {
    const read = await archive.getZxy(ZOOM, t.x, t.y);
    if (!read || Buffer.compare(Buffer.from(read.data), t.data) !== 0)
      throw new Error(`streets-fixture: tile ${ZOOM}/${t.x}/${t.y} does not read back`);
  }
  return tiles.length;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const path = process.argv[2];
  if (!path) throw new Error('usage: node e2e/streets-fixture.js <file>');
  const db = database();
  try {
    const count = await writeStreets(path, db);
    console.error(`streets-fixture: ${count} tiles at zoom ${ZOOM} in ${path}`);
  } finally {
    await db.end();
  }
}
