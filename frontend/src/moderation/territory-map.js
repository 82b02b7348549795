// A group's territory on a Leaflet map: shown, and when editable drawn and reshaped with Geoman
// (polygon, rectangle, hole, move, erase), on the walker's base map (ui/basemap.js). Only the moderation page loads this (and Geoman).
import 'leaflet/dist/leaflet.css';
import L from './leaflet-global.js';
import { addBaseMap } from '../ui/basemap.js';
import '@geoman-io/leaflet-geoman-free';
import '@geoman-io/leaflet-geoman-free/dist/leaflet-geoman.css';
import { mergePolygons, polygonsOf } from './territory-file.js';
import { request } from '../ui/api.js';

const FRANCE = { center: [46.6, 2.4], zoom: 5 };
const STYLE = { color: '#1d3557', weight: 2, fillOpacity: 0.15 };

/**
 * Puts the map in `box`. Options: api (createApi), language ('fr'|'en'), editable, territory
 * (GeoJSON to show first), onChange() after each drawing change. Returns { territory(), show(), destroy() }.
 */
export async function territoryMap(
  box,
  { api, language = 'fr', editable = false, territory = null, onChange = () => {} },
) {
  const config = await api.get('/api/config').catch(() => ({}));
  const map = L.map(box, { scrollWheelZoom: false }).setView(FRANCE.center, FRANCE.zoom);
  addBaseMap(map, config, { lang: language });

  if (editable) {
    map.pm.setLang(language === 'en' ? 'en' : 'fr');
    map.pm.setGlobalOptions({ pathOptions: STYLE, allowSelfIntersection: false });
    map.pm.addControls({
      position: 'topleft',
      drawMarker: false,
      drawCircleMarker: false,
      drawPolyline: false,
      drawCircle: false,
      drawText: false,
      rotateMode: false,
    });
    // Geoman titles the wrapper of each toolbar button, not the button: screen readers need both.
    for (const button of box.querySelectorAll('[title] > .leaflet-buttons-control-button')) {
      button.setAttribute('aria-label', button.parentElement.title);
    }
    for (const event of ['pm:create', 'pm:remove', 'pm:cut']) map.on(event, () => onChange());
    map.on('pm:create', ({ layer }) => layer.on('pm:edit', () => onChange()));
  }

  /** The polygons on the map, drawn or shown; Geoman's temporary drawing layers are not counted. */
  const polygons = () => (editable ? map.pm.getGeomanLayers().filter((layer) => layer instanceof L.Polygon) : shown);
  let shown = [];

  function show(geometry) {
    for (const layer of polygons()) layer.remove();
    shown = polygonsOf(geometry).map((rings) =>
      L.polygon(
        rings.map((ring) => ring.map(([lon, lat]) => [lat, lon])),
        { ...STYLE, pmIgnore: !editable },
      ).addTo(map),
    );
    for (const layer of shown) layer.on('pm:edit', () => onChange());
    if (shown.length) map.fitBounds(L.featureGroup(shown).getBounds(), { padding: [12, 12] });
  }

  if (territory) show(territory);
  showCameras(map);
  return {
    territory: () => mergePolygons(polygons().map((layer) => layer.toGeoJSON().geometry)),
    show,
    destroy: () => map.remove(),
  };
}

const CAMERA = {
  radius: 4,
  color: '#7a0019',
  weight: 1,
  fillColor: '#c1121f',
  fillOpacity: 0.8,
  interactive: false,
  pmIgnore: true,
};

/**
 * The approved cameras in view from street-level zoom (GET /api/sightings, as the walker's map),
 * so that a territory is drawn around what it should cover; each move cancels the previous read.
 */
function showCameras(map) {
  const layer = L.layerGroup().addTo(map);
  let reading = null;
  const load = async () => {
    reading?.abort();
    layer.clearLayers();
    if (map.getZoom() < 13 || typeof fetch === 'undefined') return;
    reading = new AbortController();
    const b = map.getBounds();
    const bbox = [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()].map((n) => n.toFixed(5)).join(',');
    try {
      const cameras = await request(`/api/sightings?bbox=${bbox}&limit=1000`, {
        signal: reading.signal,
        headers: { Accept: 'application/geo+json' },
      });
      for (const f of cameras.features) {
        L.circleMarker([f.geometry.coordinates[1], f.geometry.coordinates[0]], {
          ...CAMERA,
          className: 'territory-camera',
        }).addTo(layer);
      }
    } catch {
      // aborted by a newer move, or offline: the drawing works without them
    }
  };
  map.on('moveend', load);
  load();
}
