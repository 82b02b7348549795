// The walker's screens as a newcomer meets them (issue 11): no position no send, where the map
// opens, the city search, photos in the detail panel, the short form, statuses, a failing base map.
// Real headless Chromium at phone size, French, location granted or refused, against the app.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  BASE_URL,
  MONTPELLIER_ANTIGONE,
  MONTPELLIER_COMEDIE,
  browserAndDatabase,
  cspViolations,
  eventually,
  openApp,
  phone,
  screenshotDir,
  seriousViolations,
  tileHost,
} from './support.js';
import { camerasShown, savedView, searchCity, sendButton } from './walker-support.js';

const shared = browserAndDatabase();
const SHOTS = screenshotDir();
const MONTPELLIER = '2992166';

/** A JPEG drawn in the page, as a phone camera would give it. */
async function jpeg(page, shade = '#7a8b99') {
  const dataUrl = await page.evaluate((fill) => {
    const canvas = document.createElement('canvas');
    canvas.width = 800;
    canvas.height = 600;
    const c = canvas.getContext('2d');
    c.fillStyle = fill;
    c.fillRect(0, 0, 800, 600);
    c.fillStyle = '#222';
    c.fillRect(300, 200, 200, 100);
    return canvas.toDataURL('image/jpeg', 0.8);
  }, shade);
  return Buffer.from(dataUrl.split(',')[1], 'base64');
}

/** Adds a camera from the add screen (position granted), with photos; answers its id and token. */
async function sendWithPhotos(page, { note, photos = 1, from = '#add-button' }) {
  await page.click(from);
  await page.waitForSelector('.position-status[data-placed="true"]');
  await page.check('input[name="cameraType"][value="fixed"]');
  await page.click('details.more > summary');
  await page.fill('textarea[name="notes"]', note);
  for (let i = 0; i < photos; i++) {
    await page.setInputFiles('input.photo-input', {
      name: `p${i}.jpg`,
      mimeType: 'image/jpeg',
      buffer: await jpeg(page, i ? '#99aa88' : '#7a8b99'),
    });
    await page.waitForFunction(
      (n) => document.querySelectorAll('.photo-previews img[src^="blob:"]').length === n,
      i + 1,
    );
  }
  await sendButton(page).click();
  await page.waitForSelector('#private-link, ul.nearby');
  if (await page.locator('ul.nearby').count()) await page.click('button.new-camera');
  await page.waitForSelector('#private-link');
  const [, , id, token] = new URL(await page.inputValue('#private-link')).hash.split('/');
  return { id, token: decodeURIComponent(token) };
}

describe('no position, no send (issue 11, point 1)', () => {
  test('location refused: says so, keeps "Envoyer" off until a place is chosen at street zoom, then sends it', async () => {
    const { browser, db } = shared;
    const context = await phone(browser, { located: false });
    const page = await openApp(context);
    await page.click('#add-button');
    await page.waitForSelector('.position-status[data-placed="false"]');
    await page.waitForFunction(() =>
      /Localisation refusée/.test(document.querySelector('.position-status').textContent),
    );
    assert.match(
      await page.textContent('#status'),
      /Localisation refusée/,
      'the toast says it failed, not "Localisation…"',
    );
    assert.ok(await sendButton(page).isDisabled(), 'no send from a position nobody chose');
    assert.match(await page.textContent('.send-hint'), /Placez d’abord la caméra/);

    // A tap at country zoom is no position either.
    await page.touchscreen.tap(180, 150);
    await page.waitForFunction(() =>
      /Zoomez jusqu’à la rue/.test(document.querySelector('.position-status').textContent),
    );
    assert.ok(await sendButton(page).isDisabled());
    assert.deepEqual(await seriousViolations(page), [], 'the add screen without a position');
    await page.click('.sticky-actions button:not([type="submit"])'); // Annuler

    // The walker moves the map to the camera: the city search, then street zoom, then a tap.
    await searchCity(page, 'Montpellier');
    await page.click('#add-button');
    await page.waitForFunction(() =>
      /Localisation refusée/.test(document.querySelector('.position-status')?.textContent),
    );
    assert.ok(await sendButton(page).isDisabled(), 'zoom 15 is not street zoom');
    await page.evaluate(() => document.querySelector('.leaflet-control-zoom-in').click());
    await page.waitForSelector('.position-status[data-placed="true"]');
    assert.ok(await sendButton(page).isEnabled(), 'the map centre, at street zoom, after the walker moved there');
    await page.touchscreen.tap(200, 120);
    await page.waitForSelector('.position-status[data-placed="true"]');
    await page.check('input[name="cameraType"][value="dome"]');
    await sendButton(page).click();
    await page.waitForSelector('#private-link, ul.nearby');
    if (await page.locator('ul.nearby').count()) await page.click('button.new-camera');
    await page.waitForSelector('#private-link');
    const id = new URL(await page.inputValue('#private-link')).hash.split('/')[2];
    const row = (
      await db.query('SELECT city_code, ST_X(geom) AS lon, ST_Y(geom) AS lat FROM sighting WHERE id = $1', [id])
    ).rows[0];
    assert.equal(row.city_code, MONTPELLIER, 'stored where the walker placed it, in Montpellier');
    assert.ok(
      Math.abs(row.lat - 43.611) < 0.02 && Math.abs(row.lon - 3.877) < 0.02,
      `near Montpellier's centre: ${row.lon}, ${row.lat}`,
    );
    await context.close();
  });

  test('location granted: placed at the GPS fix, accuracy shown, send on at once', async () => {
    const context = await phone(shared.browser, { position: MONTPELLIER_ANTIGONE });
    const page = await openApp(context);
    await page.click('#add-button');
    await page.waitForSelector('.position-status[data-placed="true"]');
    assert.match(await page.textContent('.position-status'), /précision ± 12 m/);
    assert.ok(await sendButton(page).isEnabled());
    await context.close();
  });
});

describe('where the map opens (point 2)', () => {
  test('where the walker is, when location is granted, without touching anything', async () => {
    const context = await phone(shared.browser, { position: MONTPELLIER_COMEDIE });
    const page = await openApp(context);
    await page.waitForSelector('body[data-located="true"]');
    await camerasShown(page);
    await page.waitForSelector('.leaflet-marker-icon.cam, .leaflet-marker-icon.cluster');
    const view = await savedView(page);
    assert.ok(
      view.zoom >= 17 && Math.abs(view.center.lat - MONTPELLIER_COMEDIE.latitude) < 0.001,
      JSON.stringify(view),
    );
    await context.close();
  });

  test('location refused: at the last place viewed on this phone, found with the city search', async () => {
    const context = await phone(shared.browser, { located: false });
    const page = await openApp(context);
    assert.equal((await savedView(page))?.zoom ?? 6, 6, 'the first time: over France');
    await searchCity(page, 'montp');
    await camerasShown(page);
    const there = await savedView(page);
    assert.ok(Math.abs(there.center.lat - 43.611) < 0.01 && there.zoom === 15, JSON.stringify(there));
    assert.deepEqual(await seriousViolations(page), [], 'the map after a search');

    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    await camerasShown(page);
    const again = await savedView(page);
    assert.ok(
      again.zoom === there.zoom &&
        Math.abs(again.center.lat - there.center.lat) < 1e-4 &&
        Math.abs(again.center.lng - there.center.lng) < 1e-4,
      'opened again where it was left',
    );
    assert.ok(
      context.requests.some((u) => u.startsWith(`${BASE_URL}/api/places?`)),
      'the search asked the app itself',
    );
    const own = new Set([new URL(BASE_URL).host, await tileHost()]);
    assert.deepEqual(
      context.requests.filter((u) => !u.startsWith('data:') && !u.startsWith('blob:') && !own.has(new URL(u).host)),
      [],
      'no third party',
    );
    await context.close();
  });

  test('a city searched once on this phone is found again offline', async () => {
    const context = await phone(shared.browser, { located: false, serviceWorkers: 'allow' });
    const page = await openApp(context);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload(); // now under the service worker's control
    await page.waitForSelector('body[data-ready="true"]');
    await searchCity(page, 'Montpellier');
    await context.setOffline(true);
    await page.click('#search-button');
    await page.fill('#place-search', 'Montpellier');
    await page.click('form.search-form button[type="submit"]');
    await page.waitForSelector('ul.place-results button.place');
    assert.equal(await page.textContent('ul.place-results button.place >> nth=0'), 'Montpellier');
    await page.fill('#place-search', 'Toulouse');
    await page.click('form.search-form button[type="submit"]');
    await page.waitForFunction(() =>
      /pas de réseau/.test(document.querySelector('#panel [role="status"].hint')?.textContent),
    );
    await context.close();
  });

  test('a dot over France zooms in when tapped', async () => {
    const context = await phone(shared.browser, { located: false });
    const page = await openApp(context);
    await page.waitForFunction(() => document.getElementById('map-hint').dataset.state === 'zoomIn');
    const dot = await eventually(() =>
      page.evaluate(() => {
        for (const canvas of document.querySelectorAll('canvas.density-tile')) {
          const box = canvas.getBoundingClientRect();
          const cell = [...(canvas.cells || [])].sort((a, b) => b.count - a.count)[0];
          const x = box.left + cell?.x;
          const y = box.top + cell?.y;
          // A dot in sight, not under the header, the buttons or the hint.
          if (cell && x > 30 && x < 330 && y > 90 && y < 520) return { x, y };
        }
        return null;
      }),
    );
    await page.touchscreen.tap(dot.x, dot.y);
    await page.waitForFunction(() => document.getElementById('map-hint').dataset.state !== 'zoomIn');
    assert.ok((await savedView(page)).zoom >= 10, 'zoomed in to where the cameras load');
    await context.close();
  });
});

describe('the detail panel, the form and "Mes signalements" (points 9, 10)', () => {
  test('an approved camera shows its photos as thumbnails; a tap enlarges one', async () => {
    const { browser, db } = shared;
    const walker = await phone(browser, { position: { latitude: 43.6049, longitude: 3.8801 } });
    const page = await openApp(walker);
    const { id } = await sendWithPhotos(page, { note: 'e2e: photo for the detail panel' });
    await db.query("UPDATE sighting SET status = 'approved' WHERE id = $1", [id]);

    const reader = await phone(browser, { located: false });
    const other = await openApp(reader, `#/c/${id}`);
    await other.waitForFunction(() => document.querySelector('.sent-photos .photo-open img')?.naturalWidth > 0);
    assert.deepEqual(await seriousViolations(other), [], 'the detail panel with a photo');
    await other.click('.sent-photos .photo-open');
    await other.waitForFunction(() => document.querySelector('dialog.photo-viewer img')?.naturalWidth > 300);
    assert.deepEqual(await seriousViolations(other), [], 'the enlarged photo');
    await other.keyboard.press('Escape');
    await other.waitForSelector('dialog.photo-viewer', { state: 'detached' });
    assert.deepEqual(await cspViolations(other), []);
    await walker.close();
    await reader.close();
  });

  test('the add form is short, "Envoyer" always in sight; the sent view shows only what was asked', async () => {
    const context = await phone(shared.browser, { position: MONTPELLIER_ANTIGONE });
    const page = await openApp(context);
    await page.click('#add-button');
    await page.waitForSelector('.position-status[data-placed="true"]');
    assert.equal(await page.locator('details.more[open]').count(), 0, 'the rest is folded');
    assert.ok(!(await page.locator('textarea[name="notes"]').isVisible()), 'notes under "Plus de détails"');
    assert.match(await page.textContent('details.more > summary'), /Plus de détails/);
    const inSight = async () => {
      const button = await sendButton(page).boundingBox();
      const panel = await page.locator('#panel').boundingBox();
      return button && button.y >= panel.y && button.y + button.height <= panel.y + panel.height + 1;
    };
    assert.ok(await inSight(), '"Envoyer" visible without scrolling');
    await page.click('details.more > summary');
    await page.locator('#panel').evaluate((p) => (p.scrollTop = 0));
    assert.ok(await inSight(), '"Envoyer" still visible with the details open (sticky)');
    await page.screenshot({ path: new URL('add-short.png', SHOTS).pathname });
    await page.click('details.more > summary');
    await page.check('input[name="cameraType"][value="panning"]');
    await sendButton(page).click();
    await page.waitForSelector('#private-link, ul.nearby');
    if (await page.locator('ul.nearby').count()) await page.click('button.new-camera');
    await page.waitForSelector('#private-link');
    const sent = await page.textContent('#panel .detail');
    assert.match(sent, /Orientable/);
    for (const never of ['Espace filmé', 'Hauteur', 'Angle de vue', 'Fixée sur', 'Remarques'])
      assert.ok(!sent.includes(never), `not in the sent view: ${never}`);
    await context.close();
  });

  test('"Corriger" adds and removes photos while pending', async () => {
    const context = await phone(shared.browser, { position: { latitude: 43.6031, longitude: 3.8745 } });
    const page = await openApp(context);
    const { id, token } = await sendWithPhotos(page, { note: 'e2e: photos to correct' });
    const headers = { 'X-Edit-Token': token };
    const before = (await (await fetch(`${BASE_URL}/api/sightings/${id}/photos`, { headers })).json()).photos;
    assert.equal(before.length, 1);

    await page.click('button.amend');
    await page.waitForSelector('.photo-previews .photo.sent img[src^="blob:"]');
    assert.deepEqual(await seriousViolations(page), [], 'the correction form with its photo');
    await page.click('.photo-previews .photo.sent button.photo-remove');
    await page.setInputFiles('input.photo-input', {
      name: 'new.jpg',
      mimeType: 'image/jpeg',
      buffer: await jpeg(page, '#aa7766'),
    });
    await page.waitForSelector('.photo-previews img[src^="blob:"]');
    await sendButton(page).click();
    await page.waitForSelector('#private-link');
    const after = await eventually(async () => {
      const photos = (await (await fetch(`${BASE_URL}/api/sightings/${id}/photos`, { headers })).json()).photos;
      return photos.length === 1 && photos[0].id !== before[0].id && photos;
    });
    assert.equal(after.length, 1, 'the old photo removed, the new one added');
    await page.waitForFunction(() => document.querySelectorAll('.sent-photos img').length === 1);
    await context.close();
  });

  test('"Mes signalements" shows each one’s status as the server knows it now', async () => {
    const { browser, db } = shared;
    const context = await phone(browser, { position: { latitude: 43.6102, longitude: 3.866 } });
    const page = await openApp(context);
    const first = await sendWithPhotos(page, { note: 'e2e: status one', photos: 0 });
    const second = await sendWithPhotos(page, { note: 'e2e: status two', photos: 0, from: 'a.add-another' });
    const third = await sendWithPhotos(page, { note: 'e2e: status three', photos: 0, from: 'a.add-another' });
    await db.query("UPDATE sighting SET status = 'approved' WHERE id = $1", [first.id]);
    await db.query("UPDATE sighting SET status = 'rejected' WHERE id = $1", [second.id]);

    await page.click('#mine-button');
    const status = (id) => page.locator(`.mine-item[data-id="${id}"] .status-badge`);
    // The list is drawn once the phone's own stores are read, and each badge once the server answers:
    // wait for the three sent ones to be on screen, each with its answer.
    await page.waitForFunction(
      (ids) =>
        ids.every((id) => {
          const badge = document.querySelector(`.mine-item[data-id="${id}"] .status-badge`);
          return badge !== null && badge.dataset.status !== 'loading';
        }),
      [first.id, second.id, third.id],
    );
    assert.equal(await status(first.id).textContent(), 'Statut : Publiée');
    assert.equal(await status(second.id).textContent(), 'Statut : Refusée');
    assert.equal(await status(third.id).textContent(), 'Statut : En attente de relecture');
    assert.deepEqual(await seriousViolations(page), [], 'my sightings with their statuses');
    await context.close();
  });
});
