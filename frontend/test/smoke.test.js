import { expect, test } from 'vitest';

test('the build configuration writes where Quarkus serves from', async () => {
  const config = (await import('../vite.config.js')).default;
  expect(config.build.outDir).toBe('../target/classes/META-INF/resources');
});
