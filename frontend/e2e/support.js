// Helpers of the browser tests: Debian's Chromium through playwright-core, a phone-sized context
// with a fake position, tiles answered locally, every request recorded, axe-core, and PostgreSQL.
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before } from 'node:test';
import { deflateSync } from 'node:zlib';
import pg from 'pg';
import { chromium } from 'playwright-core';

const require = createRequire(import.meta.url);
export const BASE_URL = process.env.TECHNOCARTE_E2E_URL || 'http://127.0.0.1:8093';
export const PHONE = { width: 360, height: 640 };

/** Named places of the demo data. */
export const MONTPELLIER_COMEDIE = { latitude: 43.608306, longitude: 3.879471 }; // approved camera no. 1
export const MONTPELLIER_ANTIGONE = { latitude: 43.6078, longitude: 3.8905 }; // no demo camera within 25 m
export const MONTPELLIER_ARCEAUX = { latitude: 43.6115, longitude: 3.864 };
export const MONTPELLIER_PEYROU = { latitude: 43.611, longitude: 3.8703 };

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      // As in Tor Browser's safer modes: the pages must work without WebGL.
      '--disable-webgl',
      '--disable-3d-apis',
    ],
    // playwright gives each launch a fresh temporary profile (its own --user-data-dir).
  });
}

/** A grey 256×256 PNG, the stand-in for every map tile (no internet here, and no waiting on it). */
function greyTile() {
  const crc = (buf) => {
    let c = ~0;
    for (const b of buf) {
      c ^= b;
      for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
    }
    return ~c >>> 0;
  };
  const chunk = (type, data) => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type), data]);
    const tail = Buffer.alloc(4);
    tail.writeUInt32BE(crc(body));
    return Buffer.concat([head, body, tail]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(256, 0);
  ihdr.writeUInt32BE(256, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 0; // greyscale
  const rows = Buffer.alloc(257 * 256, 0xd9);
  for (let y = 0; y < 256; y++) rows[y * 257] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
const TILE = greyTile();

/**
 * The raster tile host of the app's configuration, the one other host the page may reach; null
 * by default, when the app draws its own base map.
 */
export async function tileHost() {
  const config = await (await fetch(`${BASE_URL}/api/config`)).json();
  return config.tileUrl ? new URL(config.tileUrl.replace(/\{[a-z]\}/g, '0')).host : null;
}

/** A raster tile server the tests stand in for, for the pages told to use one (rasterTiles). */
export const RASTER_TILES = 'https://tiles.technocarte.test/{z}/{x}/{y}.png';

/**
 * Tells the pages of `context` that the app is configured with a raster tile URL, as an operator
 * who prefers one would set technocarte.map.tile-url.
 */
async function useRasterTiles(context) {
  const origin = new URL(BASE_URL).origin;
  await context.route(
    (url) => url.origin === origin && url.pathname === '/api/config',
    async (route) => {
      const response = await route.fetch();
      const config = { ...(await response.json()), tileUrl: RASTER_TILES };
      await route.fulfill({ response, json: config });
    },
  );
}

/**
 * A phone: 360×640, touch, French, a fake position. Tile requests are answered locally; every
 * request the page makes is recorded in `context.requests`.
 */
export async function phone(
  browser,
  {
    position = MONTPELLIER_COMEDIE,
    serviceWorkers = 'block',
    locale = 'fr-FR',
    located = true,
    rasterTiles = false,
  } = {},
) {
  // located: false is a walker who refused the location prompt (the browser answers PERMISSION_DENIED).
  const context = await browser.newContext({
    viewport: PHONE,
    deviceScaleFactor: 1,
    isMobile: true,
    hasTouch: true,
    locale,
    ...(located ? { geolocation: { ...position, accuracy: 12 }, permissions: ['geolocation'] } : { permissions: [] }),
    serviceWorkers,
  });
  if (!rasterTiles) return audited(context);
  await useRasterTiles(context);
  return audited(context, new URL(RASTER_TILES.replace(/\{[a-z]\}/g, '0')).host);
}

/**
 * Where tests write their screenshots: under target/, so that a test run leaves the tree clean.
 * `npm run screenshots` points it at frontend/screenshots/, the README's pictures.
 */
export function screenshotDir() {
  const chosen = process.env.TECHNOCARTE_SCREENSHOTS;
  const dir = chosen ? pathToFileURL(`${resolve(chosen)}/`) : new URL('../../target/e2e-screenshots/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** A laptop: 1280×900, a mouse, tiles and requests as on phone(). */
export async function laptop(browser, { locale = 'fr-FR' } = {}) {
  return audited(await browser.newContext({ viewport: { width: 1280, height: 900 }, locale }));
}

async function audited(context, host = null) {
  host ??= await tileHost();
  if (host)
    await context.route(
      (url) => url.host === host,
      (route) => route.fulfill({ status: 200, contentType: 'image/png', body: TILE }),
    );
  await enforceStrictCsp(context, host);
  context.requests = [];
  context.on('request', (request) => context.requests.push(request.url()));
  return context;
}

/**
 * The Content-Security-Policy the app is meant to live under: nothing inline, nothing from
 * elsewhere but a raster tile server when one is configured. Each document gets it; violations are collected in the page.
 */
export function strictCsp(host) {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    // data: for the empty GIF Leaflet swaps into a tile it stops loading (emptyImageUrl).
    // blob: for photos: previews, and thumbnails fetched with the edit token header.
    `img-src 'self' data: blob:${host ? ` https://${host}` : ''}`,
    "connect-src 'self'",
    "worker-src 'self'",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
}

async function enforceStrictCsp(context, host) {
  const origin = new URL(BASE_URL).origin;
  await context.route(
    (url) => url.origin === origin && (url.pathname === '/' || url.pathname === '/index.html'),
    async (route) => {
      const response = await route.fetch();
      await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': strictCsp(host) } });
    },
  );
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
}

/** What the page's Content-Security-Policy refused so far. */
export function cspViolations(page) {
  return page.evaluate(() => window.__cspViolations);
}

export async function openApp(context, fragment = '') {
  const page = await context.newPage();
  page.setDefaultTimeout(10000);
  await page.goto(`${BASE_URL}/${fragment}`);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

/** Moves the map to the fake position with the "locate me" button, and waits for the cameras. */
export async function locate(page) {
  await page.click('#locate-button');
  await page.waitForFunction(() => /\d/.test(document.getElementById('map-hint').textContent));
}

/** axe-core, from node_modules: the serious and critical violations of the page as it is. */
export async function seriousViolations(page) {
  if (!(await page.evaluate(() => 'axe' in window))) {
    // Through the debugger rather than a <script> tag, which the page's strict CSP rightly refuses.
    await page.evaluate(`${readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')}\n;0`);
  }
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** A browser and the database for the tests of one file, opened before them and closed after. */
export function browserAndDatabase() {
  const shared = {};
  before(async () => {
    shared.browser = await launch();
    shared.db = database();
  });
  after(async () => {
    await shared.browser?.close();
    await shared.db?.end();
  });
  return shared;
}

export function database() {
  return new pg.Pool({
    host: '127.0.0.1',
    port: Number(process.env.TECHNOCARTE_PG_PORT || 55432),
    database: process.env.TECHNOCARTE_E2E_DB || 'technocarte_e2e',
    user: 'technocarte',
    password: 'technocarte',
    max: 2,
  });
}

/** Polls until fn() is truthy (or throws after `timeout` ms). */
export async function eventually(fn, { timeout = 15000, interval = 200 } = {}) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > end) throw new Error(`not true after ${timeout} ms: ${fn}`);
    await new Promise((r) => setTimeout(r, interval));
  }
}

/** The site administrator that deploy/local/e2e.sh gives the app through the environment. */
export const ADMIN = {
  email: process.env.TECHNOCARTE_E2E_ADMIN_EMAIL || 'admin@technocarte.test',
  password: process.env.TECHNOCARTE_E2E_ADMIN_PASSWORD || 'e2e admin password',
};

/** Logs in through the API, as an operator's script would: `post(path, body)` then carries the cookie and CSRF token. */
export async function apiSession({ email, password }) {
  const login = await fetch(`${BASE_URL}/api/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (login.status !== 200) throw new Error(`login of ${email}: HTTP ${login.status}`);
  const cookie = login.headers.get('set-cookie').split(';')[0];
  const { csrfToken } = await login.json();
  const post = (path, body) =>
    fetch(`${BASE_URL}${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': csrfToken },
      body: JSON.stringify(body),
    }).then(async (r) => ({ status: r.status, body: await r.json() }));
  return { post };
}

/** A GeoJSON Polygon of a bounding box. */
export function boxPolygon({ minLon, minLat, maxLon, maxLat }) {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [minLon, minLat],
        [maxLon, minLat],
        [maxLon, maxLat],
        [minLon, maxLat],
        [minLon, minLat],
      ],
    ],
  };
}
