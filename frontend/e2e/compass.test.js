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
  // A phone sends orientation events continuously; so does the test, until the form shows the heading
  // (the compass starts listening only once the browser has answered the permission request).
  const aim = (alpha, expected) =>
    page.waitForFunction(
      ([a, want]) => {
        const type = 'ondeviceorientationabsolute' in window ? 'deviceorientationabsolute' : 'deviceorientation';
        window.dispatchEvent(new DeviceOrientationEvent(type, { alpha: a, beta: 80, gamma: 0, absolute: true }));
        return document.querySelector('input[name="direction"]').value === want;
      },
      [alpha, expected],
      { polling: 100 },
    );
  await aim(270, '90'); // facing east
  await aim(135, '225'); // facing south-west
  // Pressed again, the compass lets go: the direction stays where the walker aimed.
  await compass.click();
  assert.equal(await compass.getAttribute('aria-pressed'), 'false');
  for (let i = 0; i < 5; i++) {
    await page.evaluate(() => {
      const type = 'ondeviceorientationabsolute' in window ? 'deviceorientationabsolute' : 'deviceorientation';
      window.dispatchEvent(new DeviceOrientationEvent(type, { alpha: 0, beta: 80, gamma: 0, absolute: true }));
    });
    await page.waitForTimeout(50);
  }
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
