// "How watched is my walk?" on a phone, in real headless Chromium: the walker taps a walk along a
// street with domes, sees it coloured and measured, then asks the least watched way with a detour.
// The street grid of the Java tests (src/test/resources/routes/grid.sql), near Gramat: no demo data.
// Then a walker who asks too often meets the per-address route limit: deploy/local/e2e.sh starts the
// app with a small route bucket (TECHNOCARTE_RATE_LIMIT_ROUTE_BURST, _PER_HOUR), and the buckets live
// in the table rate_bucket, emptied for routes before and after each test here.
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

const forgetRouteBuckets = (db) => db.query(`DELETE FROM rate_bucket WHERE kind = 'ROUTE'`);

const figure = async (page, section, key) =>
  Number((await page.textContent(`#${section} [data-figure="${key}"] dd`)).split(' m')[0].replace(/\D/g, ''));

test('a walker taps a walk, sees how watched it is and finds the least watched way', async () => {
  const { browser, db } = shared;
  await forgetRouteBuckets(db);
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

test('past the route limit, the page says when to try again and holds its buttons', async () => {
  const { browser, db } = shared;
  await forgetRouteBuckets(db);
  const centre = [1.7, 44.7];
  const context = await phone(browser, { locale: 'en-GB', position: { latitude: centre[1], longitude: centre[0] } });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  try {
    await page.goto(`${BASE_URL}/route/#${ZOOM}/${centre[1]}/${centre[0]}`);
    await page.waitForSelector('#route-map.leaflet-container');
    const box = await page.locator('#route-map').boundingBox();
    for (const dx of [-60, 60]) await page.touchscreen.tap(box.x + box.width / 2 + dx, box.y + box.height / 2);
    assert.equal(await page.locator('#route-map path.route-point').count(), 2);

    // The walker measures the same walk again and again, as fast as the answers come, until refused.
    let refused = null;
    for (let n = 0; n < 80 && !refused; n++) {
      const [answer] = await Promise.all([
        page.waitForResponse((r) => r.url().endsWith('/api/routes/exposure')),
        page.click('#measure'),
      ]);
      if (answer.status() === 429) refused = answer;
      else assert.equal(answer.status(), 200, `answer ${n}`);
    }
    assert.ok(refused, 'no 429 after 80 routes: is the route bucket of e2e.sh small?');
    assert.match(refused.headers()['content-type'], /application\/problem\+json/);
    const wait = Number(refused.headers()['retry-after']);
    assert.ok(wait >= 1, `Retry-After ${refused.headers()['retry-after']}`);

    const status = page.locator('#status');
    await status.filter({ hasText: 'Limit reached' }).waitFor();
    const unit = wait < 60 ? 'seconds?' : 'minutes?';
    assert.match(
      (await status.textContent()).replace(/\s/g, ' '),
      new RegExp(`^Limit reached: too many routes computed from your network\\. Try again in \\d+ ${unit}\\.$`),
    );
    assert.equal(await page.locator('#measure').isDisabled(), true, 'the measure button waits');
    assert.equal(await page.locator('#least').isDisabled(), true, 'the least-watched button waits');
    assert.equal(await page.locator('#undo').isDisabled(), false, 'undo asks nothing of the server');
    // Another point drawn meanwhile: the walker is still told why the buttons wait.
    await page.touchscreen.tap(box.x + box.width / 2, box.y + box.height / 2 + 60);
    assert.equal(await page.locator('#route-map path.route-point').count(), 3);
    assert.match(await status.textContent(), /^Limit reached/);
    assert.equal(await page.locator('#measure').isDisabled(), true);
    assert.deepEqual(await seriousViolations(page), [], 'the route page past its limit');
  } finally {
    await context.close();
    await forgetRouteBuckets(db);
  }
});
