import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const DOWNLOADED = /\.(js|css|html|webmanifest|svg)$/;
// The moderators', statistics and city pages are not part of what a walker's phone loads.
const MODERATION =
  /^(moderation\/|assets\/moderation-|stats\/|assets\/stats-|cities\/|assets\/cities-|assets\/city-map-|assets\/ogc-)/;

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Gzipped sizes of what a phone downloads (HTML, JS, CSS, manifest, drawings), and their total. */
export function gzippedSizes(outDir) {
  const rows = files(outDir)
    .filter((f) => DOWNLOADED.test(f) && !MODERATION.test(relative(outDir, f)))
    .map((f) => ({ file: relative(outDir, f), bytes: gzipSync(readFileSync(f), { level: 9 }).length }));
  return { rows, total: rows.reduce((sum, r) => sum + r.bytes, 0) };
}

/** Prints the gzipped total after each build: the figure to keep under 80 KB. */
export function sizeReport() {
  let outDir;
  return {
    name: 'technocarte-size-report',
    apply: 'build',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    closeBundle() {
      const { rows, total } = gzippedSizes(outDir);
      for (const r of rows.sort((a, b) => b.bytes - a.bytes))
        console.log(`  ${(r.bytes / 1024).toFixed(1).padStart(6)} KB gz  ${r.file}`);
      console.log(`Total downloaded by a phone (gzipped JS+CSS+HTML+manifest+icons): ${(total / 1024).toFixed(1)} KB`);
    },
  };
}
