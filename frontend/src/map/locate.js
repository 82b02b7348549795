import L from './leaflet-global.js';

/**
 * The phone's position, once: { ok: true, latlng, accuracy } or { ok: false, denied } (denied: the
 * walker or the browser refused; else no fix in time). Nothing of it leaves the page.
 */
export function findPosition({ timeout = 15000 } = {}) {
  if (!('geolocation' in navigator)) return Promise.resolve({ ok: false, denied: false });
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (position) =>
        resolve({
          ok: true,
          latlng: L.latLng(position.coords.latitude, position.coords.longitude),
          accuracy: position.coords.accuracy,
        }),
      (error) => resolve({ ok: false, denied: error?.code === 1 }),
      { enableHighAccuracy: true, timeout, maximumAge: 10000 },
    );
  });
}

/** The phone's position, once: { latlng, accuracy } or null. */
export async function currentPosition(options) {
  const found = await findPosition(options);
  return found.ok ? found : null;
}

/** Whether the walker already let this site locate them (so that asking shows no prompt). */
export async function locationGranted() {
  try {
    return (await navigator.permissions?.query({ name: 'geolocation' }))?.state === 'granted';
  } catch {
    return false;
  }
}

/** Shows where the walker is, with the accuracy as a circle. */
export class LocationMarker {
  constructor(map) {
    this.map = map;
    this.layer = L.layerGroup().addTo(map);
  }

  show({ latlng, accuracy }) {
    this.layer.clearLayers();
    L.circle(latlng, { radius: accuracy, className: 'accuracy', interactive: false }).addTo(this.layer);
    L.circleMarker(latlng, { radius: 7, className: 'me', interactive: false }).addTo(this.layer);
  }

  clear() {
    this.layer.clearLayers();
  }
}
