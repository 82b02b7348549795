// A camera that came down, from the walker's report to the moderator's confirmation, in real
// headless Chromium: the walker reports it gone from its detail panel on a phone, the moderator
// confirms it in the moderation page, and the map shows it only on the "removed cameras" layer.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ADMIN, BASE_URL, browserAndDatabase, eventually, openApp, phone, seriousViolations } from './support.js';

// Lyon, place Bellecour: no other browser test works there.
const LYON_BELLECOUR = { longitude: 4.83224, latitude: 45.75784 };
const shared = browserAndDatabase();

test('a walker reports a camera gone, a moderator confirms it, the map shows it on the removed layer', async () => {
  const { browser, db } = shared;
  const camera = Number(
    (
      await db.query(
        `INSERT INTO sighting (geom, surveillance_type, camera_type, status, observed_at, check_date)
           VALUES (ST_SetSRID(ST_MakePoint($1, $2), 4326), 'camera', 'dome', 'approved', current_date, current_date)
           RETURNING id`,
        [LYON_BELLECOUR.longitude, LYON_BELLECOUR.latitude],
      )
    ).rows[0].id,
  );

  // The walker, on a phone, from the camera's panel.
  const walker = await phone(browser, { position: LYON_BELLECOUR });
  const page = await openApp(walker, `#/c/${camera}`);
  await page.click('details.removal summary');
  await page.fill('#removal-note', 'Le mât est vide depuis les travaux');
  // A photo of the empty pole, made in the page as a phone's camera would give it.
  const pole = Buffer.from(
    (
      await page.evaluate(() => {
        const canvas = document.createElement('canvas');
        canvas.width = 640;
        canvas.height = 480;
        const c = canvas.getContext('2d');
        c.fillStyle = '#7a8a99';
        c.fillRect(0, 0, 640, 480);
        c.fillStyle = '#333';
        c.fillRect(300, 60, 40, 420);
        return canvas.toDataURL('image/jpeg', 0.9);
      })
    ).split(',')[1],
    'base64',
  );
  await page.setInputFiles('details.removal input.photo-input', {
    name: 'pole.jpg',
    mimeType: 'image/jpeg',
    buffer: pole,
  });
  await page.waitForSelector('details.removal .photo-previews img[src^="blob:"]');
  assert.deepEqual(await seriousViolations(page), [], 'the removal form');
  await page.click('.removal-form button[type=submit]');
  await page.waitForFunction(() => /Merci/.test(document.querySelector('details.removal')?.textContent));
  const report = (await db.query('SELECT id, kind, note, status FROM removal_report WHERE sighting_id = $1', [camera]))
    .rows;
  assert.equal(report.length, 1);
  assert.deepEqual(
    { kind: report[0].kind, note: report[0].note, status: report[0].status },
    { kind: 'gone', note: 'Le mât est vide depuis les travaux', status: 'open' },
  );
  assert.equal((await db.query('SELECT status FROM sighting WHERE id = $1', [camera])).rows[0].status, 'approved');
  const photos = async () =>
    Number((await db.query('SELECT count(*) FROM photo WHERE removal_report_id = $1', [report[0].id])).rows[0].count);
  assert.equal(await photos(), 1, 'the photo went with the report');
  const publicPhotos = await (await fetch(`${BASE_URL}/api/sightings/${camera}/photos`)).json();
  assert.deepEqual(publicPhotos.photos, [], 'never among the public photos of the camera');

  // The moderator confirms it from the list under the queue.
  const moderatorContext = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
  const moderation = await moderatorContext.newPage();
  moderation.setDefaultTimeout(15000);
  await moderation.goto(`${BASE_URL}/moderation/`);
  await moderation.fill('input[name=email]', ADMIN.email);
  await moderation.fill('input[name=password]', ADMIN.password);
  await moderation.click('#login button[type=submit]');
  const item = `.removal-item[data-id="${report[0].id}"]`;
  await moderation.waitForSelector(item);
  assert.match(await moderation.textContent(item), /Le mât est vide depuis les travaux/);
  await moderation.waitForFunction(
    (selector) => document.querySelector(`${selector} .removal-photo img`)?.naturalWidth > 0,
    item,
  );
  assert.deepEqual(await seriousViolations(moderation), [], 'the removal reports');
  await moderation.fill(`${item} .removal-reason`, 'Vérifié sur place');
  await moderation.click(`${item} .confirm-removal`);
  await eventually(
    async () =>
      (await db.query('SELECT status, removed_on FROM sighting WHERE id = $1', [camera])).rows[0].status === 'removed',
  );
  await moderation.waitForSelector(item, { state: 'detached' });
  assert.equal(await photos(), 0, 'the photo is erased once the moderator has decided');
  const logged = (
    await db.query("SELECT reason FROM moderation_action WHERE sighting_id = $1 AND action = 'remove'", [camera])
  ).rows;
  assert.equal(logged.length, 1);
  assert.match(logged[0].reason, /^Vérifié sur place \(reported gone on \d{4}-\d{2}-\d{2} by a passer-by\)$/);
  await moderatorContext.close();

  // Off the default map; on the removed layer, crossed out.
  await page.evaluate(
    ({ latitude, longitude }) =>
      localStorage.setItem('technocarte.view', JSON.stringify({ center: { lat: latitude, lng: longitude }, zoom: 18 })),
    LYON_BELLECOUR,
  );
  await page.goto(`${BASE_URL}/?removed-layer#/`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForFunction(() => /\d/.test(document.getElementById('map-hint').textContent));
  assert.equal(await page.locator(`.leaflet-marker-icon[title$="(${camera})"]`).count(), 0);
  await page.click('#filters-button');
  await page.check('#filter-removed');
  // The filters panel covers half the map: closed, the whole map is in view again.
  await page.click('#panel .close');
  const removed = page.locator(`.leaflet-marker-icon.cam-removed[title$="(${camera})"]`);
  await removed.waitFor({ state: 'attached' });
  await page.goto(`${BASE_URL}/#/c/${camera}`);
  await page.waitForSelector('.detail .badges');
  assert.match(await page.textContent('#panel'), /Retirée/);
  assert.equal(await page.locator('button.confirm').count(), 0, 'a removed camera cannot be confirmed');
  assert.equal(await page.locator('details.removal').count(), 0);
  await walker.close();
});
