// axe-core on the walker's screens, at phone and laptop size, in French and English: no serious or
// critical violation (the map, the filters and their attribution links, the city search, the add form,
// "Mes signalements" with its badge).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MONTPELLIER_COMEDIE, browserAndDatabase, laptop, openApp, phone, seriousViolations } from './support.js';
import { camerasShown, searchCity, sendButton } from './walker-support.js';

const shared = browserAndDatabase();

describe('the walker’s screens under axe', () => {
  test('axe: no serious violation on the walker’s screens, at phone and laptop size, in French and English', async () => {
    const { browser } = shared;
    for (const locale of ['fr-FR', 'en-GB']) {
      for (const size of ['phone', 'laptop']) {
        const context =
          size === 'phone'
            ? await phone(browser, { locale, position: MONTPELLIER_COMEDIE })
            : await laptop(browser, { locale });
        const page = await openApp(context);
        const where = `${size} ${locale}`;
        if (size === 'laptop') await searchCity(page, 'Montpellier');
        else await page.waitForSelector('body[data-located="true"]');
        await camerasShown(page);
        assert.deepEqual(await seriousViolations(page), [], `the map, ${where}`);
        await page.click('#filters-button');
        await page.waitForSelector('#filter-vsa');
        assert.deepEqual(await seriousViolations(page), [], `the filters (attribution links), ${where}`);
        await page.click('#search-button');
        await page.fill('#place-search', 'Mont');
        await page.waitForSelector('ul.place-results button.place');
        assert.deepEqual(await seriousViolations(page), [], `the city search, ${where}`);
        await page.evaluate(() => (location.hash = '#/add')); // the button hides under a phone's open panel
        await page.waitForSelector('form.sighting-form');
        await page.click('details.more > summary');
        assert.deepEqual(await seriousViolations(page), [], `the add form, ${where}`);
        // A sighting waiting on this phone: the badge of "Mes signalements" shows.
        await context.setOffline(true);
        if (await sendButton(page).isDisabled()) {
          await page.evaluate(() => document.querySelector('.leaflet-control-zoom-in').click());
          await page.waitForSelector('.position-status[data-placed="true"]');
        }
        await sendButton(page).click();
        await page.waitForSelector('.mine-item.queued');
        assert.equal(await page.locator('#queue-badge').isVisible(), true);
        assert.deepEqual(await seriousViolations(page), [], `my sightings with the badge, ${where}`);
        await page.evaluate(() => (location.hash = '#/'));
        await page.waitForSelector('#panel', { state: 'hidden' });
        await page.waitForSelector('#queue-badge:not([hidden])');
        assert.deepEqual(await seriousViolations(page), [], `the map with the badge, ${where}`);
        await context.close();
      }
    }
  });
});
