// Local groups in real headless Chromium: the site admin creates one group by drawing its territory
// and one by uploading a GeoJSON file, invites an admin; the new admin joins, invites a moderator,
// makes them an admin, then removes them, and the API then refuses the removed member.
//
// The territories are away from the other browser tests (the walker's Montpellier, the queue's
// Paris): a square drawn near Bourges, a file around Lyon's Presqu'île. Names carry a timestamp:
// group names are unique and the e2e database is shared by one run's tests.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  BASE_URL,
  browserAndDatabase,
  cspViolations,
  eventually,
  laptop,
  phone,
  seriousViolations,
  tileHost,
  screenshotDir,
} from './support.js';

const SCREENSHOTS = screenshotDir();

const ADMIN = {
  email: process.env.TECHNOCARTE_E2E_ADMIN_EMAIL || 'admin@technocarte.test',
  password: process.env.TECHNOCARTE_E2E_ADMIN_PASSWORD || 'e2e admin password',
};
// The centre of the map before a territory is shown (groups' FRANCE view): near Bourges.
const MAP_CENTRE = { longitude: 2.4, latitude: 46.6 };
const LYON_PRESQU_ILE = { longitude: 4.8325, latitude: 45.7625 };
const LYON_FILE = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { name: "Presqu'île" },
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [4.82, 45.75],
            [4.845, 45.75],
            [4.845, 45.775],
            [4.82, 45.775],
            [4.82, 45.75],
          ],
        ],
      },
    },
  ],
};
const PASSWORD = 'une phrase de passe';

const shared = browserAndDatabase();

async function openModeration(context, fragment = '') {
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  await page.goto(`${BASE_URL}/moderation/${fragment}`);
  return page;
}

async function logIn(page, { email, password }) {
  await page.waitForSelector('#login:not([hidden])');
  await page.fill('#login input[name=email]', email);
  await page.fill('#login input[name=password]', password);
  await page.click('#login button[type=submit]');
  await page.waitForSelector('#mod-nav:not([hidden])');
}

/** Opens an invitation link in a fresh browser and joins: logged in at once, the new member's page. */
async function join(link, { name, email, device }) {
  const context = await device;
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  await page.goto(link);
  await page.waitForSelector('#join:not([hidden])');
  await page.fill('#join input[name=email]', email);
  await page.fill('#join input[name=displayName]', name);
  await page.fill('#join input[name=password]', PASSWORD);
  await page.click('#join button[type=submit]');
  await page.waitForSelector('#mod-nav:not([hidden])');
  return page;
}

async function createInvitation(page, role) {
  await page.selectOption('.invite-form select', role);
  await page.click('.invite-form button.invite');
  return (await page.waitForSelector('.invite-link')).inputValue();
}

const covers = async (name, { longitude, latitude }) =>
  (
    await shared.db.query(
      'SELECT ST_Covers(territory, ST_SetSRID(ST_MakePoint($2, $3), 4326)) AS yes FROM local_group WHERE name = $1',
      [name, longitude, latitude],
    )
  ).rows[0]?.yes;

/** The id of the group a page shows (#/groups/<id>). */
const groupId = (page) => Number(new URL(page.url()).hash.split('/').pop());

/** Changes a group through the API as the site admin, at its current version. */
async function changeAsSiteAdmin(id, change) {
  const login = await fetch(`${BASE_URL}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  const headers = {
    'Content-Type': 'application/json',
    Cookie: login.headers.get('set-cookie').split(';')[0],
    'X-CSRF-Token': (await login.json()).csrfToken,
  };
  const { version } = await (await fetch(`${BASE_URL}/api/groups/${id}`, { headers })).json();
  const answer = await fetch(`${BASE_URL}/api/groups/${id}`, {
    method: 'PATCH',
    headers,
    body: JSON.stringify({ ...change, version }),
  });
  assert.equal(answer.status, 200);
}

const near = async (name, { longitude, latitude }, degrees) =>
  (
    await shared.db.query(
      'SELECT ST_DWithin(ST_Centroid(territory), ST_SetSRID(ST_MakePoint($2, $3), 4326), $4) AS yes FROM local_group WHERE name = $1',
      [name, longitude, latitude, degrees],
    )
  ).rows[0]?.yes;

test('groups are created by drawing and by upload; their admins invite and remove members', async () => {
  const stamp = Date.now();
  const drawn = `Technopolice Berry ${stamp}`;
  const uploaded = `Technopolice Lyon ${stamp}`;

  // The site admin, on a phone.
  const adminContext = await phone(shared.browser);
  const admin = await openModeration(adminContext);
  await logIn(admin, ADMIN);
  await admin.click('#mod-nav a[href="#/groups"]');
  await admin.waitForSelector('a.new-group');
  assert.deepEqual(await seriousViolations(admin), []);

  // 1. Drawn: zoom in on the map's centre, click four corners, close on the first.
  await admin.click('a.new-group');
  await admin.waitForSelector('.group-form .leaflet-pm-toolbar');
  assert.deepEqual(await seriousViolations(admin), []);
  await admin.fill('.group-form input[name=name]', drawn);
  await admin.fill('.group-form input[name=cityName]', 'Bourges');
  for (let i = 0; i < 3; i++) {
    await admin.click('.group-form .leaflet-control-zoom-in');
    await admin.waitForTimeout(400);
  }
  await admin.click('.leaflet-pm-icon-polygon');
  const map = admin.locator('.territory-map');
  await map.scrollIntoViewIfNeeded();
  const box = await map.boundingBox();
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  // South-east of the centre: the drawing tool's actions (finish, cancel) cover the top left.
  for (const [dx, dy] of [
    [10, 30],
    [90, 30],
    [90, 110],
    [10, 110],
    [10, 30],
  ]) {
    await admin.mouse.move(cx + dx, cy + dy, { steps: 3 });
    await admin.mouse.click(cx + dx, cy + dy);
    await admin.waitForTimeout(150);
  }
  await eventually(async () => /1 polygone/.test(await admin.textContent('.territory-summary')));
  await admin.click('.group-form button.save');
  await admin.waitForSelector(`.group-row:has-text("${drawn}")`);
  assert.match(await admin.textContent('.groups .message'), /créé/);
  assert.equal(await near(drawn, MAP_CENTRE, 0.6), true, 'the drawn square is beside the centre of the map');
  assert.equal(await covers(drawn, MAP_CENTRE), false);

  // 2. Uploaded: a wrong file is refused in words first, then the FeatureCollection of Lyon.
  await admin.click('a.new-group');
  await admin.waitForSelector('.group-form .leaflet-pm-toolbar');
  await admin.fill('.group-form input[name=name]', uploaded);
  await admin.fill('.group-form input[name=cityName]', 'Lyon');
  const file = (name, json) => ({ name, mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(json)) });
  await admin.setInputFiles('.territory-file', file('point.geojson', { type: 'Point', coordinates: [4.83, 45.76] }));
  await eventually(async () => /pas un Point/.test(await admin.textContent('.form-errors')));
  // A bow tie passes the file checks; the server refuses it (not a valid area), said beside the form in French.
  const bowTie = [
    [
      [4.82, 45.75],
      [4.845, 45.775],
      [4.845, 45.75],
      [4.82, 45.775],
      [4.82, 45.75],
    ],
  ];
  await admin.setInputFiles('.territory-file', file('bow-tie.geojson', { type: 'Polygon', coordinates: bowTie }));
  await eventually(async () => /1 polygone/.test(await admin.textContent('.territory-summary')));
  await admin.click('.group-form button.save');
  await eventually(async () => /Territoire : pas une surface valide/.test(await admin.textContent('.form-errors')));
  await admin.setInputFiles('.territory-file', file('lyon.geojson', LYON_FILE));
  await eventually(async () => /1 polygone/.test(await admin.textContent('.territory-summary')));
  assert.equal(await admin.textContent('.form-errors'), '');
  await admin.click('.group-form button.save');
  await admin.waitForSelector(`.group-row:has-text("${uploaded}")`);
  assert.ok(await admin.isVisible(`.group-row:has-text("${drawn}")`));
  assert.equal(await covers(uploaded, LYON_PRESQU_ILE), true);

  // 3. The site admin opens the Lyon group and makes an invitation link for an admin.
  await admin.click(`.group-row:has-text("${uploaded}") a`);
  await admin.waitForSelector('.invite-form');
  const adminLink = await createInvitation(admin, 'admin');
  assert.match(adminLink, new RegExp(`^${BASE_URL}/moderation/#/join/[A-Za-z0-9_-]{20,}$`));
  assert.match(await admin.textContent('.invitation'), /valable une fois/);
  assert.deepEqual(await seriousViolations(admin), []);
  // Geoman's styles and icons (data: URIs) live under the app's Content-Security-Policy.
  assert.deepEqual(await cspViolations(admin), []);
  await admin.screenshot({ path: new URL('groups.png', SCREENSHOTS).pathname, fullPage: true });
  const adminRequests = adminContext.requests;
  await adminContext.close();

  // A pending sighting in Lyon, for the new members' queue.
  const pending = Number(
    (
      await shared.db.query(
        `INSERT INTO sighting (geom, surveillance_type, camera_type, observed_at, check_date)
           VALUES (ST_SetSRID(ST_MakePoint($1, $2), 4326), 'camera', 'dome', current_date, current_date) RETURNING id`,
        [LYON_PRESQU_ILE.longitude, LYON_PRESQU_ILE.latitude],
      )
    ).rows[0].id,
  );

  // 4. A new person joins as the group's admin, on a laptop in English, and invites a moderator.
  const groupAdmin = await join(adminLink, {
    name: `Dominique ${stamp}`,
    email: `dominique.${stamp}@collectif.test`,
    device: laptop(shared.browser, { locale: 'en-GB' }),
  });
  await groupAdmin.waitForSelector(`.item[data-id="${pending}"]`);
  await groupAdmin.click('#mod-nav a[href="#/groups"]');
  await groupAdmin.click(`.group-row:has-text("${uploaded}") a`);
  await groupAdmin.waitForSelector(`.member:has-text("Dominique ${stamp}")`);
  assert.match(await groupAdmin.textContent('.group-form h2'), /Change the group/);
  const moderatorLink = await createInvitation(groupAdmin, 'moderator');
  assert.match(await groupAdmin.textContent('.invitation'), /works once/);
  assert.deepEqual(await seriousViolations(groupAdmin), []);

  // 5. A third person joins as a moderator, on a phone: the queue of Lyon, the group read-only.
  const moderatorName = `Sacha ${stamp}`;
  const moderator = await join(moderatorLink, {
    name: moderatorName,
    email: `sacha.${stamp}@collectif.test`,
    device: phone(shared.browser),
  });
  await moderator.waitForSelector(`.item[data-id="${pending}"]`);
  await moderator.click('#mod-nav a[href="#/groups"]');
  await moderator.click(`.group-row:has-text("${uploaded}") a`);
  await moderator.waitForSelector(`.member:has-text("${moderatorName}")`);
  assert.equal(
    await moderator.locator('.group-form, .invite-form, .member .remove').count(),
    0,
    'read-only for a moderator',
  );
  assert.deepEqual(await seriousViolations(moderator), []);

  // 6. Someone else changes the group meanwhile: the admin's save is refused and the group reloaded.
  await changeAsSiteAdmin(groupId(moderator), { cityName: 'Lyon 1er' });
  await groupAdmin.fill('.group-form input[name=name]', `${uploaded} bis`);
  await groupAdmin.click('.group-form button.save');
  await eventually(async () =>
    /Someone else changed this group/.test(await groupAdmin.textContent('.groups > .message')),
  );
  // The message comes first; the reloaded form follows once the group is read again.
  await eventually(async () => (await groupAdmin.inputValue('.group-form input[name=cityName]')) === 'Lyon 1er');
  assert.equal(await groupAdmin.inputValue('.group-form input[name=name]'), uploaded);

  // 7. The group admin makes the moderator an admin, then removes them, after confirming.
  await groupAdmin.reload();
  const row = groupAdmin.locator(`.member:has-text("${moderatorName}")`);
  await row.waitFor();
  await row.locator('select.member-role').selectOption('admin');
  await eventually(
    async () => (await groupAdmin.textContent('.members-panel .message')) === `${moderatorName}'s role: Admin.`,
  );
  const roles = await moderator.evaluate(async () => (await (await fetch('/api/auth/me')).json()).roles);
  assert.deepEqual(Object.values(roles), ['admin'], 'the moderator is now an admin of the group');
  groupAdmin.once('dialog', (dialog) => dialog.accept());
  await row.locator('button.remove').click();
  await groupAdmin.waitForSelector(`.member:has-text("${moderatorName}")`, { state: 'detached' });
  assert.match(await groupAdmin.textContent('.members-panel .message'), /removed/);
  assert.equal(await groupAdmin.locator('.member').count(), 1);

  // 8. The removed moderator's session no longer reaches the group or its queue.
  const afterRemoval = await moderator.evaluate(async (id) => {
    const members = await fetch(`/api/groups/${id}/members`);
    const queue = await (await fetch('/api/moderation/queue')).json();
    return { members: members.status, queue: queue.map((item) => item.sighting?.id ?? item.id) };
  }, groupId(moderator));
  assert.equal(afterRemoval.members, 403);
  assert.ok(!afterRemoval.queue.includes(pending));
  await moderator.goto(`${BASE_URL}/moderation/`);
  await moderator.waitForSelector('#work:not([hidden])');
  await eventually(async () => /Rien à relire/.test(await moderator.textContent('#message')));
  assert.equal(await moderator.locator(`.item[data-id="${pending}"]`).count(), 0);
  assert.deepEqual(await cspViolations(groupAdmin), []);
  // Nothing left the app but tile requests (answered locally here).
  const allowed = new Set([new URL(BASE_URL).host, await tileHost()]);
  const requests = [...adminRequests, ...moderator.context().requests, ...groupAdmin.context().requests];
  assert.deepEqual(
    requests.filter((u) => /^https?:/.test(u) && !allowed.has(new URL(u).host)),
    [],
    'requests to other hosts',
  );
  await moderator.context().close();
  await groupAdmin.context().close();
});
