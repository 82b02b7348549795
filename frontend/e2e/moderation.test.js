// A moderator works the queue in real headless Chromium: approve, reject with a reason, merge a
// duplicate; then the public map data holds exactly the approved cameras.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { ADMIN, BASE_URL, apiSession, boxPolygon, database, eventually, launch, seriousViolations } from './support.js';
const MONTPELLIER = { minLon: 3.85, minLat: 43.59, maxLon: 3.9, maxLat: 43.62 };
// The walker's tests work in Montpellier: the moderation of demo sightings happens in Paris 11e.
const PARIS = { minLon: 2.35, minLat: 48.84, maxLon: 2.4, maxLat: 48.88 };
const PARIS_REPUBLIQUE = { longitude: 2.36323, latitude: 48.86742 };

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

const status = async (id) => (await db.query('SELECT status, merged_into FROM sighting WHERE id = $1', [id])).rows[0];

test('a moderator approves, rejects with a reason and merges; the public map shows exactly the approved ones', async () => {
  // Two pending demo sightings in Paris, and a walker's duplicate of a camera of République.
  const pending = (
    await db.query(
      `SELECT id FROM sighting WHERE status = 'pending'
         AND geom && ST_MakeEnvelope($1, $2, $3, $4, 4326) ORDER BY created_at, id LIMIT 2`,
      [PARIS.minLon, PARIS.minLat, PARIS.maxLon, PARIS.maxLat],
    )
  ).rows.map((r) => Number(r.id));
  assert.equal(pending.length, 2, 'the demo data has pending sightings in Paris');
  const target = Number(
    (
      await db.query(
        `SELECT id FROM sighting WHERE status = 'approved'
           ORDER BY geom <-> ST_SetSRID(ST_MakePoint($1, $2), 4326) LIMIT 1`,
        [PARIS_REPUBLIQUE.longitude, PARIS_REPUBLIQUE.latitude],
      )
    ).rows[0].id,
  );
  const duplicate = Number(
    (
      await db.query(
        `INSERT INTO sighting (geom, surveillance_type, camera_type, observed_at, check_date)
           SELECT geom, 'camera', 'dome', current_date, current_date FROM sighting WHERE id = $1
           RETURNING id`,
        [target],
      )
    ).rows[0].id,
  );
  const [approveId, rejectId] = pending;

  const { context, page } = await moderatorPage({ width: 1280, height: 900 });
  const item = (id) => `.item[data-id="${id}"]`;
  await page.waitForSelector(item(duplicate));
  assert.deepEqual(await seriousViolations(page), []);

  // The duplicate shows the camera it repeats as a candidate; merge into it.
  await page.click(`${item(duplicate)} .merge[data-target="${target}"]`);
  await page.waitForFunction((id) => !document.querySelector(`.item[data-id="${id}"]`), duplicate);

  await page.click(`${item(approveId)} .approve`);
  await page.waitForFunction((id) => !document.querySelector(`.item[data-id="${id}"]`), approveId);

  await page.selectOption(`${item(rejectId)} .reason`, 'not_surveillance');
  await page.fill(`${item(rejectId)} input[type=text]`, 'Un détecteur de fumée');
  await page.click(`${item(rejectId)} .reject`);
  await page.waitForFunction((id) => !document.querySelector(`.item[data-id="${id}"]`), rejectId);

  assert.equal((await status(approveId)).status, 'approved');
  assert.equal((await status(rejectId)).status, 'rejected');
  assert.deepEqual(await status(duplicate), { status: 'merged', merged_into: String(target) });
  const reason = (
    await db.query(`SELECT reason FROM moderation_action WHERE sighting_id = $1 AND action = 'reject'`, [rejectId])
  ).rows[0].reason;
  assert.equal(reason, 'not_surveillance: Un détecteur de fumée');

  await context.close();

  // What the public map loads is exactly the approved cameras.
  const bbox = `${PARIS.minLon},${PARIS.minLat},${PARIS.maxLon},${PARIS.maxLat}`;
  const shown = await eventually(async () => {
    const answer = await fetch(`${BASE_URL}/api/sightings?bbox=${bbox}&limit=5000`);
    return answer.ok && (await answer.json()).features.map((f) => f.id).sort((a, b) => a - b);
  });
  const approved = (
    await db.query(
      `SELECT id FROM sighting WHERE status = 'approved'
         AND geom && ST_MakeEnvelope($1, $2, $3, $4, 4326) ORDER BY id`,
      [PARIS.minLon, PARIS.minLat, PARIS.maxLon, PARIS.maxLat],
    )
  ).rows.map((r) => Number(r.id));
  assert.deepEqual(shown, approved);
  assert.ok(shown.includes(approveId));
  assert.ok(!shown.includes(rejectId) && !shown.includes(duplicate));
});

test('an invited person joins a group from the link, is logged in at once and sees the queue of its territory', async () => {
  // The site admin creates the group and an invitation through the API, as an operator would.
  const asAdmin = (await apiSession(ADMIN)).post;
  const { minLon, minLat, maxLon, maxLat } = MONTPELLIER;
  const group = await asAdmin('/api/groups', {
    name: `Technopolice Montpellier ${Date.now()}`,
    territory: boxPolygon(MONTPELLIER),
  });
  assert.equal(group.status, 201);
  const invitation = await asAdmin(`/api/groups/${group.body.id}/invites`, { role: 'moderator' });
  assert.equal(invitation.status, 201);
  assert.match(invitation.body.path, /^\/moderation\/#\/join\//);

  const context = await browser.newContext({ viewport: { width: 360, height: 640 }, locale: 'fr-FR' });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  await page.goto(`${BASE_URL}${invitation.body.path}`);
  await page.waitForSelector('#join:not([hidden])');
  assert.deepEqual(await seriousViolations(page), []);
  const email = `camille.${Date.now()}@collectif.test`;
  await page.fill('#join input[name=email]', email);
  await page.fill('#join input[name=displayName]', 'Camille');
  await page.fill('#join input[name=password]', 'une phrase de passe');
  await page.click('#join button[type=submit]');
  // Joined and logged in with what was just typed: no second login, straight to the queue.
  await page.waitForSelector('#work:not([hidden])');
  assert.equal(await page.isVisible('#login'), false);
  assert.ok(!/join/.test(new URL(page.url()).hash), 'the token leaves the address bar');
  await eventually(async () => (await page.textContent('#who')) === 'Camille');
  // The welcome is a status, not an error: not in red.
  await eventually(async () => /rejoint le groupe/.test(await page.textContent('#message')));
  const colour = await page.$eval('#message', (node) => getComputedStyle(node).color);
  assert.notEqual(colour, await page.$eval('#login-error', (node) => getComputedStyle(node).color));
  // The queue holds exactly the pending sightings of the group's territory.
  const expected = (
    await db.query(
      `SELECT count(*) FROM sighting WHERE status = 'pending'
         AND ST_Covers(ST_MakeEnvelope($1, $2, $3, $4, 4326), geom)`,
      [minLon, minLat, maxLon, maxLat],
    )
  ).rows[0].count;
  await eventually(async () => (await page.locator('.item').count()) === Number(expected));
  await context.close();
});

/** Two fresh pending sightings in Paris 11e, last in the queue (oldest first). */
async function freshPending(count) {
  const { rows } = await db.query(
    `INSERT INTO sighting (geom, surveillance_type, camera_type, mount, observed_at)
       SELECT ST_SetSRID(ST_MakePoint(2.3801 + n * 0.001, 48.8589), 4326), 'camera', 'dome', 'pole', current_date
         FROM generate_series(1, $1) AS n
       RETURNING id`,
    [count],
  );
  return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

/** The site admin, logged in on the moderation page in a fresh browser context. */
async function moderatorPage(viewport) {
  const context = await browser.newContext({ viewport, locale: 'fr-FR' });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  await page.goto(`${BASE_URL}/moderation/`);
  await page.fill('input[name=email]', ADMIN.email);
  await page.fill('input[name=password]', ADMIN.password);
  await page.click('#login button[type=submit]');
  await page.waitForSelector('#work:not([hidden])');
  return { context, page };
}

test('a moderator edits fields and the position from a phone; a refused value is shown by its field', async () => {
  const [id] = await freshPending(1);
  const { context, page } = await moderatorPage({ width: 360, height: 640 });
  const item = `.item[data-id="${id}"]`;
  await page.waitForSelector(item);
  await page.click(`${item} .edit summary`);
  await page.selectOption(`${item} select[name=cameraType]`, 'fixed');
  await page.fill(`${item} input[name=height]`, '500');
  await page.click(`${item} .save`);
  // The refusal in the page's language, by its code: never the server's English.
  await eventually(
    async () =>
      (await page.textContent(`${item} [data-field=height] .field-error`)) ===
      'doit être un nombre de mètres, plus de 0 et 300 au plus',
  );
  assert.equal(
    (await db.query('SELECT version, camera_type FROM sighting WHERE id = $1', [id])).rows[0].camera_type,
    'dome',
  );
  assert.deepEqual(await seriousViolations(page), []);

  await page.fill(`${item} input[name=height]`, '5');
  await page.fill(`${item} input[name=latitude]`, '48.8591');
  await page.fill(`${item} input[name=directions]`, '90, SW');
  await page.fill(`${item} textarea[name=notes]`, 'Sur le kiosque');
  await page.fill(`${item} input[name=reason]`, 'vue sur place');
  await page.click(`${item} .save`);
  await eventually(async () => /#\d+ modifié/.test(await page.textContent('#message')));

  const row = (
    await db.query(
      `SELECT status, camera_type, mount, height::float AS height, directions, notes, ST_Y(geom) AS lat, ST_X(geom) AS lon, version
         FROM sighting WHERE id = $1`,
      [id],
    )
  ).rows[0];
  assert.deepEqual(
    { ...row, directions: row.directions.map(Number) },
    {
      status: 'pending',
      camera_type: 'fixed',
      mount: 'pole',
      height: 5,
      directions: [90, 225],
      notes: 'Sur le kiosque',
      lat: 48.8591,
      lon: 2.3811,
      version: 1,
    },
  );
  const logged = (
    await db.query(`SELECT reason FROM moderation_action WHERE sighting_id = $1 AND action = 'edit'`, [id])
  ).rows;
  assert.deepEqual(logged, [{ reason: 'vue sur place' }]);
  // The reloaded queue shows the edited sighting with its new values in the form.
  await page.waitForSelector(`${item} .edit`);
  assert.equal(await page.inputValue(`${item} select[name=cameraType]`), 'fixed');

  // Its history shows the edit, and reverting it from the page restores exactly what was there.
  await page.click(`${item} .history-button`);
  await page.click(`${item} .history .revert`);
  await eventually(async () => (await page.textContent('#message')) === 'Action annulée.');
  const reverted = (
    await db.query(`SELECT camera_type, height, directions, notes, ST_Y(geom) AS lat FROM sighting WHERE id = $1`, [id])
  ).rows[0];
  assert.deepEqual(reverted, { camera_type: 'dome', height: null, directions: [], notes: null, lat: 48.8589 });
  await context.close();
});

test('laptop shortcuts: j/k move between sightings, e opens the edit form, h the history, a approves', async () => {
  const [first, second] = await freshPending(2);
  const { context, page } = await moderatorPage({ width: 1280, height: 900 });
  const item = (id) => `.item[data-id="${id}"]`;
  await page.waitForSelector(item(second));
  const focused = () => page.evaluate(() => Number(document.activeElement?.closest('.item')?.dataset.id));

  await page.focus(item(first));
  await page.keyboard.press('j');
  assert.equal(await focused(), second);
  await page.keyboard.press('k');
  assert.equal(await focused(), first);

  await page.keyboard.press('e');
  assert.equal(await page.evaluate((s) => document.querySelector(s).open, `${item(first)} .edit`), true);
  assert.equal(await page.evaluate(() => document.activeElement.name), 'surveillanceType');
  await page.focus(item(first));

  await page.keyboard.press('r');
  assert.equal(await page.evaluate(() => document.activeElement.className), 'reason');
  await page.focus(item(first));

  await page.keyboard.press('h');
  await page.waitForSelector(`${item(first)} .history:not([hidden]) li`);
  assert.equal(await page.textContent(`${item(first)} .history`), 'Aucune action de modération pour l’instant.');

  await page.keyboard.press('a');
  await page.waitForFunction((id) => !document.querySelector(`.item[data-id="${id}"]`), first);
  assert.equal((await status(first)).status, 'approved');
  assert.equal((await status(second)).status, 'pending');
  await context.close();
});

test("a group's page shows its history, and an action reverted there is undone", async () => {
  // Signed in first: the group below is created meanwhile, as by another admin.
  const { context, page } = await moderatorPage({ width: 1280, height: 900 });
  const admin = await apiSession(ADMIN);
  const name = `Technopolice Paris 11e ${Date.now()}`;
  const group = await admin.post('/api/groups', {
    name,
    cityName: 'Paris',
    territory: boxPolygon({ minLon: 2.375, minLat: 48.855, maxLon: 2.395, maxLat: 48.865 }),
  });
  assert.equal(group.status, 201);
  const [id] = await freshPending(1);
  const version = (await db.query('SELECT version FROM sighting WHERE id = $1', [id])).rows[0].version;
  assert.equal((await admin.post(`/api/moderation/sightings/${id}/approve`, { version })).status, 200);

  await page.goto(`${BASE_URL}/moderation/#/groups/${group.body.id}`);
  const entry = page.locator('.group-history li', { hasText: `#${id} ·` });
  await entry.waitFor();
  // The action in the page's language, with a French date.
  assert.match(await entry.textContent(), /approbation/);
  assert.doesNotMatch(await entry.textContent(), /approve|\d{4}-\d{2}-\d{2}/);
  assert.deepEqual(await seriousViolations(page), []);

  await entry.locator('.revert').click();
  await eventually(async () => (await page.textContent('.group-history .message')) === 'Action annulée.');
  assert.equal((await status(id)).status, 'pending');
  await eventually(async () => (await page.locator('.group-history li', { hasText: `#${id} ·` }).count()) === 2);

  // Back on the queue, the sighting is pending again and the new group can take an import.
  await page.click('#mod-nav a[href="#/"]');
  await page.waitForSelector(`.item[data-id="${id}"]`);
  await eventually(async () => (await page.locator('#import-group option', { hasText: name }).count()) === 1);
  await context.close();
});
