import { defineConfig } from 'vite';

// The built app goes straight where Quarkus serves static files from, so `./mvnw package` ships it
// and `@QuarkusTest` can fetch `/` too.
export default defineConfig({
  build: {
    outDir: '../target/classes/META-INF/resources',
    emptyOutDir: true,
    rollupOptions: {
      input: {
        map: 'index.html',
        moderation: 'moderation/index.html',
      },
    },
  },
  server: {
    proxy: { '/api': 'http://localhost:8080' },
  },
  test: {
    include: ['test/**/*.test.js'],
  },
});
