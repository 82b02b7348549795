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
    rollupOptions: {
      input: {
        map: 'index.html',
        moderation: 'moderation/index.html',
        stats: 'stats/index.html',
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
