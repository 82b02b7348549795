// The service worker. The build prepends `const PRECACHE = [...]; const VERSION = '…';`: the app
// shell and every bundled asset. It keeps them for offline use, and the last map data seen.
/* global PRECACHE, VERSION */
const SHELL = `shell-${VERSION}`;
const DATA = 'data-v1';
const LAST_SIGHTINGS = '/__last-sightings';
const MAX_DATA_ENTRIES = 30;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches
      .open(SHELL)
      .then((cache) => cache.addAll(PRECACHE))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(keys.filter((k) => k.startsWith('shell-') && k !== SHELL).map((k) => caches.delete(k))),
      )
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  // Only our own GETs; tiles and everything else go to the network untouched.
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  // The city search too: a city searched once on this phone is found again without a network.
  if (url.pathname === '/api/sightings' || url.pathname === '/api/config' || url.pathname === '/api/places') {
    event.respondWith(networkFirst(request, url));
  } else if (request.mode === 'navigate') {
    // Offline, the guide opens as itself (with or without its trailing slash), any other page as the map.
    const page = /^\/guide\/?$/.test(url.pathname) ? '/guide/' : '/index.html';
    event.respondWith(fetch(request).catch(() => caches.match(page, { cacheName: SHELL })));
  } else if (url.pathname.startsWith('/assets/') || PRECACHE.includes(url.pathname)) {
    event.respondWith(caches.match(request, { cacheName: SHELL }).then((hit) => hit || fetch(request)));
  }
});

/** The network's answer, kept; offline, the kept answer, else the last map data seen anywhere. */
async function networkFirst(request, url) {
  const cache = await caches.open(DATA);
  try {
    const response = await fetch(request);
    if (response.ok) {
      await cache.put(request, response.clone());
      if (url.pathname === '/api/sightings') await cache.put(LAST_SIGHTINGS, response.clone());
      trim(cache);
    }
    return response;
  } catch (error) {
    const kept =
      (await cache.match(request)) || (url.pathname === '/api/sightings' && (await cache.match(LAST_SIGHTINGS)));
    if (!kept) throw error;
    const headers = new Headers(kept.headers);
    headers.set('X-Technocarte-Offline', '1');
    return new Response(kept.body, { status: 200, headers });
  }
}

async function trim(cache) {
  const keys = (await cache.keys()).filter((k) => !k.url.endsWith(LAST_SIGHTINGS));
  for (const key of keys.slice(0, Math.max(0, keys.length - MAX_DATA_ENTRIES))) await cache.delete(key);
}
