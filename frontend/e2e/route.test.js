// "How watched is my walk?" on a phone, in real headless Chromium: the walker taps a walk along a
// street with domes, sees it coloured and measured, then asks the least watched way with a detour.
// The street grid of the Java tests (src/test/resources/routes/grid.sql), near Gramat: no demo data.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { BASE_URL, browserAndDatabase, phone, seriousViolations } from './support.js';

const shared = browserAndDatabase();
const GRID = readFileSync(new URL('../../src/test/resources/routes/grid.sql', import.meta.url), 'utf8');
const ZOOM = 16;

/** The pixel of a position on a Leaflet map of this centre and zoom (Web Mercator). */
function pixel(box, centre, [lon, lat]) {
  const scale = (256 * 2 ** ZOOM) / (2 * Math.PI);
  const merc = (φ) => Math.log(Math.tan(Math.PI / 4 + (φ * Math.PI) / 360));
  return {
    x: box.x + box.width / 2 + scale * (((lon - centre[0]) * Math.PI) / 180),
    y: box.y + box.height / 2 - scale * (merc(lat) - merc(centre[1])),
  };
}

const figure = async (page, section, key) =>
  Number((await page.textContent(`#${section} [data-figure="${key}"] dd`)).split(' m')[0].replace(/\D/g, ''));

test('a walker taps a walk, sees how watched it is and finds the least watched way', async () => {
  const { browser, db } = shared;
  await db.query(`DELETE FROM sighting WHERE ST_DWithin(geom, ST_SetSRID(ST_MakePoint(1.70, 44.70), 4326), 0.02)`);
  await db.query(GRID);
  await db.query(
    `INSERT INTO sighting (geom, surveillance_type, camera_type, status, vsa_suspected)
       SELECT ST_LineInterpolatePoint(geom, 0.5), 'camera', 'dome', 'approved', source = 110
       FROM street_edge WHERE name = 'Rue 0'`,
  );
  const corners = Object.fromEntries(
    (await db.query('SELECT id, ST_X(geom) AS lon, ST_Y(geom) AS lat FROM street_vertex')).rows.map((r) => [
      r.id,
      [r.lon, r.lat],
    ]),
  );
  const centre = corners[121]; // corner (2, 1)

  const context = await phone(browser, { position: { latitude: centre[1], longitude: centre[0] } });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  await page.goto(`${BASE_URL}/route/#${ZOOM}/${centre[1]}/${centre[0]}`);
  await page.waitForSelector('#route-map.leaflet-container');
  assert.match(await page.textContent('h1'), /Mon trajet est-il filmé/);
  // Phone first: nothing wider than the screen.
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth]);
  assert.deepEqual(widths, [360, 360], 'the page is wider than the phone');
  const box = await page.locator('#route-map').boundingBox();
  assert.equal(box.width, 360, JSON.stringify(box));
  for (const id of [100, 120, 140]) {
    const { x, y } = pixel(box, centre, corners[id]);
    await page.touchscreen.tap(x, y);
  }
  assert.equal(await page.locator('#route-map path.route-point').count(), 3);

  await page.click('#measure');
  await page.waitForSelector('#figures-yours');
  const length = await figure(page, 'figures-yours', 'fig.length');
  const watched = await figure(page, 'figures-yours', 'fig.watched');
  assert.ok(Math.abs(length - 400) <= 4, `length ${length}`);
  assert.ok(Math.abs(watched - 160) <= 6, `watched ${watched}`);
  assert.match(await page.textContent('#figures-yours [data-figure="fig.cameras"] dd'), /^4 \(dont 1 /);
  assert.equal(await page.locator('#route-map path.route-watched').count(), 1);
  assert.equal(await page.locator('#route-map path.route-unwatched').count(), 1);
  assert.deepEqual(await seriousViolations(page), [], 'the route page');

  // Half again as long: up Avenue 0, along Rue 1 and down Avenue 4, seen by no camera.
  await page.locator('#detour').evaluate((input) => {
    input.value = '50';
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  assert.match(await page.textContent('#detour-value'), /50/);
  await page.click('#least');
  await page.waitForSelector('#figures-least');
  assert.equal(await figure(page, 'figures-least', 'fig.length'), 600);
  assert.equal(await figure(page, 'figures-least', 'fig.watched'), 0);
  assert.equal(await figure(page, 'figures-shortest', 'fig.length'), 400);
  assert.equal(await figure(page, 'figures-shortest', 'fig.watched'), 160);
  assert.match(await page.textContent('.route-detour'), /50/);
  // Nothing of the walk is kept in the address or in the page's storage.
  assert.equal(new URL(page.url()).search, '');
  assert.equal(await page.evaluate(() => sessionStorage.length), 0);
  await context.close();
  await db.query('DELETE FROM street_edge; DELETE FROM street_vertex');
});
