// The low zooms of the base map, from Natural Earth (public domain, through the world-atlas
// package): land and country borders as one gzipped TSV that the app loads into PostGIS at its
// first start (see BasemapData.java) and serves as vector tiles. Written beside the compiled
// classes, so the jar ships it and no committed file goes stale.
//
// One line a geometry: kind <TAB> kind_detail <TAB> GeoJSON geometry (WGS 84, 4 decimals, ~10 m).
//   earth    0  Polygon    land
//   boundary 2  LineString a border between two countries (admin level 2)
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { feature, mesh } from 'topojson-client';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
export const OUTPUT = resolve(here, '../../target/classes/basemap/world.tsv.gz');

// Web Mercator ends at 85.05°: Antarctica's edge at -90° would project to infinity.
const MERCATOR_LAT = 85.0511;
const round = ([lon, lat]) =>
  [lon, Math.max(-MERCATOR_LAT, Math.min(MERCATOR_LAT, lat))].map((v) => Math.round(v * 1e4) / 1e4);
const line = (kind, detail, geometry) => `${kind}\t${detail}\t${JSON.stringify(geometry)}\n`;

/** The TSV text: one line per land polygon and per border line. */
export function basemapLines(topology, landTopology) {
  const lines = [];
  // The land is the countries merged: world-atlas ships it as its own object in land-50m.json.
  const earth = feature(landTopology, landTopology.objects.land);
  for (const f of earth.features ?? [earth]) {
    const g = f.geometry;
    const polygons = g.type === 'MultiPolygon' ? g.coordinates : [g.coordinates];
    for (const rings of polygons)
      lines.push(line('earth', 0, { type: 'Polygon', coordinates: rings.map((r) => r.map(round)) }));
  }
  // Each arc shared by two countries is a border; an arc of one country only is a coast.
  const borders = mesh(topology, topology.objects.countries, (a, b) => a !== b);
  for (const coordinates of borders.coordinates)
    lines.push(line('boundary', 2, { type: 'LineString', coordinates: coordinates.map(round) }));
  return lines.join('');
}

const read = (name) => JSON.parse(readFileSync(require.resolve(`world-atlas/${name}`), 'utf8'));
const text = basemapLines(read('countries-50m.json'), read('land-50m.json'));
mkdirSync(dirname(OUTPUT), { recursive: true });
writeFileSync(OUTPUT, gzipSync(Buffer.from(text, 'utf8'), { level: 9 }));
console.log(`basemap: ${text.split('\n').length - 1} geometries, ${OUTPUT}`);
