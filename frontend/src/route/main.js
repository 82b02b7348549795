// "How watched is my walk?", /route/: the walker taps a route on the map; the page colours it by
// exposure (POST /api/routes/exposure) and finds the least watched way between its ends for the
// detour chosen (POST /api/routes/least-watched). Nothing is kept: not in the URL, not in storage.
import 'leaflet/dist/leaflet.css';
import '../ui/page.css';
import './route.css';
import * as L from 'leaflet/dist/leaflet-src.esm.js';
import { h } from '../ui/dom.js';
import { JSON_TYPE, request } from '../ui/api.js';
import * as messages from './messages.js';
import { openPage } from '../ui/page.js';
import { figures, lineBody, pairBody } from './shape.js';
import { retryHold } from './limit.js';

const WATCHED = '#c1121f';
const UNWATCHED = '#2a9d8f';
const DRAWN = '#1d3557';

const { language, t } = openPage(messages);

const status = document.getElementById('status');
const figuresBox = document.getElementById('figures');
const detour = document.getElementById('detour');
const detourValue = document.getElementById('detour-value');
const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 });
// Past the address's route limit (429), the buttons that ask the server wait for its Retry-After.
const hold = retryHold({ status, buttons: [document.getElementById('measure'), document.getElementById('least')], t });

// The view comes from the hash (#zoom/lat/lon), else from the walker's map (its last view, kept by
// that page), else France.
const view = /^#(\d+)\/(-?[\d.]+)\/(-?[\d.]+)$/.exec(location.hash);
// No zoom on a double tap: two quick taps are two points of the walk (pinch or the buttons zoom).
const map = L.map('route-map', { zoomControl: true, doubleClickZoom: false });
if (view) map.setView([Number(view[2]), Number(view[3])], Number(view[1]));
else {
  let last = null;
  try {
    last = JSON.parse(localStorage.getItem('technocarte.view'));
  } catch {
    last = null;
  }
  if (last?.center) map.setView([last.center.lat, last.center.lng], Math.max(15, last.zoom || 0));
  else map.setView([46.6, 2.4], 6);
}
request('/api/config')
  .then((config) => {
    if (config.tileUrl)
      L.tileLayer(config.tileUrl, { maxZoom: config.tileMaxZoom || 19, attribution: config.tileAttribution }).addTo(
        map,
      );
  })
  .catch(() => {});

const points = [];
const drawn = L.layerGroup().addTo(map);
const answer = L.layerGroup().addTo(map);

function redraw() {
  drawn.clearLayers();
  for (const p of points)
    L.circleMarker(p, {
      radius: 6,
      color: DRAWN,
      fillColor: '#fff',
      fillOpacity: 1,
      weight: 2,
      className: 'route-point',
    }).addTo(drawn);
  if (points.length > 1)
    L.polyline(points, { color: DRAWN, weight: 3, dashArray: '4 6', className: 'route-drawn' }).addTo(drawn);
}

function reset() {
  answer.clearLayers();
  figuresBox.replaceChildren();
  status.textContent = hold.message ?? '';
}

map.on('click', (event) => {
  points.push([event.latlng.lat, event.latlng.lng]);
  reset();
  redraw();
});
document.getElementById('undo').addEventListener('click', () => {
  points.pop();
  reset();
  redraw();
});
document.getElementById('clear').addEventListener('click', () => {
  points.length = 0;
  reset();
  redraw();
});
detour.addEventListener('input', () => {
  detourValue.textContent = percent.format(detour.value / 100);
});
detourValue.textContent = percent.format(detour.value / 100);

async function post(path, body) {
  status.textContent = t('working');
  try {
    const answer = await request(path, { method: 'POST', headers: { Accept: JSON_TYPE }, body });
    status.textContent = '';
    return answer;
  } catch (error) {
    if (!hold.refused(error)) status.textContent = t('error', { detail: error.message });
    return null;
  }
}

/** The line coloured: its watched parts red, its unwatched parts green. */
function colour(exposure, { dashed = false } = {}) {
  const style = (color, name) => ({ color, weight: dashed ? 4 : 6, opacity: dashed ? 0.6 : 0.9, className: name });
  L.geoJSON(exposure.unwatched, { style: style(UNWATCHED, 'route-unwatched'), interactive: false }).addTo(answer);
  L.geoJSON(exposure.watched, { style: style(WATCHED, 'route-watched'), interactive: false }).addTo(answer);
}

function figureList(title, exposure, id) {
  return h(
    'section',
    { class: 'route-figures', id },
    h('h2', { text: title }),
    h(
      'dl',
      {},
      figures(exposure, { t, language }).map(([key, text]) =>
        h('div', { 'data-figure': key }, h('dt', { text: t(key) }), h('dd', { text })),
      ),
    ),
  );
}

const legend = () =>
  h(
    'p',
    { class: 'route-legend' },
    h('span', { class: 'swatch watched', text: t('legend.watched') }),
    ' ',
    h('span', { class: 'swatch unwatched', text: t('legend.unwatched') }),
  );

document.getElementById('measure').addEventListener('click', async () => {
  reset();
  if (points.length < 2) {
    status.textContent = t('needTwo');
    return;
  }
  const exposure = await post('/api/routes/exposure', lineBody(points));
  if (!exposure) return;
  colour(exposure);
  figuresBox.replaceChildren(legend(), figureList(t('fig.yours'), exposure, 'figures-yours'));
});

document.getElementById('least').addEventListener('click', async () => {
  reset();
  if (points.length < 2) {
    status.textContent = t('needTwo');
    return;
  }
  const routes = await post('/api/routes/least-watched', pairBody(points, Number(detour.value)));
  if (!routes) return;
  colour(routes.shortest.exposure, { dashed: true });
  colour(routes.leastWatched.exposure);
  map.fitBounds(L.geoJSON(routes.leastWatched.geometry).getBounds(), { padding: [16, 16] });
  figuresBox.replaceChildren(
    legend(),
    figureList(t('fig.least'), routes.leastWatched.exposure, 'figures-least'),
    h('p', { class: 'route-detour', text: t('fig.detour', { share: percent.format(routes.detour) }) }),
    figureList(t('fig.shortest'), routes.shortest.exposure, 'figures-shortest'),
  );
});
