// The party's zone on a Leaflet map: its outline, the blocks where nothing is reported yet, and the
// public cameras inside it, on the walker's base map (ui/basemap.js).
import 'leaflet/dist/leaflet.css';
import * as L from 'leaflet/dist/leaflet-src.esm.js';
import { addBaseMap } from '../ui/basemap.js';
import { request } from '../ui/api.js';

const NAVY = '#1d3557';
const ORANGE = '#c2570c';

export function partyMap(box, party) {
  const map = L.map(box, { scrollWheelZoom: false });
  // Refused, the settings are the defaults; unreachable, the zone is drawn without a base map.
  request('/api/config')
    .catch((error) => (error.status ? {} : Promise.reject(error)))
    .then((config) => {
      addBaseMap(map, config);
    })
    .catch(() => {});
  const zone = L.geoJSON(party.zone, { style: { color: NAVY, weight: 3, fill: false }, interactive: false }).addTo(map);
  if (party.emptyBlocks)
    L.geoJSON(party.emptyBlocks, {
      style: { color: ORANGE, weight: 1, fillColor: ORANGE, fillOpacity: 0.25 },
      className: 'empty-block',
      interactive: false,
    }).addTo(map);
  map.fitBounds(zone.getBounds(), { padding: [8, 8] });
  const [w, s, e, n] = party.bbox;
  request(`/api/sightings?bbox=${[w, s, e, n].map((x) => x.toFixed(5)).join(',')}&limit=1000`, {
    headers: { Accept: 'application/geo+json' },
  })
    .then((cameras) =>
      L.geoJSON(cameras, {
        pointToLayer: (feature, latlng) =>
          L.circleMarker(latlng, {
            radius: 5,
            color: NAVY,
            fillColor: NAVY,
            fillOpacity: 0.8,
            weight: 1,
            interactive: false,
            className: 'party-camera',
          }),
      }).addTo(map),
    )
    .catch(() => {});
  return () => map.remove();
}
