// The walker's menu on a phone, in real headless Chromium: the language of the interface switched
// from the browser's French to English and kept for the next visit and the other pages, and the
// links to the site's other pages.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BASE_URL, browserAndDatabase, openApp, phone, seriousViolations } from './support.js';

const shared = browserAndDatabase();

test('the menu switches the interface to English, for this visit, the next one and the other pages', async () => {
  const context = await phone(shared.browser, { locale: 'fr-FR' });
  const page = await openApp(context);
  assert.equal(await page.getAttribute('#menu-button', 'aria-label'), 'Menu');
  assert.equal(await page.getAttribute('#filters-button', 'aria-label'), 'Filtres');
  await page.click('#menu-button');
  await page.waitForSelector('#panel select#language');
  assert.match(await page.textContent('#panel'), /Langue de l’interface/);
  const links = await page.$$eval('#panel .menu-pages a', (as) => as.map((a) => a.getAttribute('href')));
  assert.deepEqual(links, ['/route/', '/guide/', '/stats/', '/cities/', '/ogc', '/moderation/']);
  assert.deepEqual(await seriousViolations(page), [], 'the menu in French');

  await Promise.all([page.waitForEvent('load'), page.selectOption('#panel select#language', 'en')]);
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.equal(await page.getAttribute('#filters-button', 'aria-label'), 'Filters');
  await page.click('#menu-button');
  await page.waitForSelector('#panel select#language');
  assert.match(await page.textContent('#panel'), /Language of the interface/);
  assert.equal(await page.$eval('#panel select#language', (s) => s.value), 'en');
  assert.deepEqual(await seriousViolations(page), [], 'the menu in English');

  // Kept in this browser: a new visit and the other pages speak English too.
  await page.goto(`${BASE_URL}/#/`);
  await page.waitForSelector('body[data-ready="true"]');
  assert.equal(await page.getAttribute('#filters-button', 'aria-label'), 'Filters');
  await page.goto(`${BASE_URL}/stats/`);
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  await page.goto(`${BASE_URL}/guide/`);
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.equal(await page.$eval('.guide-bar select#language', (s) => s.value), 'en');
  assert.deepEqual(await seriousViolations(page), [], 'the guide in English');
  // And back to French from the menu.
  const again = await openApp(context, '#/menu');
  await again.waitForSelector('#panel select#language');
  await Promise.all([again.waitForEvent('load'), again.selectOption('#panel select#language', 'fr')]);
  await again.waitForSelector('body[data-ready="true"]');
  assert.equal(await again.getAttribute('#filters-button', 'aria-label'), 'Filtres');
  await context.close();
});
