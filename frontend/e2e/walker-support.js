// What the walker's browser tests share: the city search, the camera count, the send button.
/** The map's view as the page saved it on its last move. */
export const savedView = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('technocarte.view')));

/** Searches a city with the header's search and picks the first answer. */
export async function searchCity(page, text) {
  await page.click('#search-button');
  await page.fill('#place-search', text);
  await page.click('form.search-form button[type="submit"]');
  await page.click('ul.place-results button.place >> nth=0');
  await page.waitForSelector('#panel', { state: 'hidden' });
}

/** Waits until the map shows cameras (a count in the hint). */
export const camerasShown = (page) =>
  page.waitForFunction(
    () =>
      /\d/.test(document.getElementById('map-hint').textContent) &&
      document.getElementById('map-hint').dataset.state !== 'zoomIn',
  );

export const sendButton = (page) => page.locator('form.sighting-form button[type="submit"]');
