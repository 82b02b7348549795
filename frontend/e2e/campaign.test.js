// A mapping party on a phone, in real headless Chromium: its short link opens its page, with the
// zone, the blocks still to walk, the QR code, and the counts filling live as sightings come in.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ADMIN, BASE_URL, apiSession, boxPolygon, browserAndDatabase, phone, seriousViolations } from './support.js';

// Toulouse, around the Capitole: no other browser test works there.
const CAPITOLE = { minLon: 1.44, minLat: 43.602, maxLon: 1.448, maxLat: 43.607 };
const TERRITORY = { minLon: 1.4, minLat: 43.58, maxLon: 1.48, maxLat: 43.63 };
const shared = browserAndDatabase();

test('a mapping party’s short link opens its page on a phone, which fills live', async () => {
  const { browser } = shared;
  const admin = await apiSession(ADMIN);
  const group = await admin.post('/api/groups', {
    name: 'Technopolice Toulouse',
    cityName: 'Toulouse',
    territory: boxPolygon(TERRITORY),
  });
  assert.equal(group.status, 201, JSON.stringify(group.body));
  const now = Date.now();
  const party = await admin.post(`/api/groups/${group.body.id}/campaigns`, {
    name: 'Cartopartie du Capitole',
    zone: boxPolygon(CAPITOLE),
    startsAt: new Date(now - 3600_000).toISOString(),
    endsAt: new Date(now + 3 * 3600_000).toISOString(),
    goal: 'Toutes les rues autour du Capitole',
  });
  assert.equal(party.status, 201, JSON.stringify(party.body));

  const context = await phone(browser, { position: { latitude: 43.6045, longitude: 1.4442 } });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  await page.goto(`${BASE_URL}${party.body.link}`);
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(new URL(page.url()).pathname, '/campaign/');
  assert.equal(await page.textContent('#party-name'), 'Cartopartie du Capitole');
  assert.match(await page.textContent('.party-head'), /En cours/);
  const added = () => page.textContent('[data-count="counts.added"] dd');
  assert.equal(await added(), '0');
  // The blocks still to walk are drawn, the QR code is an image the app made.
  await page.waitForSelector('#party-map path.empty-block');
  assert.ok((await page.locator('#party-map path.empty-block').count()) > 0);
  const qr = page.locator('.party-share img');
  await page.waitForFunction(() => document.querySelector('.party-share img')?.naturalWidth > 0);
  assert.match(await qr.getAttribute('src'), new RegExp(`/api/campaigns/${party.body.code}/qr.svg$`));
  assert.deepEqual(await seriousViolations(page), [], 'the party page');

  // A walker of the party sends a camera in the zone (pending, as sent): the page shows it at its next read.
  await shared.db.query(
    `INSERT INTO sighting (geom, surveillance_type, camera_type, observed_at, check_date)
       VALUES (ST_SetSRID(ST_MakePoint(1.4437, 43.6045), 4326), 'camera', 'dome', current_date, current_date)`,
  );
  await page.waitForFunction(
    () => document.querySelector('[data-count="counts.added"] dd')?.textContent === '1',
    undefined,
    { timeout: 50000 },
  );
  assert.equal(await page.textContent('[data-count="counts.pending"] dd'), '1');
  assert.equal(await page.locator('#hours tbody tr').count(), 1);
  // Nothing of the page comes from elsewhere than the app (and the test's tile stand-in).
  const hosts = new Set(context.requests.map((url) => new URL(url).host));
  hosts.delete(new URL(BASE_URL).host);
  assert.ok(hosts.size <= 1, [...hosts].join(', '));
  await context.close();
});
