// leaflet.markercluster is a UMD script that extends a global `L`: this module, imported before
// the plugin, is the app's only global. Everything else imports Leaflet from here.
import * as Leaflet from 'leaflet/dist/leaflet-src.esm.js';

const L = { ...Leaflet };
window.L = L;
export default L;
