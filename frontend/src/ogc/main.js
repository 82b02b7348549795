// The OGC API's HTML pages (rendered by the server): their style, and the small map of a page of
// items or of one item, drawn from the same request as GeoJSON.
import './ogc.css';
import { cityMap } from '../ui/city-map.js';

const box = document.getElementById('ogc-map');
if (box?.dataset.geojson) {
  cityMap(box, box.dataset.geojson).catch(() => box.remove());
}
