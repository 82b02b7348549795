// The base map under every map of the app. By default the app draws it itself, so that the page
// asks no other host for anything: land, borders and places from the app's own vector tiles
// (GET /basemap/{z}/{x}/{y}.mvt, zoom 0 to 10, stretched beyond), and the streets from the
// operator's PMTiles extract when there is one (GET /basemap/streets.pmtiles, read by range).
// protomaps-leaflet draws both on canvases: no WebGL, so it works in Tor Browser's safer modes.
// An operator who prefers a raster tile server sets technocarte.map.tile-url and gets it instead.
import { namedFlavor } from '@protomaps/basemaps';
import { labelRules, leafletLayer, paintRules } from 'protomaps-leaflet';
import * as L from 'leaflet/dist/leaflet-src.esm.js';

export const BASEMAP_URL = '/basemap/{z}/{x}/{y}.mvt';
/** The deepest zoom of the app's own tiles; the streets take over above it. */
export const BASEMAP_MAX_ZOOM = 10;
/** The deepest zoom a PMTiles extract of Protomaps holds; deeper, its tiles are stretched. */
const STREETS_MAX_DATA_ZOOM = 15;

const SEA = '#d9e3ee';
const NAVY = '#1d3557';

/** Protomaps' light style in the project's colours: calm, so that the cameras stand out. */
export function flavor() {
  return {
    ...namedFlavor('light'),
    background: SEA,
    water: SEA,
    earth: '#f4f2ee',
    boundaries: '#8a93a6',
    buildings: '#dedad4',
    city_label: NAVY,
    city_label_halo: '#ffffff',
    subplace_label: '#4a4a55',
    subplace_label_halo: '#ffffff',
    state_label: '#6b7280',
    state_label_halo: '#ffffff',
    country_label: '#4a4a55',
    ocean_label: '#5a6f8f',
  };
}

const NATURAL_EARTH = '<a href="https://www.naturalearthdata.com/">Natural Earth</a>, GeoNames';
const OPENSTREETMAP = '© <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>';

/**
 * The layers of the base map for `config` (GET /api/config), in drawing order, and the raster
 * layer among them when one is configured (the caller may watch it for failures).
 */
export function baseLayers(config = {}, { lang = 'fr' } = {}) {
  const maxZoom = config.tileMaxZoom || 19;
  if (config.tileUrl) {
    const raster = L.tileLayer(config.tileUrl, { maxZoom, attribution: config.tileAttribution });
    return { layers: [raster], raster };
  }
  // protomaps-leaflet extends the global L that leaflet-global.js sets (the walker's and the
  // moderators' pages); the city and campaign pages have none, and get one here.
  window.L ??= { ...L };
  const style = flavor();
  const rules = { paintRules: paintRules(style), labelRules: labelRules(style, lang), lang, maxZoom };
  const layers = [
    leafletLayer({
      ...rules,
      url: BASEMAP_URL,
      maxDataZoom: BASEMAP_MAX_ZOOM,
      backgroundColor: style.background,
      attribution: NATURAL_EARTH,
    }),
  ];
  if (config.streetsUrl)
    // No background: outside the extract the land and sea of the layer below show through.
    layers.push(
      leafletLayer({
        ...rules,
        url: config.streetsUrl,
        maxDataZoom: STREETS_MAX_DATA_ZOOM,
        minZoom: BASEMAP_MAX_ZOOM + 1,
        attribution: OPENSTREETMAP,
      }),
    );
  return { layers, raster: null };
}

/** Puts the base map on `map`; answers the raster layer when one is configured, else null. */
export function addBaseMap(map, config, options) {
  const { layers, raster } = baseLayers(config, options);
  for (const layer of layers) layer.addTo(map);
  return raster;
}
