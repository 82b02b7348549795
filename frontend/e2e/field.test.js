// Field work (issue 14): the look-alike guide, one tap from the add form and offline; photos covered
// on the phone before they leave it. Real headless Chromium at phone size, against the packaged app.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { randomUUID } from 'node:crypto';
import {
  ADMIN,
  BASE_URL,
  MONTPELLIER_ANTIGONE,
  browserAndDatabase,
  cspViolations,
  openApp,
  phone,
  screenshotDir,
  seriousViolations,
} from './support.js';

const shared = browserAndDatabase();
const SHOTS = screenshotDir();

/** A street photo of sorts, 800×600: stripes of many colours, so that no area of it is uniform. */
async function streetJpeg(page) {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 800;
    canvas.height = 600;
    const c = canvas.getContext('2d');
    for (let x = 0; x < 800; x += 10) {
      for (let y = 0; y < 600; y += 10) {
        c.fillStyle = `rgb(${(x * 7) % 256}, ${(y * 5) % 256}, ${((x + y) * 3) % 256})`;
        c.fillRect(x, y, 10, 10);
      }
    }
    return canvas.toDataURL('image/jpeg', 0.9);
  });
  return Buffer.from(dataUrl.split(',')[1], 'base64');
}

/** Drags from one point to another of an element, given as fractions of its size. */
async function drag(page, selector, [x0, y0], [x1, y1]) {
  await page.locator(selector).scrollIntoViewIfNeeded();
  const box = await page.locator(selector).boundingBox();
  await page.mouse.move(box.x + box.width * x0, box.y + box.height * y0);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * ((x0 + x1) / 2), box.y + box.height * ((y0 + y1) / 2), { steps: 4 });
  await page.mouse.move(box.x + box.width * x1, box.y + box.height * y1, { steps: 4 });
  await page.mouse.up();
}

/** The largest difference of one colour channel over a region of a JPEG, decoded in the page. */
function spread(page, jpeg, [x0, y0, x1, y1]) {
  return page.evaluate(
    async ({ bytes, region }) => {
      const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/jpeg' }));
      const canvas = document.createElement('canvas');
      canvas.width = bitmap.width;
      canvas.height = bitmap.height;
      const c = canvas.getContext('2d');
      c.drawImage(bitmap, 0, 0);
      const [a, b, w, h] = [region[0], region[1], region[2] - region[0], region[3] - region[1]];
      const { data } = c.getImageData(a, b, w, h);
      let most = 0;
      for (let channel = 0; channel < 3; channel++) {
        let min = 255;
        let max = 0;
        for (let i = channel; i < data.length; i += 4) {
          min = Math.min(min, data[i]);
          max = Math.max(max, data[i]);
        }
        most = Math.max(most, max - min);
      }
      return { most, width: bitmap.width, height: bitmap.height };
    },
    { bytes: [...jpeg], region: [x0, y0, x1, y1] },
  );
}

describe('field work', () => {
  test('the guide is one tap from the add form, and opens offline once the app was loaded', async () => {
    const context = await phone(shared.browser, { serviceWorkers: 'allow' });
    const page = await openApp(context);
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload(); // now under the service worker's control
    await page.waitForSelector('body[data-ready="true"]');
    await page.click('#add-button');
    await page.waitForSelector('form.sighting-form');
    const link = page.locator('form.sighting-form a[href="/guide/"]');
    assert.equal(await link.textContent(), 'Je ne sais pas ? Voir le guide');
    const [guide] = await Promise.all([context.waitForEvent('page'), link.click()]);
    await guide.waitForSelector('#guide h1');
    assert.equal(await guide.textContent('#guide h1'), 'Reconnaître une caméra');
    assert.equal(await page.locator('form.sighting-form').count(), 1, 'the form stays open behind it');
    assert.deepEqual(await guide.$$eval('.guide-entry', (all) => all.map((e) => e.id)), [
      'fixed',
      'dome',
      'panning',
      'alpr',
      'speed',
      'redlight',
      'counter',
      'pir',
      'doorbell',
    ]);
    assert.equal(await guide.locator('.guide-entry svg').count(), 9, 'a drawing for each');
    assert.match(await guide.textContent('#alpr .guide-form'), /Que surveille-t-elle \? — Lecture de plaques/);
    assert.deepEqual(await seriousViolations(guide), [], 'the guide');
    await guide.screenshot({ path: new URL('guide.png', SHOTS).pathname });
    await guide.close();

    await context.setOffline(true);
    for (const path of ['/guide/', '/guide', '/guide/#redlight']) {
      const offline = await context.newPage();
      await offline.goto(`${BASE_URL}${path}`);
      await offline.waitForSelector('#guide h1');
      assert.equal(await offline.locator('.guide-entry svg').count(), 9, `${path} offline, drawings and all`);
      await offline.close();
    }
    await context.close();
  });

  test('the guide speaks English to an English phone, cleanly for axe, and the panel links to it', async () => {
    const context = await phone(shared.browser, { locale: 'en-GB' });
    const page = await context.newPage();
    await page.goto(`${BASE_URL}/guide/#dome`);
    await page.waitForSelector('#guide h1');
    assert.equal(await page.textContent('#guide h1'), 'Telling cameras apart');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.match(await page.textContent('#redlight'), /Traffic signals/);
    assert.deepEqual(await seriousViolations(page), [], 'the guide in English');

    // The camera type of an approved camera's panel links to its entry.
    const map = await openApp(context, '#/c/1');
    const type = map.locator('#panel a.guide-type');
    await type.waitFor();
    assert.match(await type.getAttribute('href'), /^\/guide\/#(fixed|dome|panning)$/);
    assert.deepEqual(await seriousViolations(map), [], 'the panel with its guide link');
    await context.close();
  });

  /** The add form with a street photo picked, the uploads recorded; `send()` sends and answers them. */
  async function formWithPhoto(note) {
    const context = await phone(shared.browser, { position: MONTPELLIER_ANTIGONE });
    const page = await openApp(context);
    const uploads = [];
    page.on(
      'request',
      (r) => r.method() === 'POST' && /\/photos$/.test(new URL(r.url()).pathname) && uploads.push(r.postDataBuffer()),
    );
    await page.click('#add-button');
    await page.waitForSelector('.position-status[data-placed="true"]');
    await page.check('input[name="cameraType"][value="fixed"]');
    await page.click('details.more > summary');
    await page.fill('textarea[name="notes"]', note);
    const original = await streetJpeg(page);
    await page.setInputFiles('input.photo-input', { name: 'street.jpg', mimeType: 'image/jpeg', buffer: original });
    await page.waitForSelector('.photo-previews img[src^="blob:"]');
    await page.click('button.photo-cover');
    await page.waitForFunction(() => document.querySelector('.cover-stage img')?.naturalWidth > 0);
    const send = async () => {
      await page.click('form.sighting-form button[type="submit"]');
      await page.waitForSelector('#private-link, ul.nearby');
      if (await page.locator('ul.nearby').count()) await page.click('button.new-camera');
      await page.waitForSelector('#private-link');
      await page.waitForFunction(() => document.querySelector('.sent-photos img')?.naturalWidth > 0);
      assert.equal(uploads.length, 1);
      return uploads[0];
    };
    return { context, page, original, send };
  }

  // The box 25–75 % covers 200–600 × 150–450 of the 800×600 photo; JPEG may ring a few pixels at its edges.
  const INSIDE = [212, 162, 588, 438];

  test('a photo covered on the phone reaches the server with the covered pixels uniform', async () => {
    const { context, page, original, send } = await formWithPhoto('e2e: a covered photo');
    await drag(page, '.cover-stage', [0.25, 0.25], [0.75, 0.75]);
    await drag(page, '.cover-stage', [0.05, 0.05], [0.2, 0.2]);
    await page.screenshot({ path: new URL('cover.png', SHOTS).pathname });
    assert.equal(await page.locator('.cover-box').count(), 2, 'two boxes dragged');
    assert.deepEqual(await seriousViolations(page), [], 'the covering tool');
    await page.click('.cover-box >> nth=1 >> button.cover-remove');
    assert.equal(await page.locator('.cover-box').count(), 1, 'a box taken back');
    await page.click('button.cover-apply');
    await page.waitForFunction(() => /masquée/.test(document.querySelector('.photos [role="status"]').textContent));
    const uploaded = await send();
    assert.match(
      await page.textContent('.sent-photos .photo-licence a[rel~="license"]'),
      /CC BY-SA 4\.0/,
      'the photos say their licence',
    );

    const inside = await spread(page, uploaded, INSIDE);
    assert.deepEqual([inside.width, inside.height], [800, 600]);
    assert.ok(inside.most <= 8, `inside the box every uploaded pixel is the same (spread ${inside.most})`);
    const outside = await spread(page, uploaded, [0, 0, 180, 130]);
    assert.ok(outside.most > 100, `outside the box the photo is sent as it is (spread ${outside.most})`);
    const removed = await spread(page, uploaded, [50, 40, 150, 110]);
    assert.ok(removed.most > 100, 'the box taken back covers nothing');
    const before = await spread(page, original, INSIDE);
    assert.ok(before.most > 100, 'the original was not uniform there');
    assert.deepEqual(await cspViolations(page), [], 'the strict Content-Security-Policy');
    await context.close();
  });

  test('boxes drawn but not applied are covered all the same when the walker sends', async () => {
    const { context, page, send } = await formWithPhoto('e2e: sent with the tool open');
    await drag(page, '.cover-stage', [0.25, 0.25], [0.75, 0.75]);
    const inside = await spread(page, await send(), INSIDE);
    assert.ok(inside.most <= 8, `the box is covered (spread ${inside.most})`);
    await context.close();
  });

  test('a moderator covers an area of a pending photo from the queue; the stored photo is redrawn', async () => {
    // A pending sighting in Paris 11e (the walker's tests work in Montpellier) with a photo stored as
    // the server stores them.
    const { db, browser } = shared;
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
    const page = await context.newPage();
    page.setDefaultTimeout(15000);
    await page.goto(`${BASE_URL}/moderation/`);
    const jpeg = await streetJpeg(page);
    const sighting = Number(
      (
        await db.query(
          `INSERT INTO sighting (geom, surveillance_type, camera_type, mount, observed_at)
             VALUES (ST_SetSRID(ST_MakePoint(2.3711, 48.8612), 4326), 'camera', 'dome', 'pole', current_date)
             RETURNING id`,
        )
      ).rows[0].id,
    );
    const photo = randomUUID();
    await db.query(
      `INSERT INTO photo (id, sighting_id, width, height, thumbnail_width, thumbnail_height, byte_size)
         VALUES ($1, $2, 800, 600, 800, 600, $3)`,
      [photo, sighting, jpeg.length],
    );
    await db.query(`INSERT INTO photo_file (photo_id, variant, jpeg) VALUES ($1, 'full', $2), ($1, 'thumbnail', $2)`, [
      photo,
      jpeg,
    ]);

    await page.fill('input[name=email]', ADMIN.email);
    await page.fill('input[name=password]', ADMIN.password);
    await page.click('#login button[type=submit]');
    const item = `.item[data-id="${sighting}"]`;
    await page.waitForSelector(`${item} .photos img`);
    await page.click(`${item} button.cover-open`);
    await page.waitForFunction((i) => document.querySelector(`${i} .cover-stage img`)?.naturalWidth > 0, item);
    await drag(page, `${item} .cover-stage`, [0.25, 0.25], [0.75, 0.75]);
    assert.equal(await page.locator(`${item} .cover-box`).count(), 1);
    assert.deepEqual(await seriousViolations(page), [], 'the covering tool in the queue');
    page.once('dialog', (dialog) => dialog.accept('Visage'));
    await page.click(`${item} button.cover-apply`);
    await page.waitForFunction(() => /zone\(s\) masquée/.test(document.getElementById('message').textContent));

    const rows = (await db.query('SELECT id FROM photo WHERE sighting_id = $1', [sighting])).rows;
    assert.equal(rows.length, 1, 'one photo still');
    assert.notEqual(rows[0].id, photo, 'under a new id: the original is gone');
    const stored = (
      await db.query("SELECT jpeg FROM photo_file WHERE photo_id = $1 AND variant = 'full'", [rows[0].id])
    ).rows[0].jpeg;
    const inside = await spread(page, stored, [216, 166, 584, 434]);
    assert.ok(inside.most <= 8, `inside the box every stored pixel is the same (spread ${inside.most})`);
    assert.ok((await spread(page, stored, [0, 0, 180, 130])).most > 100, 'outside, the photo is kept');
    const logged = (
      await db.query("SELECT reason FROM moderation_action WHERE sighting_id = $1 AND action = 'redact_photo'", [
        sighting,
      ])
    ).rows;
    assert.equal(logged.length, 1);
    assert.match(logged[0].reason, /: Visage$/);
    await context.close();
  });
});
