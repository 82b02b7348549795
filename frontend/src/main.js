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
import { addBaseMap } from './map/basemap.js';
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

async function start() {
  document.documentElement.lang = language;
  document.title = `${t('app.title')} — ${t('app.tagline')}`;
  translateShell(document, t);
  const announce = announcer($('status'));
  const config = (await loadConfig()) || {
    tileUrl: null,
    tileAttribution: '',
    tileMaxZoom: 19,
    staleAfterDays: 730,
    duplicateRadiusMetres: 25,
  };

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

  const panel = new Panel($('panel'), {
    t,
    onClose: () => navigate('#/'),
    onLayout: () => map.invalidateSize({ pan: false }),
  });
  const hint = $('map-hint');
  const layer = new SightingsLayer(map, {
    t,
    staleAfterDays: config.staleAfterDays,
    onSelect: (f) => addFlow.pin || navigate(`#/c/${f.id}`),
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
  const locationMarker = new LocationMarker(map);
  // The walker's own pending sighting, shown where it is while its private link is open.
  const own = L.layerGroup().addTo(map);
  const showOwn = (sighting) => {
    if (!sighting) return;
    const at = [...sighting.geometry.coordinates].reverse();
    L.marker(at, {
      icon: L.divIcon({ className: 'pin own', html: '<span></span>', iconSize: [34, 34], iconAnchor: [17, 34] }),
      title: t(`status.${sighting.properties.status}`),
      keyboard: false,
      interactive: false,
    }).addTo(own);
    map.setView(at, Math.max(map.getZoom(), 17));
  };

  const outboxStore = idbStore(OUTBOX);
  const mine = idbStore(MINE);
  const outbox = new Outbox({
    outbox: outboxStore,
    mine,
    send: api.submit,
    amend: api.amend,
    upload: api.uploadPhoto,
    onChange: () => refreshBadge(),
  });
  async function refreshBadge() {
    const n = (await outbox.list()).length;
    $('queue-badge').textContent = n ? String(n) : '';
    $('queue-badge').hidden = !n;
    $('mine-button').title = n ? `${t('nav.mine')} (${t('queue.count', { n })})` : t('nav.mine');
  }
  const addFlow = new AddFlow({
    map,
    panel,
    t,
    config,
    outbox,
    announce,
    locationMarker,
    navigate,
    onConfirmed: () => loader.reload(),
  });

  /** Goes to a fragment; when already there, shows it again (no hashchange would fire). */
  function navigate(hash) {
    if (location.hash === hash || (hash === '#/' && !location.hash)) route();
    else location.hash = hash;
  }

  const mineOptions = (highlight) => ({
    panel,
    t,
    language,
    outbox,
    mine,
    highlight,
    onEdit: (item) => addFlow.start({ queued: item }),
    onDelete: async (item) => {
      await outbox.remove(item.clientId);
      route();
    },
  });

  let current = null;
  async function route() {
    const where = parseFragment(location.hash);
    current = where;
    addFlow.stop();
    own.clearLayers();
    switch (where.view) {
      case 'add':
        return addFlow.start('new');
      case 'camera': {
        const sighting = await showCamera(where.id, {
          panel,
          t,
          language,
          config,
          announce,
          onConfirmed: () => loader.reload(),
          centre: () => map.getCenter(),
        });
        // Keep the camera in sight above the panel.
        if (sighting) map.panTo([...sighting.geometry.coordinates].reverse());
        return sighting;
      }
      case 'sent':
        return showSent(where, {
          panel,
          t,
          language,
          config,
          mine,
          onAmend: async (sighting, token) => {
            own.clearLayers();
            const listed = await api.listPhotos(sighting.id, token);
            addFlow.start({ amend: sighting, token, sentPhotos: listed.ok ? listed.photos : [] });
          },
        }).then(showOwn);
      case 'mine':
        return showMine(mineOptions(false));
      case 'search':
        return showSearch({
          panel,
          t,
          search: api.searchPlaces,
          onChoose: (place) => {
            map.setView([place.lat, place.lon], CITY_ZOOM);
            navigate('#/');
          },
        });
      case 'queued':
        return showMine(mineOptions(true));
      case 'menu':
        return showMenu({ panel, t, language });
      default:
        panel.hide();
        return undefined;
    }
  }
  window.addEventListener('hashchange', route);

  // A tap on a dot of the zoomed-out map zooms in there, to where the cameras themselves show.
  map.on('click', (event) => {
    if (addFlow.pin || hint.dataset.state !== 'zoomIn' || !event.originalEvent) return;
    const { clientX, clientY } = event.originalEvent;
    if (!density.cellAt(clientX, clientY)) return;
    map.setView(event.latlng, Math.min(map.getMaxZoom(), Math.max(map.getZoom() + 3, DOT_ZOOM)));
  });

  /** Where the walker is, if they already allowed it: the map opens there rather than over France. */
  async function locateOnOpen() {
    if (parseFragment(location.hash).view !== 'map' || !(await locationGranted())) return;
    const start = map.getCenter();
    const here = await findPosition({ timeout: 10000 });
    // The walker may have moved the map or opened something meanwhile: leave it where they put it.
    if (!here.ok || current?.view !== 'map' || !map.getCenter().equals(start)) return;
    locationMarker.show(here);
    map.setView(here.latlng, Math.max(map.getZoom(), 17));
    document.body.dataset.located = 'true';
  }

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
      filters,
      cities,
      onChange: (_, { rerender } = {}) => {
        loader.reload();
        density.redraw();
        if (rerender) openFilters();
      },
    });
  });

  // Sightings waiting on this phone go as soon as the network is back, and every half minute.
  const flush = () => {
    if (navigator.onLine !== false)
      outbox.flush().then((sent) => sent.length && current?.view.match(/mine|queued/) && route());
  };
  window.addEventListener('online', flush);
  document.addEventListener('visibilitychange', () => document.visibilityState === 'visible' && flush());
  setInterval(flush, RETRY_MS);

  await refreshBadge();
  loader.reload();
  route();
  flush();
  document.body.dataset.ready = 'true';
  locateOnOpen();
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
