// The smaller points of issue 11 on the walker's side, and a failing base map: real headless
// Chromium at phone size, against the app.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  BASE_URL,
  MONTPELLIER_COMEDIE,
  browserAndDatabase,
  locate,
  openApp,
  phone,
  seriousViolations,
  RASTER_TILES,
} from './support.js';
import { camerasShown } from './walker-support.js';

const shared = browserAndDatabase();

describe('the smaller points (11) and a failing base map (8)', () => {
  test('the accuracy toast leaves the camera count in sight', async () => {
    const context = await phone(shared.browser, { position: MONTPELLIER_COMEDIE });
    const page = await openApp(context);
    await locate(page);
    await page.waitForSelector('#status:not([hidden])');
    const toast = await page.locator('#status').boundingBox();
    const hint = await page.locator('#map-hint').boundingBox();
    assert.ok(await page.locator('#map-hint').isVisible(), 'the count stays visible');
    assert.ok(toast.y >= hint.y + hint.height || hint.y >= toast.y + toast.height, 'they do not overlap');
    await context.close();
  });

  test('the VSA evidence is a real link; the headers name no unknown feature', async () => {
    const { browser, db } = shared;
    const { id } = (await db.query("SELECT id FROM sighting WHERE status = 'approved' ORDER BY id LIMIT 1 OFFSET 3"))
      .rows[0];
    await db.query(
      "UPDATE sighting SET vsa_suspected = true, vsa_evidence = 'Délibération https://example.org/deliberation-2024.pdf du conseil' WHERE id = $1",
      [id],
    );
    const context = await phone(browser, { located: false });
    const page = await openApp(context, `#/c/${id}`);
    const link = page.locator('dd.evidence a');
    await link.waitFor();
    assert.equal(await link.getAttribute('href'), 'https://example.org/deliberation-2024.pdf');
    assert.equal(await link.getAttribute('rel'), 'noopener noreferrer');
    assert.match(await page.textContent('dd.evidence'), /^Délibération .* du conseil$/);
    const policy = (await fetch(`${BASE_URL}/`)).headers.get('permissions-policy');
    assert.ok(policy.includes('geolocation=(self)') && !policy.includes('bluetooth'), policy);
    await context.close();
  });

  test('a base map that fails says so once, and stops asking', async () => {
    // A raster tile server: the app's own base map is served by the app, which answers.
    const context = await phone(shared.browser, { position: MONTPELLIER_COMEDIE, rasterTiles: true });
    const host = new URL(RASTER_TILES.replace(/\{[a-z]\}/g, '0')).host;
    await context.route(
      (url) => url.host === host,
      (route) => route.fulfill({ status: 503, body: '' }),
    );
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${BASE_URL}/`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForSelector('#tiles-failed:not([hidden])');
    assert.match(await page.textContent('#tiles-failed'), /fond de carte ne se charge pas/);
    const tilesAsked = () => context.requests.filter((u) => new URL(u).host === host).length;
    const asked = tilesAsked();
    await page.evaluate(() => document.querySelector('.leaflet-control-zoom-out').click());
    await page.waitForTimeout(1500);
    assert.equal(tilesAsked(), asked, 'no more tile requests once it gave up');
    assert.ok(errors.length <= 24, `a few console errors, not a flood: ${errors.length}`);
    await camerasShown(page);
    assert.deepEqual(await seriousViolations(page), [], 'the map with its message');
    await page.click('#tiles-retry');
    await page.waitForSelector('#tiles-failed:not([hidden])');
    assert.ok(tilesAsked() > asked, 'retried');
    await context.close();
  });
});
