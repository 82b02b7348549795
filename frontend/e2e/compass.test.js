// The direction of a camera, aimed with the phone's compass: Chromium gets the orientation events a
// phone would send (headless Chromium has no sensor of its own).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { MONTPELLIER_COMEDIE, launch, openApp, phone } from './support.js';

let browser;

before(async () => {
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

test('the walker aims the phone at the camera and the direction follows the compass', async () => {
  const context = await phone(browser, { position: MONTPELLIER_COMEDIE });
  await context.grantPermissions(['accelerometer', 'gyroscope', 'magnetometer']);
  const page = await openApp(context);
  await page.click('#add-button');
  await page.waitForSelector('form.sighting-form');
  const compass = page.getByRole('button', { name: 'Viser avec le téléphone' });
  await compass.click();
  assert.equal(await compass.getAttribute('aria-pressed'), 'true');
  const turn = (alpha) =>
    page.evaluate((a) => {
      const type = 'ondeviceorientationabsolute' in window ? 'deviceorientationabsolute' : 'deviceorientation';
      window.dispatchEvent(new DeviceOrientationEvent(type, { alpha: a, beta: 80, gamma: 0, absolute: true }));
    }, alpha);
  await turn(270); // facing east
  await page.waitForFunction(() => document.querySelector('input[name="direction"]').value === '90');
  await turn(135); // facing south-west
  await page.waitForFunction(() => document.querySelector('input[name="direction"]').value === '225');
  // Pressed again, the compass lets go: the direction stays where the walker aimed.
  await compass.click();
  await turn(0);
  await page.waitForTimeout(200);
  assert.equal(await page.inputValue('input[name="direction"]'), '225');
  await context.close();
});

test('the map draws its cameras with WebGL switched off, as in Tor Browser', async () => {
  const context = await phone(browser, { position: MONTPELLIER_COMEDIE });
  const page = await openApp(context);
  assert.equal(await page.evaluate(() => document.createElement('canvas').getContext('webgl')), null);
  await page.click('#locate-button');
  await page.waitForSelector('.leaflet-marker-icon.cam, .leaflet-marker-icon.cluster');
  await context.close();
});
