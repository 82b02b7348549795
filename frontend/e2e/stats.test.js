// The statistics page, in real headless Chromium at phone and desktop size, against the app and the demo data.
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { after, before, describe, test } from 'node:test';
import { BASE_URL, PHONE, launch, seriousViolations, strictCsp, tileHost } from './support.js';

const DESKTOP = { width: 1280, height: 800 };
let browser;
let stats;
let host;

before(async () => {
  browser = await launch();
  stats = await (await fetch(`${BASE_URL}/api/stats`)).json();
  host = await tileHost();
});

after(async () => {
  await browser?.close();
});

/** A browser at `viewport`, the stats page under the strict CSP, every request recorded, tiles answered locally. */
async function visitor(viewport, locale = 'fr-FR') {
  const context = await browser.newContext({ viewport, deviceScaleFactor: 1, locale, acceptDownloads: true });
  const origin = new URL(BASE_URL).origin;
  await context.route(
    (url) => url.host === host,
    (route) => route.fulfill({ status: 204 }),
  );
  await context.route(
    (url) => url.origin === origin && url.pathname.startsWith('/stats/') && !url.pathname.includes('.'),
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
  context.requests = [];
  context.on('request', (request) => context.requests.push(request.url()));
  return context;
}

async function open(context, fragment = '') {
  const page = await context.newPage();
  page.setDefaultTimeout(10000);
  await page.goto(`${BASE_URL}/stats/${fragment}`);
  await page.waitForSelector('body[data-ready="true"]');
  return page;
}

const number = (text) => Number(text.replace(/\D/g, ''));

/** Nothing left the app, except (on a city page) the configured tile host. */
function assertOnlyOwnRequests(urls, allowTiles = false) {
  const allowed = new Set([new URL(BASE_URL).host, ...(allowTiles ? [host] : [])]);
  const elsewhere = urls.filter(
    (u) => !u.startsWith('data:') && !u.startsWith('blob:') && !allowed.has(new URL(u).host),
  );
  assert.deepEqual(elsewhere, [], 'requests to other hosts');
}

describe('the statistics page', () => {
  for (const [name, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ]) {
    test(`shows the figures of /api/stats, a chart and a CSV of the table (${name})`, async () => {
      const context = await visitor(viewport);
      const page = await open(context);

      for (const city of ['Montpellier', 'Paris']) {
        const expected = stats.cities.find((c) => c.name === city);
        assert.ok(expected, `${city} is in /api/stats`);
        const row = page.locator(`#cities tr[data-code="${expected.code}"]`);
        assert.equal(await row.locator('th').innerText(), city);
        assert.equal(number(await row.locator('[data-field="cameras"]').innerText()), expected.cameras);
        assert.equal(number(await row.locator('[data-field="vsaSuspected"]').innerText()), expected.vsaSuspected);
      }
      assert.equal(await page.locator('#cities tbody tr').count(), stats.cities.length);
      assert.equal(number(await page.locator('#total-cameras').innerText()), stats.cameras);

      // The charts are drawn: canvases of real size with painted pixels.
      const painted = await page.evaluate(() =>
        [...document.querySelectorAll('.chart canvas')].map((canvas) => {
          const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
          let opaque = 0;
          for (let i = 3; i < data.length; i += 4) if (data[i]) opaque++;
          return { width: canvas.width, opaque };
        }),
      );
      assert.equal(painted.length, 2, 'a chart per city and per month');
      for (const chart of painted)
        assert.ok(chart.width > 100 && chart.opaque > 100, `a drawn chart: ${JSON.stringify(chart)}`);

      // The CSV downloads, with the table's rows.
      const [download] = await Promise.all([page.waitForEvent('download'), page.click('#csv')]);
      assert.match(download.suggestedFilename(), /^technocarte-stats-cities-\d{4}-\d{2}-\d{2}-ODbL-1\.0\.csv$/);
      const lines = (await readFile(await download.path(), 'utf8')).trimEnd().split('\r\n');
      assert.equal(lines[0].split(',').slice(0, 4).join(','), 'code,name,cameras,vsaSuspected');
      assert.equal(lines.length, stats.cities.length + 1);
      for (const [i, city] of stats.cities.entries()) {
        assert.ok(lines[i + 1].startsWith(`${city.code},`), `row ${i + 1} is ${city.name}`);
        const fields = lines[i + 1].split(',');
        if (!city.name.includes(','))
          assert.deepEqual(fields.slice(1, 4), [city.name, String(city.cameras), String(city.vsaSuspected)]);
      }

      assert.deepEqual(await seriousViolations(page), [], 'axe on the statistics page');
      assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'the strict Content-Security-Policy');
      assertOnlyOwnRequests(context.requests);
      await context.close();
    });
  }

  test('speaks English to an English browser', async () => {
    const context = await visitor(DESKTOP, 'en-GB');
    const page = await open(context);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');
    assert.match(await page.locator('#cities caption').innerText(), /Approved cameras by city/);
    await context.close();
  });

  test("opens a city's page from the table, with its figures and its cameras on a map", async () => {
    const context = await visitor(PHONE);
    const page = await open(context);
    const montpellier = stats.cities.find((c) => c.name === 'Montpellier');
    await page.click(`#cities tr[data-code="${montpellier.code}"] a`);
    await page.waitForSelector('#city-name');
    assert.equal(await page.locator('#city-name').innerText(), 'Montpellier');
    assert.equal(number(await page.locator('#city-cameras').innerText()), montpellier.cameras);
    await page.waitForSelector('#city-map path.leaflet-interactive, #city-map .leaflet-overlay-pane path');
    assert.ok((await page.locator('#city-map .leaflet-overlay-pane path').count()) > 0, 'cameras on the map');
    assert.deepEqual(await seriousViolations(page), [], 'axe on the city page');
    assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'the strict Content-Security-Policy');
    assertOnlyOwnRequests(context.requests, true);
    await context.close();
  });
});
