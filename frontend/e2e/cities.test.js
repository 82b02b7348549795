// A city's page in real headless Chromium: a group's moderator documents VSA evidence there, changes
// and deletes it; an anonymous visitor reads it, with its link. axe and the strict CSP on each screen.
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

// Montpellier as the gazetteer places it (GeoNames 2992166), inside the group's territory below.
const MONTPELLIER = { code: '2992166', minLon: 3.85, minLat: 43.59, maxLon: 3.9, maxLat: 43.62 };
const PASSWORD = 'une phrase de passe';

const shared = browserAndDatabase();

/** A desktop browser, its CSP violations collected in the page. */
async function visitor() {
  const context = await shared.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'fr-FR' });
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  const page = await context.newPage();
  page.setDefaultTimeout(15000);
  return { context, page };
}

async function openCity(page) {
  await page.goto(`${BASE_URL}/cities/${MONTPELLIER.code}`);
  await page.waitForSelector('body[data-ready="true"]');
  await page.waitForSelector('#city-name');
}

/** A new moderator of a new group covering Montpellier, invited by the site admin through the API. */
async function groupModerator() {
  const asAdmin = (await apiSession(ADMIN)).post;
  const group = await asAdmin('/api/groups', {
    name: `Technopolice Montpellier villes ${Date.now()}`,
    territory: boxPolygon(MONTPELLIER),
  });
  assert.equal(group.status, 201);
  const invitation = await asAdmin(`/api/groups/${group.body.id}/invites`, { role: 'moderator' });
  const email = `dominique.${Date.now()}@collectif.test`;
  const joined = await fetch(`${BASE_URL}/api/groups/join`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ token: invitation.body.token, email, displayName: 'Dominique', password: PASSWORD }),
  });
  assert.equal(joined.status, 200);
  return email;
}

test('a moderator documents VSA evidence on the city page; an anonymous visitor reads it and follows its link', async () => {
  const email = await groupModerator();
  const title = `Marché public de vidéosurveillance algorithmique ${Date.now()}`;
  const url = 'https://www.boamp.fr/pages/avis/?q=idweb:24-123456';

  const moderator = await visitor();
  const page = moderator.page;
  await page.goto(`${BASE_URL}/moderation/`);
  await page.fill('#login input[name=email]', email);
  await page.fill('#login input[name=password]', PASSWORD);
  await page.click('#login button[type=submit]');
  await page.waitForSelector('#work:not([hidden])');

  await openCity(page);
  assert.equal(await page.locator('#city-name').innerText(), 'Montpellier');
  await page.waitForSelector('#evidence-new-form');
  assert.deepEqual(await seriousViolations(page), [], 'axe on the city page with its form');

  // A refused field is said next to it, and nothing is stored.
  await page.selectOption('#evidence-new-kind', 'procurement_notice');
  await page.fill('#evidence-new-title', title);
  await page.fill('#evidence-new-publishedOn', '2024-03-01');
  await page.fill('#evidence-new-url', 'javascript:alert(1)');
  await page.click('#evidence-new-form button[type=submit]');
  await eventually(async () => /https:\/\//.test(await page.textContent('#evidence-new-url-error')));
  assert.equal(await page.getAttribute('#evidence-new-url', 'aria-invalid'), 'true');
  const stored = async () =>
    Number((await shared.db.query('SELECT count(*) FROM city_evidence WHERE title = $1', [title])).rows[0].count);
  assert.equal(await stored(), 0);

  await page.fill('#evidence-new-url', url);
  await page.fill('#evidence-new-note', 'Lot 2 : logiciel d’analyse des images');
  await page.click('#evidence-new-form button[type=submit]');
  await page.waitForSelector(`#evidence li:has-text("${title}")`);
  assert.equal(await stored(), 1);
  const row = (
    await shared.db.query(
      `SELECT e.id, e.kind, u.email FROM city_evidence e JOIN app_user u ON u.id = e.created_by WHERE e.title = $1`,
      [title],
    )
  ).rows[0];
  assert.deepEqual([row.kind, row.email], ['procurement_notice', email]);
  assert.deepEqual(await seriousViolations(page), [], 'axe on the city page with its evidence');

  // Anyone reads it, with its link, and gets no form.
  const anonymous = await visitor();
  await openCity(anonymous.page);
  const link = anonymous.page.locator(`#evidence li[data-id="${row.id}"] a`);
  assert.equal(await link.innerText(), title);
  assert.equal(await link.getAttribute('href'), url);
  assert.deepEqual((await link.getAttribute('rel')).split(' ').sort(), ['nofollow', 'noopener', 'noreferrer']);
  assert.match(
    await anonymous.page.locator(`#evidence li[data-id="${row.id}"]`).innerText(),
    /Avis de marché public · 1 mars 2024/,
  );
  assert.equal(await anonymous.page.locator('#evidence-new-form, #evidence .edit, #evidence .delete').count(), 0);
  await anonymous.page.waitForSelector('#city-map .leaflet-overlay-pane path');
  assert.deepEqual(await seriousViolations(anonymous.page), [], 'axe on the city page, anonymous');
  assert.deepEqual(
    await anonymous.page.evaluate(() => window.__cspViolations),
    [],
    'the strict Content-Security-Policy',
  );

  // The list of cities links to the page; an old statistics link lands on it.
  await anonymous.page.goto(`${BASE_URL}/cities/`);
  await anonymous.page.waitForSelector(`#city-list a[href="/cities/${MONTPELLIER.code}"]`);
  await anonymous.page.goto(`${BASE_URL}/stats/#/city/${MONTPELLIER.code}`);
  await anonymous.page.waitForURL(`${BASE_URL}/cities/${MONTPELLIER.code}`);
  await anonymous.page.waitForSelector('#city-name');

  // The moderator changes the entry, then deletes it (two presses); both are logged.
  const item = `#evidence li[data-id="${row.id}"]`;
  await page.click(`${item} .edit`);
  await page.fill(`#evidence-edit-${row.id}-title`, `${title} (rectifié)`);
  await page.click(`#evidence-edit-${row.id}-form button[type=submit]`);
  await page.waitForSelector(`${item}:has-text("(rectifié)")`);
  await page.click(`${item} .delete`);
  await page.click(`${item} .delete`);
  await page.waitForFunction((selector) => !document.querySelector(selector), item);
  const actions = (
    await shared.db.query('SELECT action FROM city_evidence_action WHERE evidence_id = $1 ORDER BY id', [row.id])
  ).rows.map((r) => r.action);
  assert.deepEqual(actions, ['create', 'edit', 'delete']);
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'the strict Content-Security-Policy');

  await moderator.context.close();
  await anonymous.context.close();
});
