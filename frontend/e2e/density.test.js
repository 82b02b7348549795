// The zoomed-out map: France at zoom 6 shows the demo cameras as dots drawn from the server's
// vector tiles; zooming in to a street swaps them for the cameras themselves.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  MONTPELLIER_COMEDIE,
  cspViolations,
  eventually,
  launch,
  locate,
  openApp,
  phone,
  seriousViolations,
  screenshotDir,
} from './support.js';

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

/** How many of the density layer's canvases have something drawn on them. */
const paintedTiles = (page) =>
  page.evaluate(
    () =>
      [...document.querySelectorAll('canvas.density-tile')].filter((canvas) => {
        const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
        for (let i = 3; i < data.length; i += 4) if (data[i] > 0) return true;
        return false;
      }).length,
  );

test('zoomed out over France, the cameras are dots from the vector tiles; a street shows them one by one', async () => {
  // A first visit that has not let the site locate it yet opens over France (granted, the map
  // would open where the walker is).
  const context = await phone(browser, { located: false });
  const tiles = [];
  context.on('response', (response) => {
    if (new URL(response.url()).pathname.startsWith('/tiles/sightings/')) tiles.push(response);
  });
  const page = await openApp(context);
  assert.equal(await page.textContent('#map-hint'), 'Zoomez pour voir les caméras');
  // Montpellier and Paris 11e hold the demo cameras: the tiles over them have dots.
  await eventually(async () => (await paintedTiles(page)) >= 2);
  assert.ok(tiles.length > 0 && tiles.every((r) => r.status() === 200), 'tiles answered');
  assert.ok(tiles.every((r) => r.headers()['content-type'] === 'application/vnd.mapbox-vector-tile'));
  // The tiles answer one by one: wait until those of the whole view are in.
  const sizes = await eventually(async () => {
    const all = await Promise.all(tiles.map(async (r) => (await r.body()).length));
    return all.some((n) => n > 0) && all.some((n) => n === 0) && all;
  }).catch(() => tiles.map(() => -1));
  assert.ok(sizes.some((n) => n > 0) && sizes.some((n) => n === 0), `tiles with cameras and empty ones: ${sizes}`);
  assert.deepEqual(await cspViolations(page), []);
  assert.deepEqual(await seriousViolations(page), []);
  await page.screenshot({ path: new URL('france.png', screenshotDir()).pathname });

  await context.setGeolocation({ ...MONTPELLIER_COMEDIE, accuracy: 12 });
  await context.grantPermissions(['geolocation']);
  await locate(page);
  assert.equal(await page.locator('canvas.density-tile').count(), 0, 'no dots once the cameras are loaded');
  assert.ok((await page.locator('.leaflet-marker-icon').count()) > 0);
  await context.close();
});
