// The base map a default install draws itself, in real headless Chromium: land and sea at zoom 5,
// the land and the streets of a PMTiles extract (read by range) at zoom 17, and not one request to
// any host but the app's, on the walker's map, the moderation queue and a mapping party's page.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ADMIN,
  BASE_URL,
  apiSession,
  boxPolygon,
  browserAndDatabase,
  cspViolations,
  eventually,
  laptop,
  openApp,
  phone,
  screenshotDir,
  tileHost,
} from './support.js';

const shared = browserAndDatabase();
const APP_HOST = new URL(BASE_URL).host;
/** The colours of basemap.js's flavor(): sea and land. */
const SEA = [0xd9, 0xe3, 0xee];
const EARTH = [0xf4, 0xf2, 0xee];

/** Pixels of the sea and of the land on the base map's canvases inside `scope`. */
function painted(page, scope) {
  return page.evaluate(
    ({ scope, sea, earth }) => {
      const counts = { sea: 0, earth: 0, canvases: 0 };
      const is = (d, i, [r, g, b]) => d[i] === r && d[i + 1] === g && d[i + 2] === b && d[i + 3] === 255;
      for (const canvas of document.querySelectorAll(`${scope} canvas.leaflet-tile:not(.density-tile)`)) {
        if (!canvas.width) continue;
        counts.canvases += 1;
        const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
        for (let i = 0; i < data.length; i += 4) {
          if (is(data, i, sea)) counts.sea += 1;
          else if (is(data, i, earth)) counts.earth += 1;
        }
      }
      return counts;
    },
    { scope, sea: SEA, earth: EARTH },
  );
}

/** The colour of the streets in basemap.js's flavor() (Protomaps' light roads). */
const ROAD = [0xff, 0xff, 0xff];

/**
 * Opaque pixels of the streets' colour on the canvases of the street layer (the second base-map
 * layer, drawn from /basemap/streets.pmtiles; it has no background, so it is empty where the
 * extract has no tile).
 */
function streetPixels(page) {
  return page.evaluate((road) => {
    const layers = [...document.querySelectorAll('#map .leaflet-tile-pane > .leaflet-layer')].filter((layer) =>
      layer.querySelector('canvas.leaflet-tile:not(.density-tile)'),
    );
    let count = 0;
    for (const canvas of layers[1]?.querySelectorAll('canvas.leaflet-tile') ?? []) {
      if (!canvas.width) continue;
      const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
      for (let i = 0; i < data.length; i += 4)
        if (data[i] === road[0] && data[i + 1] === road[1] && data[i + 2] === road[2] && data[i + 3] === 255)
          count += 1;
    }
    return count;
  }, ROAD);
}

/** The requests to any host but the app's. */
const elsewhere = (urls) => urls.filter((u) => /^https?:/.test(u) && new URL(u).host !== APP_HOST);

/** A walker's phone whose map opens at `zoom` over `center` (the view saved by a last visit). */
async function walkerAt(center, zoom) {
  const context = await phone(shared.browser, { located: false });
  await context.addInitScript((view) => localStorage.setItem('technocarte.view', JSON.stringify(view)), {
    center,
    zoom,
  });
  return { context, page: await openApp(context) };
}

test('a default install configures no other host', async () => {
  assert.equal(await tileHost(), null, 'no raster tile URL by default');
  const policy = (await fetch(`${BASE_URL}/`)).headers.get('content-security-policy');
  assert.doesNotMatch(policy, /https?:/, policy);
});

test('the walker’s map draws land and sea at zoom 5, the land and streets at zoom 17, from the app alone', async () => {
  const france = await walkerAt({ lat: 46.6, lng: 2.4 }, 5);
  await eventually(async () => {
    const { sea, earth } = await painted(france.page, '#map');
    return sea > 1000 && earth > 1000;
  });
  assert.ok(
    france.context.requests.some((u) => new URL(u).pathname.match(/^\/basemap\/4\/\d+\/\d+\.mvt$/)),
    'the zoom-5 view reads the zoom-4 tiles of the app (512-pixel data tiles)',
  );
  await france.page.screenshot({ path: new URL('basemap-z5.png', screenshotDir()).pathname });
  assert.deepEqual(elsewhere(france.context.requests), [], 'zoom 5: requests to other hosts');
  assert.deepEqual(await cspViolations(france.page), []);
  await france.context.close();

  const street = await walkerAt({ lat: 43.6083, lng: 3.8795 }, 17);
  await eventually(async () => (await painted(street.page, '#map')).earth > 10_000);
  assert.ok(
    street.context.requests.some((u) => new URL(u).pathname.match(/^\/basemap\/10\/\d+\/\d+\.mvt$/)),
    'zoom 17 stretches the deepest tiles of the app, zoom 10',
  );
  // The streets of the extract (e2e/streets-fixture.js, served by range from the app) are drawn.
  await eventually(async () => (await streetPixels(street.page)) > 2000);
  const ranges = street.context.requests.filter((u) => new URL(u).pathname === '/basemap/streets.pmtiles');
  assert.ok(ranges.length >= 2, `the extract is read by range: its header, then its tiles (${ranges.length})`);
  await street.page.screenshot({ path: new URL('basemap-z17.png', screenshotDir()).pathname });
  assert.deepEqual(elsewhere(street.context.requests), [], 'zoom 17: requests to other hosts');
  assert.deepEqual(await cspViolations(street.page), []);
  await street.context.close();
});

test('the moderation queue and a mapping party’s page draw the same map from the app alone', async () => {
  // A pending camera in Lille (no other browser test works there), so that the queue shows an entry with its map.
  await shared.db.query(
    `INSERT INTO sighting (geom, surveillance_type, camera_type, mount, observed_at)
       VALUES (ST_SetSRID(ST_MakePoint(3.0635, 50.6369), 4326), 'camera', 'dome', 'pole', current_date)`,
  );
  const moderator = await laptop(shared.browser);
  const queue = await moderator.newPage();
  queue.setDefaultTimeout(15000);
  await queue.goto(`${BASE_URL}/moderation/`);
  await queue.waitForSelector('#login:not([hidden])');
  await queue.fill('#login input[name=email]', ADMIN.email);
  await queue.fill('#login input[name=password]', ADMIN.password);
  await queue.click('#login button[type=submit]');
  await queue.waitForSelector('#work:not([hidden])');
  await queue.waitForSelector('.queue-map.leaflet-container');
  await eventually(async () => (await painted(queue, '.queue-map')).earth > 1000);
  assert.deepEqual(elsewhere(moderator.requests), [], 'moderation: requests to other hosts');
  await moderator.close();

  const admin = await apiSession(ADMIN);
  const group = await admin.post('/api/groups', {
    name: `Technopolice Lille ${Date.now()}`,
    cityName: 'Lille',
    territory: boxPolygon({ minLon: 3.0, minLat: 50.6, maxLon: 3.12, maxLat: 50.67 }),
  });
  assert.equal(group.status, 201, JSON.stringify(group.body));
  const now = Date.now();
  const party = await admin.post(`/api/groups/${group.body.id}/campaigns`, {
    name: 'Cartopartie du Vieux-Lille',
    zone: boxPolygon({ minLon: 3.06, minLat: 50.638, maxLon: 3.068, maxLat: 50.643 }),
    startsAt: new Date(now - 3600_000).toISOString(),
    endsAt: new Date(now + 3600_000).toISOString(),
  });
  assert.equal(party.status, 201, JSON.stringify(party.body));
  const walker = await phone(shared.browser, { located: false });
  const page = await walker.newPage();
  page.setDefaultTimeout(15000);
  await page.goto(`${BASE_URL}${party.body.link}`);
  await page.waitForSelector('body[data-ready="true"]');
  await eventually(async () => (await painted(page, '#party-map')).earth > 1000);
  assert.deepEqual(elsewhere(walker.requests), [], 'mapping party: requests to other hosts');
  await walker.close();
});
