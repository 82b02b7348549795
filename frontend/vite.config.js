import { defineConfig } from 'vite';
import { serviceWorker } from './build/service-worker-plugin.js';
import { sizeReport } from './build/size-report.js';

// The built app goes straight where Quarkus serves static files from, so `./mvnw package` ships it
// and `@QuarkusTest` can fetch `/` too.
export default defineConfig({
  plugins: [serviceWorker(), sizeReport()],
  build: {
    outDir: '../target/classes/META-INF/resources',
    emptyOutDir: true,
    manifest: true,
    rollupOptions: {
      input: {
        map: 'index.html',
        moderation: 'moderation/index.html',
        stats: 'stats/index.html',
        cities: 'cities/index.html',
        campaign: 'campaign/index.html',
        route: 'route/index.html',
        guide: 'guide/index.html',
        // The OGC API's HTML pages are rendered by the server, which finds this script and its
        // style in the build manifest.
        ogc: 'src/ogc/main.js',
      },
      output: {
        manualChunks(id) {
          // Every page's translator and language switch, the walker's and the guide's too: its own
          // chunk, so that it is never pulled into one the walker's offline cache leaves out. (The
          // other shared pieces, ui/dom.js and ui/api.js, are the walker's too: rollup's own chunks.)
          if (/\/src\/ui\/catalogue\.js$/.test(id)) return 'catalogue';
          // What only the plain pages share (statistics, cities, parties, route) is named after the
          // statistics page, so that it stays out of the walker's download and offline cache (see
          // build/service-worker-plugin.js).
          if (/\/src\/ui\/page\.(js|css)$/.test(id)) return 'stats-common';
          // The words the statistics and the city pages share, for them alone.
          if (/\/src\/ui\/figures-messages\.js$/.test(id)) return 'stats-figures';
          return undefined;
        },
      },
    },
    // Small images stay files rather than inline data: URIs (a strict CSP may refuse those).
    assetsInlineLimit: 0,
  },
  server: {
    proxy: { '/api': `http://localhost:${process.env.TECHNOCARTE_API_PORT || 8080}` },
  },
  test: {
    include: ['test/**/*.test.js'],
  },
});
