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
        // What the statistics, city and moderation pages share is named after them, so that it stays
        // out of the walker's download and offline cache (see build/service-worker-plugin.js).
        manualChunks(id) {
          if (/\/src\/moderation\/api\.js$/.test(id)) return 'moderation-api';
          // Every page's translator and language switch, the walker's and the guide's too: its own
          // chunk, so that it is never pulled into one the walker's offline cache leaves out.
          if (/\/src\/ui\/catalogue\.js$/.test(id)) return 'catalogue';
          if (/\/src\/(stats\/(dom|shape|messages)\.js|stats\/stats\.css|cities\/paths\.js)$/.test(id))
            return 'stats-common';
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
