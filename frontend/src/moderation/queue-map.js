// The small map of a queue entry: the pending camera (red) with a line per direction it looks, and
// the cameras already known within 25 m (blue, numbered as in the list below), so that a moderator
// can judge "wrong location" and tell the candidates apart, on the walker's base map.
import 'leaflet/dist/leaflet.css';
import L from './leaflet-global.js';
import { addBaseMap } from '../ui/basemap.js';

const PENDING = { radius: 8, color: '#7a0019', weight: 2, fillColor: '#c1121f', fillOpacity: 0.9 };
const CANDIDATE = { radius: 7, color: '#0b2545', weight: 2, fillColor: '#3a86ff', fillOpacity: 0.85 };
const METRES_PER_DEGREE = 111_320;

/** The end of a 15 m line from [lat, lon] towards `degrees` clockwise from north. */
export function ahead([lat, lon], degrees, metres = 15) {
  const radians = (degrees * Math.PI) / 180;
  const north = (metres * Math.cos(radians)) / METRES_PER_DEGREE;
  const east = (metres * Math.sin(radians)) / (METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180));
  return [lat + north, lon + east];
}

const latLng = (feature) => [feature.geometry.coordinates[1], feature.geometry.coordinates[0]];

/** Draws the entry's map in `box`; `config` is GET /api/config. Returns the Leaflet map. */
export function queueMap(box, item, { config = {} }) {
  const map = L.map(box, {
    scrollWheelZoom: false,
    keyboard: false,
    attributionControl: Boolean(config.tileAttribution),
  });
  addBaseMap(map, config);
  const here = latLng(item.sighting);
  const points = [here];
  for (const c of item.candidates) {
    const at = latLng(c);
    points.push(at);
    for (const direction of c.properties.directions ?? [])
      L.polyline([at, ahead(at, direction)], {
        color: CANDIDATE.color,
        weight: 3,
        interactive: false,
        className: 'direction-line',
      }).addTo(map);
    L.circleMarker(at, { ...CANDIDATE, interactive: false, className: 'candidate-marker' })
      .bindTooltip(`#${c.id}`, { permanent: true, direction: 'right', className: 'candidate-label' })
      .addTo(map);
  }
  for (const direction of item.sighting.properties.directions ?? [])
    L.polyline([here, ahead(here, direction)], {
      color: PENDING.color,
      weight: 4,
      interactive: false,
      className: 'direction-line pending-direction',
    }).addTo(map);
  L.circleMarker(here, { ...PENDING, interactive: false, className: 'pending-marker' }).addTo(map);
  if (points.length > 1) map.fitBounds(L.latLngBounds(points), { padding: [24, 24], maxZoom: 19 });
  else map.setView(here, 19);
  return map;
}
