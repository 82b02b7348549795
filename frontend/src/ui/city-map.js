// A small Leaflet map of one city's approved cameras, fitted to them, on the walker's base map
// (ui/basemap.js).
import 'leaflet/dist/leaflet.css';
// The same Leaflet module as the walker's map, so the two share one cached chunk.
import * as L from 'leaflet/dist/leaflet-src.esm.js';
import { addBaseMap } from './basemap.js';
import { request } from './api.js';

const VSA = '#b3261e';
const PLAIN = '#1f4e79';

export async function cityMap(box, geojsonUrl) {
  let [config, cameras] = await Promise.all([
    // Refused, the settings are the defaults; unreachable, there is no map to draw.
    request('/api/config').catch((error) => (error.status ? {} : Promise.reject(error))),
    request(geojsonUrl),
  ]);
  // A FeatureCollection, or one Feature (an OGC API item).
  if (cameras.type === 'Feature') cameras = { type: 'FeatureCollection', features: [cameras] };
  if (!cameras.features?.length) {
    box.remove();
    return () => {};
  }
  const map = L.map(box, { scrollWheelZoom: false });
  addBaseMap(map, config);
  const layer = L.geoJSON(cameras, {
    pointToLayer: (feature, latlng) => {
      const color = feature.properties?.vsaSuspected ? VSA : PLAIN;
      return L.circleMarker(latlng, {
        radius: 5,
        color,
        fillColor: color,
        fillOpacity: 0.7,
        weight: 1,
        interactive: false,
      });
    },
  }).addTo(map);
  map.fitBounds(layer.getBounds(), { padding: [16, 16], maxZoom: 16 });
  return () => map.remove();
}
