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

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  await page.goto(`${BASE_URL}/moderation/`);
  await page.fill('input[name=email]', ADMIN.email);
  await page.fill('input[name=password]', ADMIN.password);
  await page.click('#login button[type=submit]');
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

  // The history of the approved one shows the action, and it can be reverted from the page.
  await page.goto(`${BASE_URL}/moderation/`);
  await page.waitForSelector('.item');
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

test('an invited person joins a group from the link, logs in and sees the queue of its territory', async () => {
  // The site admin creates the group and an invitation through the API, as an operator would.
  const asAdmin = (await apiSession(ADMIN)).post;
  const { minLon, minLat, maxLon, maxLat } = MONTPELLIER;
  const group = await asAdmin('/api/groups', { name: `Technopolice Montpellier ${Date.now()}`, territory: boxPolygon(MONTPELLIER) });
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
  await page.waitForSelector('#login:not([hidden])');
  assert.equal(new URL(page.url()).hash, '', 'the token leaves the address bar');
  await page.fill('#login input[name=email]', email);
  await page.fill('#login input[name=password]', 'une phrase de passe');
  await page.click('#login button[type=submit]');
  await page.waitForSelector('#work:not([hidden])');
  await eventually(async () => (await page.textContent('#who')) === 'Camille');
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
