import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

const SOURCE = new URL('../src/offline/service-worker.js', import.meta.url);
// The look-alike guide is part of the walker's app: it is read in the street, offline too.
const SHELL = ['/', '/index.html', '/guide/', '/manifest.webmanifest', '/icons/icon.svg'];
// The moderators', statistics and city pages are not part of the walker's app: phones do not fetch them.
const MODERATION = /^\/assets\/(moderation|stats|cities|city-map|ogc)-/;

/** Emits /sw.js with the list of every built file to keep offline, versioned by their names. */
export function serviceWorker() {
  return {
    name: 'technocarte-service-worker',
    apply: 'build',
    generateBundle(_, bundle) {
      const assets = Object.keys(bundle).map((file) => `/${file}`);
      const precache = [...SHELL, ...assets.filter((f) => f.startsWith('/assets/') && !MODERATION.test(f))];
      const version = createHash('sha256').update(assets.sort().join('\n')).digest('hex').slice(0, 12);
      const source = readFileSync(SOURCE, 'utf8');
      this.emitFile({
        type: 'asset',
        fileName: 'sw.js',
        source: `const PRECACHE = ${JSON.stringify(precache)};\nconst VERSION = '${version}';\n${source}`,
      });
    },
  };
}
