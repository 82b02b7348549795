// Geoman is a script that extends a global `L`, as leaflet.markercluster is: this module, imported
// just before it, sets that global for the moderation page. (Importing the walker's
// map/leaflet-global.js instead splits it into a chunk of its own that every walker's phone fetches.)
import * as Leaflet from 'leaflet/dist/leaflet-src.esm.js';

const L = { ...Leaflet };
window.L = L;
export default L;
