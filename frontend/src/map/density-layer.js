// The zoomed-out map: the server's vector tiles (/tiles/sightings/{z}/{x}/{y}.mvt) gather the
// approved cameras into cells, drawn here as dots sized by how many cameras each holds, with a red
// slice for the share suspected of VSA. Shown while the viewport is too large to load the cameras themselves.
import L from './leaflet-global.js';
import { mergeOverlapping, radius, readCells, tileUrl } from './density-cells.js';

const NAVY = '#1d3557';
const VSA = '#b00020';

function draw(canvas, cells, size) {
  const ratio = window.devicePixelRatio || 1;
  canvas.width = size * ratio;
  canvas.height = size * ratio;
  const ctx = canvas.getContext('2d');
  ctx.scale(ratio, ratio);
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = '#fff';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  ctx.font = 'bold 10px system-ui, sans-serif';
  // Large dots first, so a small one next to them stays visible.
  const merged = mergeOverlapping(cells);
  canvas.cells = merged; // for cellAt(): a tap on a dot zooms in there
  for (const cell of merged) {
    const r = radius(cell.count);
    ctx.globalAlpha = 0.85;
    ctx.beginPath();
    ctx.arc(cell.x, cell.y, r, 0, 2 * Math.PI);
    ctx.fillStyle = NAVY;
    ctx.fill();
    if (cell.vsa > 0) {
      // The share suspected of VSA, as a red slice from twelve o'clock.
      ctx.beginPath();
      ctx.moveTo(cell.x, cell.y);
      ctx.arc(cell.x, cell.y, r, -Math.PI / 2, -Math.PI / 2 + (2 * Math.PI * cell.vsa) / cell.count);
      ctx.closePath();
      ctx.fillStyle = VSA;
      ctx.fill();
    }
    ctx.globalAlpha = 1;
    ctx.beginPath();
    ctx.arc(cell.x, cell.y, r, 0, 2 * Math.PI);
    ctx.stroke();
    if (cell.count >= 10) {
      ctx.fillStyle = '#fff';
      ctx.fillText(cell.count > 999 ? `${Math.round(cell.count / 1000)}k` : String(cell.count), cell.x, cell.y);
    }
  }
}

/** A Leaflet grid layer of canvas tiles; `filters()` gives the map's current filters. */
export const DensityLayer = L.GridLayer.extend({
  options: { zIndex: 5, maxNativeZoom: 16, className: 'density' },

  /** The dot under a point of the screen (a tap), or null: { count, vsa } with some slack for a finger. */
  cellAt(clientX, clientY, slack = 6) {
    const container = this.getContainer();
    if (!container) return null;
    for (const canvas of container.querySelectorAll('canvas.density-tile')) {
      const box = canvas.getBoundingClientRect();
      if (clientX < box.left || clientX > box.right || clientY < box.top || clientY > box.bottom) continue;
      const x = ((clientX - box.left) * canvas.clientWidth) / (box.width || 1);
      const y = ((clientY - box.top) * canvas.clientHeight) / (box.height || 1);
      const hit = (canvas.cells || []).find((cell) => Math.hypot(cell.x - x, cell.y - y) <= radius(cell.count) + slack);
      if (hit) return hit;
    }
    return null;
  },

  createTile(coords, done) {
    const canvas = L.DomUtil.create('canvas', 'density-tile');
    const size = this.getTileSize().x;
    canvas.style.width = `${size}px`;
    canvas.style.height = `${size}px`;
    fetch(tileUrl(coords, this.options.filters()), { headers: { Accept: 'application/vnd.mapbox-vector-tile' } })
      .then((response) => {
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        return response.arrayBuffer();
      })
      .then((buffer) => {
        draw(canvas, readCells(buffer, size), size);
        done(null, canvas);
      })
      .catch((error) => done(error, canvas));
    return canvas;
  },
});
