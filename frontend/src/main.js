import 'leaflet/dist/leaflet.css';
import 'leaflet.markercluster/dist/MarkerCluster.css';
import './styles.css';
import L from './map/cluster.js';
import { language, t } from './i18n/index.js';
import { announcer, Panel } from './ui/panel.js';
import { translateShell } from './ui/dom.js';
import { loadConfig } from './sighting/api.js';
import * as api from './sighting/api.js';
import { SightingsLayer } from './map/sightings-layer.js';
import { ViewportLoader } from './map/viewport-loader.js';
import { DensityLayer } from './map/density-layer.js';
import { currentPosition, findPosition, locationGranted, LocationMarker } from './map/locate.js';
import { showSearch } from './map/search-view.js';
import { watchTiles } from './map/tiles-watch.js';
import { addBaseMap } from './ui/basemap.js';
import { showFilters } from './map/filters-view.js';
import { showMenu } from './map/menu-view.js';
import { showCamera } from './sighting/detail-view.js';
import { AddFlow } from './add/add-flow.js';
import { parseFragment } from './mine/links.js';
import { showSent } from './mine/sent-view.js';
import { showMine } from './mine/mine-view.js';
import { idbStore, MINE, OUTBOX } from './offline/idb.js';
import { Outbox } from './offline/outbox.js';
import { registerServiceWorker } from './offline/register.js';

const FRANCE = { center: [46.6, 2.4], zoom: 6 };
/** A city chosen in the search: its centre, close enough for its cameras to load. */
const CITY_ZOOM = 15;
/** At least this zoom after a tap on a dot: the cameras of a region load from there. */
const DOT_ZOOM = 10;
const VIEW_KEY = 'technocarte.view';
const RETRY_MS = 30_000;
const $ = (id) => document.getElementById(id);

/**
 * The walker's app, in named steps. Each step adds its part to `app` (the map, the panel, the
 * cameras' layers, the outbox, the add flow, the router); later steps and the callbacks of earlier
 * ones reach the others through it.
 */
async function start() {
  prepareShell();
  const config = await readConfig();
  const app = { config, announce: announcer($('status')), current: null };
  app.map = createMap(config);
  app.panel = new Panel($('panel'), {
    t,
    onClose: () => app.navigate('#/'),
    onLayout: () => app.map.invalidateSize({ pan: false }),
  });
  addCameraLayers(app);
  app.locationMarker = new LocationMarker(app.map);
  addOwnSighting(app);
  createOutbox(app);
  app.addFlow = new AddFlow({
    map: app.map,
    panel: app.panel,
    t,
    config,
    outbox: app.outbox,
    announce: app.announce,
    locationMarker: app.locationMarker,
    navigate: (hash) => app.navigate(hash),
    onConfirmed: () => app.loader.reload(),
  });
  addRouter(app);
  zoomIntoDots(app);
  wireButtons(app);
  keepSending(app);

  // The cameras are asked for first: reading the outbox (IndexedDB) for the badge need not delay them.
  app.loader.reload();
  await app.refreshBadge();
  app.route();
  app.flush();
  document.body.dataset.ready = 'true';
  locateOnOpen(app);
}

/** The page's language, title and the static shell's texts. */
function prepareShell() {
  document.documentElement.lang = language;
  document.title = `${t('app.title')} — ${t('app.tagline')}`;
  translateShell(document, t);
}

/** The server's settings (GET /api/config), or the defaults when it cannot be read. */
async function readConfig() {
  return (
    (await loadConfig()) || {
      tileUrl: null,
      tileAttribution: '',
      tileMaxZoom: 19,
      staleAfterDays: 730,
      duplicateRadiusMetres: 25,
    }
  );
}

/** The map, its controls and base map, opened on the last place viewed here (kept on every move). */
function createMap(config) {
  const map = L.map('map', { zoomControl: false, maxZoom: config.tileMaxZoom, worldCopyJump: true });
  L.control.zoom({ position: 'bottomleft', zoomInTitle: t('map.zoomIn'), zoomOutTitle: t('map.zoomOut') }).addTo(map);
  map.attributionControl.setPrefix(false);
  const raster = addBaseMap(map, config, { lang: language });
  if (raster) watchTiles(map, raster, { banner: $('tiles-failed'), retry: $('tiles-retry') });
  // Opens where the walker last looked on this phone, or over France the first time; then, if
  // the walker already lets the site locate them, where they are (see locateOnOpen below).
  const saved = readView();
  map.setView(saved.center, saved.zoom);
  map.on('moveend', () =>
    localStorage.setItem(VIEW_KEY, JSON.stringify({ center: map.getCenter(), zoom: map.getZoom() })),
  );
  map.getContainer().setAttribute('aria-label', t('map.label'));
  return map;
}

/**
 * The approved cameras: one by one at street zoom (reloaded on each move), dots from the vector
 * tiles further out; the hint under the bar says which, and how many.
 */
function addCameraLayers(app) {
  const { map } = app;
  const hint = $('map-hint');
  const layer = new SightingsLayer(map, {
    t,
    staleAfterDays: app.config.staleAfterDays,
    onSelect: (f) => app.addFlow.pin || app.navigate(`#/c/${f.id}`),
  });
  const filters = { cameraTypes: [], vsaOnly: false, city: '', removed: false };
  const cities = new Map();
  // Zoomed out, where the cameras are too many to load one by one: dots from the vector tiles.
  const density = new DensityLayer({ filters: () => filters });
  const loader = new ViewportLoader(map, {
    filters: () => filters,
    onData: (features) => {
      for (const f of features) if (f.properties.city) cities.set(f.properties.city.code, f.properties.city.name);
      layer.setData(features);
    },
    onState: (state, collection) => {
      const text = {
        zoomIn: t('map.zoomHint'),
        loading: '',
        error: t('map.loadError'),
        offline: t('map.offline'),
        truncated: t('map.truncated'),
      }[state];
      const n = collection?.numberReturned;
      hint.textContent = text || (collection ? t(n === 1 ? 'map.countOne' : 'map.count', { n }) : '');
      hint.dataset.state = state;
      if (state === 'zoomIn') density.addTo(map);
      else density.remove();
    },
  });
  Object.assign(app, { hint, filters, cities, density, loader });
}

/** The walker's own pending sighting, shown where it is while its private link is open. */
function addOwnSighting(app) {
  const own = L.layerGroup().addTo(app.map);
  app.own = own;
  app.showOwn = (sighting) => {
    if (!sighting) return;
    const at = [...sighting.geometry.coordinates].reverse();
    L.marker(at, {
      icon: L.divIcon({ className: 'pin own', html: '<span></span>', iconSize: [34, 34], iconAnchor: [17, 34] }),
      title: t(`status.${sighting.properties.status}`),
      keyboard: false,
      interactive: false,
    }).addTo(own);
    app.map.setView(at, Math.max(app.map.getZoom(), 17));
  };
}

/** The sightings waiting on this phone, and the badge of "Mes signalements" that counts them. */
function createOutbox(app) {
  app.mine = idbStore(MINE);
  app.outbox = new Outbox({
    outbox: idbStore(OUTBOX),
    mine: app.mine,
    send: api.submit,
    amend: api.amend,
    upload: api.uploadPhoto,
    onChange: () => app.refreshBadge(),
  });
  app.refreshBadge = async () => {
    const n = (await app.outbox.list()).length;
    $('queue-badge').textContent = n ? String(n) : '';
    $('queue-badge').hidden = !n;
    $('mine-button').title = n ? `${t('nav.mine')} (${t('queue.count', { n })})` : t('nav.mine');
  };
}

/** The fragment says what the panel shows: #/add, #/c/<id>, #/s/<id>…, #/mine, #/search, #/menu. */
function addRouter(app) {
  /** Goes to a fragment; when already there, shows it again (no hashchange would fire). */
  app.navigate = (hash) => {
    if (location.hash === hash || (hash === '#/' && !location.hash)) app.route();
    else location.hash = hash;
  };
  app.route = () => route(app);
  window.addEventListener('hashchange', app.route);
}

function mineOptions(app, highlight) {
  return {
    panel: app.panel,
    t,
    language,
    outbox: app.outbox,
    mine: app.mine,
    highlight,
    onEdit: (item) => app.addFlow.start({ queued: item }),
    onDelete: async (item) => {
      await app.outbox.remove(item.clientId);
      app.route();
    },
  };
}

async function route(app) {
  const { panel, config, addFlow } = app;
  const where = parseFragment(location.hash);
  app.current = where;
  addFlow.stop();
  app.own.clearLayers();
  switch (where.view) {
    case 'add':
      return addFlow.start('new');
    case 'camera': {
      const sighting = await showCamera(where.id, {
        panel,
        t,
        language,
        config,
        announce: app.announce,
        onConfirmed: () => app.loader.reload(),
        centre: () => app.map.getCenter(),
      });
      // Keep the camera in sight above the panel.
      if (sighting) app.map.panTo([...sighting.geometry.coordinates].reverse());
      return sighting;
    }
    case 'sent':
      return showSent(where, {
        panel,
        t,
        language,
        config,
        mine: app.mine,
        onAmend: async (sighting, token) => {
          app.own.clearLayers();
          const listed = await api.listPhotos(sighting.id, token);
          addFlow.start({ amend: sighting, token, sentPhotos: listed.ok ? listed.photos : [] });
        },
      }).then(app.showOwn);
    case 'mine':
      return showMine(mineOptions(app, false));
    case 'search':
      return showSearch({
        panel,
        t,
        search: api.searchPlaces,
        onChoose: (place) => {
          app.map.setView([place.lat, place.lon], CITY_ZOOM);
          app.navigate('#/');
        },
      });
    case 'queued':
      return showMine(mineOptions(app, true));
    case 'menu':
      return showMenu({ panel, t, language });
    default:
      panel.hide();
      return undefined;
  }
}

/** A tap on a dot of the zoomed-out map zooms in there, to where the cameras themselves show. */
function zoomIntoDots({ map, addFlow, hint, density }) {
  map.on('click', (event) => {
    if (addFlow.pin || hint.dataset.state !== 'zoomIn' || !event.originalEvent) return;
    const { clientX, clientY } = event.originalEvent;
    if (!density.cellAt(clientX, clientY)) return;
    map.setView(event.latlng, Math.min(map.getMaxZoom(), Math.max(map.getZoom() + 3, DOT_ZOOM)));
  });
}

/** The bar's buttons: locate the walker, open the filters. */
function wireButtons(app) {
  const { map, panel, locationMarker, announce } = app;
  $('locate-button').addEventListener('click', async () => {
    const here = await currentPosition();
    if (!here) return announce(t('locate.error'));
    locationMarker.show(here);
    map.setView(here.latlng, Math.max(map.getZoom(), 17));
    announce(t('locate.accuracy', { m: Math.round(here.accuracy) }));
  });
  $('filters-button').addEventListener('click', function openFilters() {
    showFilters({
      panel,
      t,
      filters: app.filters,
      cities: app.cities,
      onChange: (_, { rerender } = {}) => {
        app.loader.reload();
        app.density.redraw();
        if (rerender) openFilters();
      },
    });
  });
}

/** Sightings waiting on this phone go as soon as the network is back, and every half minute. */
function keepSending(app) {
  app.flush = () => {
    if (navigator.onLine !== false)
      app.outbox.flush().then((sent) => sent.length && app.current?.view.match(/mine|queued/) && app.route());
  };
  window.addEventListener('online', app.flush);
  document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && app.flush());
  setInterval(app.flush, RETRY_MS);
}

/** Where the walker is, if they already allowed it: the map opens there rather than over France. */
async function locateOnOpen(app) {
  const { map } = app;
  if (parseFragment(location.hash).view !== 'map' || !(await locationGranted())) return;
  const start = map.getCenter();
  const here = await findPosition({ timeout: 10000 });
  // The walker may have moved the map or opened something meanwhile: leave it where they put it.
  if (!here.ok || app.current?.view !== 'map' || !map.getCenter().equals(start)) return;
  app.locationMarker.show(here);
  map.setView(here.latlng, Math.max(map.getZoom(), 17));
  document.body.dataset.located = 'true';
}

function readView() {
  try {
    const view = JSON.parse(localStorage.getItem(VIEW_KEY));
    if (view && Number.isFinite(view.zoom)) return view;
  } catch {
    // first visit, or unreadable: start over France
  }
  return FRANCE;
}

registerServiceWorker();
start();
