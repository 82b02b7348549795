import L from './leaflet-global.js';
import 'leaflet.markercluster';

export default L;
