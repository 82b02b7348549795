// The moderation screens as a French-speaking moderator finds them, in real headless Chromium: one
// language per screen (refusals translated by the API's codes, values and dates in French, a
// switch to English), a small map in each queue entry, the queue's count and filters; and the
// groups: no stray "false", a warning before saving an overlapping territory, deleting a group.
//
// Its places are its own: Paris 12e for the queue (the other tests use Paris 11e and Montpellier),
// Bordeaux and Toulouse for the groups.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ADMIN,
  BASE_URL,
  apiSession,
  boxPolygon,
  browserAndDatabase,
  eventually,
  seriousViolations,
} from './support.js';

const shared = browserAndDatabase();
const BORDEAUX = { minLon: -0.6, minLat: 44.82, maxLon: -0.55, maxLat: 44.86 };
const PASSWORD = 'une phrase de passe';

/** English phrases of the API that must never reach the French page. */
const ENGLISH = /Email or password|is required|must be|unknown, used or expired|Invalid|refused:/;

async function moderationPage({ width = 1280, height = 900, locale = 'fr-FR' } = {}) {
  const context = await shared.browser.newContext({ viewport: { width, height }, locale });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  const missing = [];
  page.on('response', (response) => {
    if (response.status() === 404) missing.push(response.url());
  });
  await page.goto(`${BASE_URL}/moderation/`);
  await page.waitForSelector('#login:not([hidden])');
  return { context, page, missing };
}

async function logIn(page, { email, password }) {
  await page.fill('#login input[name=email]', email);
  await page.fill('#login input[name=password]', password);
  await page.click('#login button[type=submit]');
  await page.waitForSelector('#work:not([hidden])');
}

/** Fresh pending sightings in Paris 12e, last in the queue (oldest first). */
async function freshPending(count, { vsa = false, directions = '{}', lon = 2.3951 } = {}) {
  const { rows } = await shared.db.query(
    `INSERT INTO sighting (geom, surveillance_type, camera_type, mount, observed_at, vsa_suspected, directions)
       SELECT ST_SetSRID(ST_MakePoint($4 + n * 0.001, 48.8405), 4326), 'camera', 'dome', 'pole', DATE '2026-11-28', $2, $3
         FROM generate_series(1, $1) AS n
       RETURNING id`,
    [count, vsa, directions, lon],
  );
  return rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

const status = async (id) => (await shared.db.query('SELECT status FROM sighting WHERE id = $1', [id])).rows[0].status;

test('a refused login and a refused reject show only French; the switch turns the page English', async () => {
  const { context, page, missing } = await moderationPage();
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  await page.fill('#login input[name=email]', ADMIN.email);
  await page.fill('#login input[name=password]', 'pas le bon mot de passe');
  await page.click('#login button[type=submit]');
  await eventually(
    async () => (await page.textContent('#login-error')) === 'Connexion refusée : courriel ou mot de passe incorrect.',
  );
  assert.deepEqual(await seriousViolations(page), []);

  const [id] = await freshPending(1, { directions: '{90}' });
  await logIn(page, ADMIN);
  const item = `.item[data-id="${id}"]`;
  await page.waitForSelector(item);
  // Values and dates in French, not the API's words.
  assert.match(await page.textContent(`${item} h3`), new RegExp(`#${id} Caméra · Dôme`));
  assert.match(await page.textContent(`${item} .meta`), /vue le 28 novembre 2026/);

  // No reason is chosen in advance: rejecting without one is refused in the page.
  assert.equal(await page.inputValue(`${item} .reason`), '');
  await page.click(`${item} .reject`);
  assert.equal(await page.textContent(`${item} .reject-error`), 'Choisissez un motif de rejet.');
  await page.selectOption(`${item} .reason`, 'other');
  await page.click(`${item} .reject`);
  assert.equal(
    await page.textContent(`${item} .reject-error`),
    'Un commentaire est obligatoire quand le motif est « Autre ».',
  );
  assert.equal(await status(id), 'pending');

  // The server's own refusal (here the comment dropped on the way) is translated by its codes.
  await page.route('**/reject', (route) => {
    const body = JSON.parse(route.request().postData());
    route.continue({ postData: JSON.stringify({ ...body, comment: '' }) });
  });
  await page.fill(`${item} input[type=text]`, 'Une caméra de chantier');
  await page.click(`${item} .reject`);
  await eventually(
    async () =>
      (await page.textContent('#message')) ===
      'Erreur : Commentaire : un commentaire est obligatoire quand le motif est « Autre »',
  );
  await page.unroute('**/reject');
  assert.equal(await status(id), 'pending');
  const text = await page.innerText('body');
  assert.doesNotMatch(text, ENGLISH);
  assert.doesNotMatch(text, /\b(fixed|dome|pending|approved|approve|merge|revert)\b/);
  assert.deepEqual(await seriousViolations(page), []);

  // The page has its icon: nothing it asked for was missing.
  assert.equal(await page.getAttribute('link[rel=icon]', 'href'), '/icons/icon.svg');
  assert.deepEqual(
    missing.filter((url) => !/\/tiles?\//.test(url)),
    [],
  );

  // The language switch: English, remembered on reload; the session stays.
  await page.selectOption('#language', 'en');
  await page.waitForSelector('#work:not([hidden])');
  await page.waitForSelector(item);
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(await page.textContent('h1'), /Moderation/);
  assert.match(await page.textContent(`${item} h3`), /Camera · Dome/);
  assert.match(await page.textContent(`${item} .meta`), /seen on November 28, 2026/);
  await page.click(`${item} .reject`);
  assert.equal(await page.textContent(`${item} .reject-error`), 'Choose a reason for the rejection.');
  assert.deepEqual(await seriousViolations(page), []);
  await page.selectOption('#language', 'fr');
  await page.waitForSelector(item);
  assert.equal(await page.getAttribute('html', 'lang'), 'fr');
  await context.close();
});

test('each queue entry shows a map of the camera, its direction and the candidates; the queue counts and filters', async () => {
  const { context, page } = await moderationPage();
  await logIn(page, ADMIN);
  // A pending camera looking east, and a duplicate of it 5 m away: each is the other's candidate.
  const [id] = await freshPending(1, { directions: '{90}', lon: 2.4051 });
  const { rows } = await shared.db.query(
    `INSERT INTO sighting (geom, surveillance_type, camera_type, observed_at, vsa_suspected)
       SELECT ST_Translate(geom, 0.00006, 0), 'camera', 'fixed', current_date, true FROM sighting WHERE id = $1 RETURNING id`,
    [id],
  );
  const twin = Number(rows[0].id);
  await page.click('#refresh');
  const item = `.item[data-id="${id}"]`;
  await page.waitForSelector(`.item[data-id="${twin}"]`);
  await page.locator(item).scrollIntoViewIfNeeded();
  await page.waitForSelector(`${item} .queue-map.leaflet-container .pending-marker`);
  assert.equal(await page.locator(`${item} .queue-map .candidate-marker`).count(), 1);
  assert.equal(await page.textContent(`${item} .queue-map .candidate-label`), `#${twin}`);
  // The pending camera's direction (east): one line from its marker; the twin has none.
  assert.equal(await page.locator(`${item} .queue-map path.direction-line`).count(), 1);
  assert.equal(await page.locator(`${item} .queue-map path.pending-direction`).count(), 1);
  assert.equal(await page.locator(`${item} .candidates li`).count(), 1);

  // How many are pending in all, every page together.
  const pending = Number(
    (await shared.db.query(`SELECT count(*) FROM sighting WHERE status = 'pending'`)).rows[0].count,
  );
  await eventually(async () => (await page.textContent('#queue-total')).includes(`sur ${pending} en attente`));
  assert.match(await page.textContent('#queue-title'), new RegExp(`${pending} signalements en attente`));

  // Filtered to suspected VSA: the twin is there, the camera not.
  await page.check('#queue-filters input[name=vsaSuspected]');
  await page.click('#queue-filters button[type=submit]');
  const vsa = Number(
    (await shared.db.query(`SELECT count(*) FROM sighting WHERE status = 'pending' AND vsa_suspected`)).rows[0].count,
  );
  await eventually(async () => (await page.textContent('#queue-total')).includes(`sur ${vsa} en attente`));
  await page.waitForSelector(`.item[data-id="${twin}"]`);
  assert.equal(await page.locator(item).count(), 0);
  assert.equal(await page.locator('.item').count(), Math.min(vsa, 100));
  assert.deepEqual(await seriousViolations(page), []);

  // Phone size: the map is there too, and the screen stays accessible.
  await page.setViewportSize({ width: 360, height: 640 });
  assert.ok((await page.locator(`.item[data-id="${twin}"] .queue-map`).boundingBox()).height > 100);
  assert.deepEqual(await seriousViolations(page), []);
  await context.close();
});

test('groups: a moderator sees roles without "false"; an overlapping territory is warned of; a site admin deletes a group', async () => {
  const admin = await apiSession(ADMIN);
  const name = `Technopolice Bordeaux ${Date.now()}`;
  const group = await admin.post('/api/groups', { name, cityName: 'Bordeaux', territory: boxPolygon(BORDEAUX) });
  assert.equal(group.status, 201);
  const groupId = group.body.id;
  // A moderator joins by invitation (through the API, as the join form does).
  const invitation = await admin.post(`/api/groups/${groupId}/invites`, { role: 'moderator' });
  const email = `lou.${Date.now()}@collectif.test`;
  const joined = await fetch(`${BASE_URL}/api/groups/join`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token: invitation.body.token, email, displayName: 'Lou', password: PASSWORD }),
  });
  assert.equal(joined.status, 200);
  // An action of the group, to stay in the history once the group is gone.
  const { rows } = await shared.db.query(
    `INSERT INTO sighting (geom, surveillance_type, camera_type, observed_at)
       VALUES (ST_SetSRID(ST_MakePoint(-0.575, 44.84), 4326), 'camera', 'dome', current_date) RETURNING id`,
  );
  const sighting = Number(rows[0].id);
  assert.equal((await admin.post(`/api/moderation/sightings/${sighting}/approve`, { version: 0 })).status, 200);

  // The moderator reads the members: a role, never the word "false".
  const mod = await moderationPage();
  await logIn(mod.page, { email, password: PASSWORD });
  await mod.page.goto(`${BASE_URL}/moderation/#/groups/${groupId}`);
  await mod.page.waitForSelector('.members .member');
  const members = await mod.page.textContent('.members');
  assert.match(members, /Modérateur/);
  assert.doesNotMatch(members, /false/);
  assert.equal(await mod.page.locator('.delete-group').count(), 0, 'only a site admin deletes a group');
  assert.deepEqual(await seriousViolations(mod.page), []);
  await mod.context.close();

  // The site admin creates a group whose file overlaps Bordeaux's: warned, not saved until confirmed.
  const { context, page } = await moderationPage();
  await logIn(page, ADMIN);
  await page.goto(`${BASE_URL}/moderation/#/groups/new`);
  await page.waitForSelector('.group-form .leaflet-container');
  const overlapping = `Technopolice Gironde ${Date.now()}`;
  await page.fill('.group-form input[name=name]', overlapping);
  await page.setInputFiles('.territory-file', {
    name: 'gironde.geojson',
    mimeType: 'application/geo+json',
    buffer: Buffer.from(JSON.stringify(boxPolygon({ minLon: -0.58, minLat: 44.8, maxLon: -0.5, maxLat: 44.9 }))),
  });
  await eventually(async () => /1 polygone/.test(await page.textContent('.territory-summary')));
  let warning = null;
  page.once('dialog', (dialog) => {
    warning = dialog.message();
    dialog.dismiss();
  });
  await page.click('.group-form button.save');
  await eventually(async () =>
    (await page.textContent('.group-form .form-errors')).includes('Territoire non enregistré'),
  );
  assert.match(warning, new RegExp(`empiète sur celui de : ${name}`));
  assert.equal(
    Number((await shared.db.query('SELECT count(*) FROM local_group WHERE name = $1', [overlapping])).rows[0].count),
    0,
  );
  page.once('dialog', (dialog) => dialog.accept());
  await page.click('.group-form button.save');
  await eventually(
    async () =>
      Number(
        (await shared.db.query('SELECT count(*) FROM local_group WHERE name = $1', [overlapping])).rows[0].count,
      ) === 1,
  );

  // Deleting the Bordeaux group, after confirming; its approval stays in the history.
  await page.goto(`${BASE_URL}/moderation/#/groups/${groupId}`);
  await page.waitForSelector('.delete-group');
  let question = null;
  page.once('dialog', (dialog) => {
    question = dialog.message();
    dialog.accept();
  });
  await page.click('.delete-group');
  await eventually(async () => (await page.textContent('#groups .message')) === `Groupe « ${name} » supprimé.`);
  assert.match(question, /Supprimer le groupe/);
  assert.equal(
    Number((await shared.db.query('SELECT count(*) FROM local_group WHERE id = $1', [groupId])).rows[0].count),
    0,
  );
  const history = (
    await shared.db.query(`SELECT action, group_id FROM moderation_action WHERE sighting_id = $1`, [sighting])
  ).rows;
  assert.deepEqual(history, [{ action: 'approve', group_id: null }]);
  assert.equal(await page.locator('.group-list .group-name', { hasText: name }).count(), 0);
  assert.deepEqual(await seriousViolations(page), []);
  await context.close();
});
