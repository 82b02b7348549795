// The walker's map, in real headless Chromium at phone size, against the app and its PostGIS.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import {
  BASE_URL,
  MONTPELLIER_ANTIGONE,
  MONTPELLIER_ARCEAUX,
  MONTPELLIER_COMEDIE,
  MONTPELLIER_PEYROU,
  cspViolations,
  database,
  eventually,
  launch,
  locate,
  openApp,
  phone,
  seriousViolations,
  tileHost,
  screenshotDir,
} from './support.js';

const SCREENSHOTS = screenshotDir();
let browser;
let db;

before(async () => {
  browser = await launch();
  db = database();
});

after(async () => {
  await browser?.close();
  await db?.end();
});

const count = async () => Number((await db.query('SELECT count(*) FROM sighting')).rows[0].count);
const today = async () => (await db.query("SELECT to_char(current_date, 'YYYY-MM-DD') AS d")).rows[0].d;

/** Fills the add screen: a dome looking east, with a note; sends it; answers the duplicate prompt with "new" if asked. */
async function addCamera(page, { note, cameraType = 'dome', direction = '90', from = '#add-button' }) {
  await page.click(from);
  await page.waitForSelector('form.sighting-form');
  await page.check(`input[name="cameraType"][value="${cameraType}"]`);
  await page.fill('input[name="direction"]', direction);
  await openDetails(page);
  await page.fill('textarea[name="notes"]', note);
  await page.click('form.sighting-form button[type="submit"]');
}

/** Unfolds "Plus de détails", where the form keeps all but what, shape and direction. */
async function openDetails(page) {
  if (!(await page.locator('details.more[open]').count())) await page.click('details.more > summary');
}

describe('the walker', () => {
  test('sees the map of Montpellier, clean for axe, and nothing goes to a third party', async () => {
    const context = await phone(browser, { position: MONTPELLIER_COMEDIE });
    const page = await openApp(context);
    await locate(page);
    await page.waitForSelector('.leaflet-marker-icon.cam, .leaflet-marker-icon.cluster');
    assert.ok(await page.locator('.cam-vsa').count(), 'suspected VSA cameras stand out');
    assert.ok(await page.locator('path.fov').count(), 'fields of view are drawn at street zoom');
    assert.deepEqual(await seriousViolations(page), [], 'the map');
    await page.screenshot({ path: new URL('map.png', SCREENSHOTS).pathname });

    // Filters: suspected VSA only.
    await page.click('#filters-button');
    await page.check('#filter-vsa');
    await page.waitForFunction(() => {
      const cams = document.querySelectorAll('.leaflet-marker-icon.cam');
      return cams.length > 0 && [...cams].every((c) => c.classList.contains('cam-vsa'));
    });
    assert.deepEqual(await seriousViolations(page), [], 'the filters');
    assert.deepEqual(await cspViolations(page), [], 'the strict Content-Security-Policy');
    await assertOnlyOwnAndTileRequests(context.requests);
    await context.close();
  });

  test('adds a camera and finds it pending through its private link', async () => {
    const context = await phone(browser, { position: MONTPELLIER_ANTIGONE });
    const page = await openApp(context);
    const before = await count();
    await page.click('#add-button');
    await page.waitForSelector('form.sighting-form');
    await page.waitForFunction(() => document.querySelector('.leaflet-marker-icon.pin'));
    assert.deepEqual(await seriousViolations(page), [], 'the add screen');
    await page.screenshot({ path: new URL('add.png', SCREENSHOTS).pathname });
    await page.check('input[name="cameraType"][value="panning"]');
    await page.fill('input[name="direction"]', '135');
    await openDetails(page);
    await page.selectOption('select[name="mount"]', 'pole');
    await page.click('input[name="vsaSuspected"]');
    await page.fill('textarea[name="vsaEvidence"]', 'Délibération du conseil municipal');
    await page.fill('textarea[name="notes"]', 'e2e: added from a phone');
    await page.click('form.sighting-form button[type="submit"]');

    await page.waitForSelector('#private-link');
    const link = await page.inputValue('#private-link');
    const url = new URL(link);
    assert.equal(url.search, '', 'no query string');
    assert.match(url.hash, /^#\/s\/\d+\/[\w-]+$/, 'the token is in the fragment');
    assert.equal(await count(), before + 1);
    assert.deepEqual(await seriousViolations(page), [], 'the sent screen');

    // Later, on another phone with only the link: it shows the pending sighting, amendable.
    const other = await phone(browser);
    const again = await openApp(other, url.hash);
    await again.waitForSelector('#private-link');
    const text = await again.textContent('#panel');
    assert.match(text, /En attente de relecture/);
    assert.match(text, /e2e: added from a phone/);
    await again.click('button.amend');
    assert.equal(
      await again.inputValue('textarea[name="notes"]'),
      'e2e: added from a phone',
      'the form shows what was sent',
    );
    assert.equal(await again.inputValue('input[name="direction"]'), '135');
    await again.fill('textarea[name="notes"]', 'e2e: amended');
    await again.click('form.sighting-form button[type="submit"]');
    await again.waitForSelector('#private-link');
    const id = url.hash.split('/')[2];
    const row = (await db.query('SELECT notes, status, camera_type, vsa_suspected FROM sighting WHERE id = $1', [id]))
      .rows[0];
    assert.deepEqual(row, { notes: 'e2e: amended', status: 'pending', camera_type: 'panning', vsa_suspected: true });

    // And "my sightings" on the first phone lists it.
    await page.goto(`${BASE_URL}/#/mine`);
    await page.waitForSelector(`a[href="${url.hash}"]`);

    assert.deepEqual(await cspViolations(page), [], 'the strict Content-Security-Policy');
    await assertOnlyOwnAndTileRequests([...context.requests, ...other.requests]);
    await context.close();
    await other.close();
  });

  test('adds a camera with a photo, which reaches the server without its EXIF', async () => {
    const context = await phone(browser, { position: MONTPELLIER_PEYROU });
    const page = await openApp(context);
    const uploads = [];
    page.on(
      'request',
      (r) => r.method() === 'POST' && /\/photos$/.test(new URL(r.url()).pathname) && uploads.push(r.postDataBuffer()),
    );
    await page.click('#add-button');
    await page.waitForSelector('form.sighting-form');
    await page.check('input[name="cameraType"][value="fixed"]');
    await openDetails(page);
    await page.fill('textarea[name="notes"]', 'e2e: with a photo');
    const photo = withExifGps(await cameraJpeg(page, 3000, 2000));
    assert.ok(photo.includes(EXIF), 'the test photo carries EXIF');
    await page.setInputFiles('input.photo-input', { name: 'camera.jpg', mimeType: 'image/jpeg', buffer: photo });
    await page.waitForSelector('.photo-previews img[src^="blob:"]');
    assert.deepEqual(await seriousViolations(page), [], 'the add screen with a photo');
    await page.click('form.sighting-form button[type="submit"]');
    await page.waitForSelector('#private-link, ul.nearby');
    if (await page.locator('ul.nearby').count()) await page.click('button.new-camera');

    await page.waitForSelector('#private-link');
    const [, , id, token] = new URL(await page.inputValue('#private-link')).hash.split('/');
    await page.waitForFunction(() => document.querySelector('.sent-photos img')?.naturalWidth > 0);
    assert.deepEqual(await seriousViolations(page), [], 'the sent screen with its photo');

    assert.equal(uploads.length, 1);
    assert.equal(uploads[0].subarray(0, 2).toString('hex'), 'ffd8', 'a JPEG was uploaded');
    assert.ok(!uploads[0].includes(EXIF), 'the phone stripped the EXIF before uploading');

    const headers = { 'X-Edit-Token': decodeURIComponent(token) };
    const listed = await (await fetch(`${BASE_URL}/api/sightings/${id}/photos`, { headers })).json();
    assert.equal(listed.photos.length, 1);
    assert.equal(Math.max(listed.photos[0].width, listed.photos[0].height), 2048, 'downscaled to 2048 px');
    const served = Buffer.from(await (await fetch(`${BASE_URL}${listed.photos[0].href}`, { headers })).arrayBuffer());
    assert.equal(served.subarray(0, 2).toString('hex'), 'ffd8');
    assert.ok(!served.includes(EXIF), 'no EXIF in the served photo');
    assert.equal(
      (await fetch(`${BASE_URL}${listed.photos[0].href}`)).status,
      404,
      'pending: not shown without the token',
    );

    assert.deepEqual(await cspViolations(page), [], 'the strict Content-Security-Policy');
    await assertOnlyOwnAndTileRequests(context.requests);
    await context.close();
  });

  test('is asked "is it one of these?" near a known camera, and confirms it instead of duplicating', async () => {
    await db.query("UPDATE sighting SET observed_at = DATE '2024-01-01', check_date = DATE '2024-01-01' WHERE id = 1");
    const context = await phone(browser, {
      position: { latitude: MONTPELLIER_COMEDIE.latitude + 0.00004, longitude: MONTPELLIER_COMEDIE.longitude },
    });
    const page = await openApp(context);
    const before = await count();
    await addCamera(page, { note: 'e2e: a duplicate', cameraType: 'fixed', direction: '127' });
    await page.waitForSelector('ul.nearby');
    assert.match(await page.textContent('#panel-title'), /l’une de ces caméras/);
    await page.click('ul.nearby button.choose[data-id="1"]');
    await page.waitForSelector('.confirmed-message');
    assert.equal(await count(), before, 'no new sighting');
    const row = (await db.query("SELECT to_char(check_date, 'YYYY-MM-DD') AS d FROM sighting WHERE id = 1")).rows[0];
    assert.equal(row.d, await today());
    await assertOnlyOwnAndTileRequests(context.requests);
    await context.close();
  });

  test('confirms a camera from its detail panel and sees its check date change', async () => {
    const { id } = (
      await db.query(
        "SELECT id FROM sighting WHERE status = 'approved' AND id <> 1 AND ST_DWithin(geom::geography, ST_MakePoint(3.879471, 43.608306)::geography, 150) ORDER BY id LIMIT 1",
      )
    ).rows[0];
    await db.query(
      "UPDATE sighting SET observed_at = DATE '2024-01-01', check_date = DATE '2024-01-01' WHERE id = $1",
      [id],
    );
    const context = await phone(browser, { position: MONTPELLIER_COMEDIE });
    const page = await openApp(context);
    await locate(page);
    await page.evaluate(() => document.querySelector('.leaflet-control-zoom-in').click());
    const marker = page.locator(`.leaflet-marker-icon[title$="(${id})"]`);
    await marker.waitFor();
    await marker.focus();
    await page.keyboard.press('Enter'); // markers are reachable with the keyboard
    await page.waitForSelector('button.confirm');
    const before = await page.textContent('dd.check-date');
    assert.deepEqual(await seriousViolations(page), [], 'the detail panel');
    await page.click('button.confirm');
    await page.waitForFunction((old) => document.querySelector('dd.check-date')?.textContent !== old, before);
    const row = (await db.query("SELECT to_char(check_date, 'YYYY-MM-DD') AS d FROM sighting WHERE id = $1", [id]))
      .rows[0];
    assert.equal(row.d, await today());
    await assertOnlyOwnAndTileRequests(context.requests);
    await context.close();
  });

  test('adds two cameras offline; they are sent, once each, when the network returns', async () => {
    const context = await phone(browser, { position: MONTPELLIER_ARCEAUX });
    const page = await openApp(context);
    const before = await count();
    await context.setOffline(true);
    await addCamera(page, { note: 'e2e: offline one' });
    await page.waitForSelector('.mine-item.queued');
    await addCamera(page, { note: 'e2e: offline two', direction: '200', from: 'a.add-another' });
    await page.waitForFunction(() => document.querySelectorAll('.mine-item.queued').length === 2);
    assert.equal(await page.textContent('#queue-badge'), '2');
    assert.equal(await count(), before, 'nothing reached the server');

    // A waiting sighting stays editable: fix the second one's notes before the network returns.
    await page.locator('.mine-item.queued').nth(1).getByRole('button', { name: 'Modifier' }).click();
    assert.equal(await page.inputValue('textarea[name="notes"]'), 'e2e: offline two');
    await page.fill('textarea[name="notes"]', 'e2e: offline two, edited');
    await page.click('form.sighting-form button[type="submit"]');
    await page.waitForFunction(() => document.querySelectorAll('.mine-item.queued').length === 2);

    await context.setOffline(false);
    await eventually(async () => (await count()) === before + 2);
    await page.waitForFunction(() => document.getElementById('queue-badge').hidden);
    const rows = (await db.query("SELECT notes FROM sighting WHERE notes LIKE 'e2e: offline%' ORDER BY notes")).rows;
    assert.deepEqual(
      rows.map((r) => r.notes),
      ['e2e: offline one', 'e2e: offline two, edited'],
    );
    assert.equal(await count(), before + 2, 'exactly two, even after retries');
    await assertOnlyOwnAndTileRequests(context.requests);
    await context.close();
  });

  test('opens the installed app offline, with the last cameras seen', async () => {
    const context = await phone(browser, { position: MONTPELLIER_COMEDIE, serviceWorkers: 'allow' });
    const page = await openApp(context);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload(); // now under the service worker's control
    await page.waitForSelector('body[data-ready="true"]');
    await locate(page);
    await page.waitForSelector('.leaflet-marker-icon.cam, .leaflet-marker-icon.cluster');
    const manifest = await page.evaluate(async () =>
      (await fetch(document.querySelector('link[rel=manifest]').href)).json(),
    );
    assert.equal(manifest.display, 'standalone');

    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await page.waitForSelector('.leaflet-marker-icon.cam, .leaflet-marker-icon.cluster');
    assert.match(await page.textContent('#map-hint'), /Hors ligne/);
    await context.close();
  });
});

const EXIF = Buffer.from('Exif\0\0', 'latin1');

/** A JPEG as a phone camera makes it, drawn in the page's canvas. */
async function cameraJpeg(page, width, height) {
  const dataUrl = await page.evaluate(
    ([w, h]) => {
      const canvas = document.createElement('canvas');
      canvas.width = w;
      canvas.height = h;
      const c = canvas.getContext('2d');
      c.fillStyle = '#7a8b99';
      c.fillRect(0, 0, w, h);
      c.fillStyle = '#222';
      c.fillRect(w / 3, h / 3, w / 3, h / 6); // a camera on a wall
      return canvas.toDataURL('image/jpeg', 0.8);
    },
    [width, height],
  );
  return Buffer.from(dataUrl.split(',')[1], 'base64');
}

/** The JPEG with an EXIF APP1 segment right after SOI, holding a GPS IFD (latitude ref "N"). */
function withExifGps(jpeg) {
  const tiff = Buffer.alloc(44);
  tiff.write('MM', 0, 'latin1');
  tiff.writeUInt16BE(42, 2);
  tiff.writeUInt32BE(8, 4); // IFD0 offset
  tiff.writeUInt16BE(1, 8); // one entry: GPSInfo, a pointer to the GPS IFD
  tiff.writeUInt16BE(0x8825, 10);
  tiff.writeUInt16BE(4, 12); // LONG
  tiff.writeUInt32BE(1, 14);
  tiff.writeUInt32BE(26, 18);
  tiff.writeUInt32BE(0, 22); // no next IFD
  tiff.writeUInt16BE(1, 26); // GPS IFD, one entry: GPSLatitudeRef = "N"
  tiff.writeUInt16BE(1, 28);
  tiff.writeUInt16BE(2, 30); // ASCII
  tiff.writeUInt32BE(2, 32);
  tiff.write('N\0', 36, 'latin1');
  tiff.writeUInt32BE(0, 40);
  const segment = Buffer.concat([Buffer.from([0xff, 0xe1, 0, 0]), EXIF, tiff]);
  segment.writeUInt16BE(segment.length - 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), segment, jpeg.subarray(2)]);
}

/** Every request went to the app itself or to the configured tile host: nothing else. */
async function assertOnlyOwnAndTileRequests(urls) {
  const allowed = new Set([new URL(BASE_URL).host, await tileHost()]);
  const elsewhere = urls.filter(
    (u) => !u.startsWith('data:') && !u.startsWith('blob:') && !allowed.has(new URL(u).host),
  );
  assert.deepEqual(elsewhere, [], 'requests to third parties');
  assert.ok(
    urls.some((u) => u.includes('/api/')),
    'the recorder saw the API calls',
  );
}
