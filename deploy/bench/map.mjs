// The walker's map in headless Chromium (a benchmark, not a test): how long a phone takes to draw
// the map over France, and whether panning and zooming keep the page responsive. It prints
// markdown (the figures against the targets of issue 12: first render ≤ 1.5 s, no long task over
// 200 ms) on stdout, its progress on stderr. Chromium is Debian's, launched as the browser tests
// launch it (frontend/e2e/support.js: playwright-core, no download, WebGL off); no CPU throttling
// (unless --cpu-slowdown) and no network throttling, on loopback.
//
//   node deploy/bench/map.mjs --url http://127.0.0.1:18700 [--loads 7] [--pans 20] [--city-pans 6] [--dpr 1] [--cpu-slowdown 1] [--trace FILE]
//
// (deploy/bench/map.sh and deploy/bench/run.sh start the app on generated data and call it.)
//
// What is measured, in the page, from an init script that runs before the app's own:
// - "drawn": the first animation frame in which every tile of the view (those of the current zoom
//   that intersect the map) carries Leaflet's leaflet-tile-loaded, that is has been drawn into its
//   canvas, for the base map and, zoomed out, for the dots of the vector tiles; zoomed in, the
//   cameras of the view have been received and handed to the map (the hint under the bar is no longer
//   "loading"). Leaflet then fades the tiles in over 200 ms; that fade is not counted.
// - first render: from navigation start (performance.timeOrigin) to the first "drawn" frame, on a
//   first visit (a fresh browser context: empty cache and storage, no service worker, location not
//   granted), which opens over France at zoom 6; median and worst of --loads such loads, after one
//   load not counted that warms the app up (its time is printed apart).
// - panning: in one more fresh context, once the map is drawn, --pans finger drags over France at
//   zoom 6 (touch events through the DevTools protocol, with Leaflet's inertia), then Paris brought to
//   the centre and zoomed into one tap of "+" at a time down to street level (17), with --city-pans
//   drags over Paris at zoom 13 on the way (each loads the cameras of the view); for each move, the
//   time from the finger lifting to the view "drawn". Long tasks (PerformanceObserver 'longtask',
//   tasks over 50 ms on the main thread) are counted over the whole series. With --trace, Chromium's
//   trace of that series is saved and what its long tasks spend their time on is printed.
import { parseArgs } from 'node:util';
import { launch, PHONE } from '../../frontend/e2e/support.js';
import { summarizeTrace } from './trace-summary.mjs';

const { values: args } = parseArgs({
  options: {
    url: { type: 'string', default: process.env.BENCH_MAP_URL || 'http://127.0.0.1:18700' },
    loads: { type: 'string', default: process.env.BENCH_MAP_LOADS || '7' },
    pans: { type: 'string', default: process.env.BENCH_MAP_PANS || '20' },
    dpr: { type: 'string', default: process.env.BENCH_MAP_DPR || '1' },
    // Off by default, as issue 12 measures; DevTools' "4× slowdown" stands for a mid-range phone.
    'cpu-slowdown': { type: 'string', default: process.env.BENCH_MAP_CPU_SLOWDOWN || '1' },
    'city-pans': { type: 'string', default: process.env.BENCH_MAP_CITY_PANS || '6' },
    trace: { type: 'string', default: process.env.BENCH_MAP_TRACE || '' },
  },
});
const BASE = args.url.replace(/\/$/, '');
const LOADS = Number(args.loads);
const PANS = Number(args.pans);
const CITY_PANS = Number(args['city-pans']);
/** The zoom of the drags over Paris: a few km wide, where each move loads a thousand cameras. */
const CITY_ZOOM = 13;
const DPR = Number(args.dpr);
const SLOWDOWN = Number(args['cpu-slowdown']);
const TARGET_FIRST_RENDER_MS = 1500;
const TARGET_LONG_TASK_MS = 200;
const PARIS = { lat: 48.8566, lon: 2.3522 };
/** Where a first visit opens (main.js, FRANCE). */
const FIRST_VIEW = { center: { lat: 46.6, lng: 2.4 }, zoom: 6 };
const STREET_ZOOM = 17;
const DRAWN_TIMEOUT_MS = 30_000;

const log = (...words) => console.error('bench-map:', ...words);
const ms = (x) => (x == null ? '—' : `${Math.round(x)} ms`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : null;
};
const max = (xs) => (xs.length ? Math.max(...xs) : null);

/** Installed in every page before the app: long tasks, the app's moveend, and waitDrawn(). */
function instrument() {
  const bench = { longTasks: [], moves: 0, lastLift: 0, firstRender: null };
  window.__bench = bench;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) bench.longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  // The app writes the view it shows on every moveend (main.js, technocarte.view): its own signal
  // that a move (drag, inertia, zoom) has ended.
  const setItem = Storage.prototype.setItem;
  Storage.prototype.setItem = function (key, value) {
    if (key === 'technocarte.view') bench.moves++;
    return setItem.call(this, key, value);
  };
  // When the finger (or the "+" tap) lifts: the start of a move's measure.
  addEventListener('pointerup', (e) => (bench.lastLift = e.timeStamp), true);
  addEventListener('touchend', (e) => (bench.lastLift = e.timeStamp), true);

  /** The tiles of the current zoom that intersect the map, per grid layer: { tiles, loaded }. */
  function layers() {
    const map = document.getElementById('map');
    const box = map.getBoundingClientRect();
    const out = {};
    for (const layer of map.querySelectorAll('.leaflet-tile-pane > .leaflet-layer')) {
      const levels = [...layer.querySelectorAll(':scope > .leaflet-tile-container')];
      if (!levels.length) continue;
      const top = levels.reduce((a, b) => (Number(b.style.zIndex) > Number(a.style.zIndex) ? b : a));
      let tiles = 0;
      let loaded = 0;
      for (const tile of top.children) {
        const r = tile.getBoundingClientRect();
        if (r.right <= box.left || r.left >= box.right || r.bottom <= box.top || r.top >= box.bottom) continue;
        tiles++;
        if (tile.classList.contains('leaflet-tile-loaded')) loaded++;
      }
      out[layer.classList.contains('density') ? 'dots' : 'base'] = { tiles, loaded };
    }
    return out;
  }
  const complete = (l) => l && l.tiles > 0 && l.loaded === l.tiles;

  /** What is drawn now: { ready, base, dots, drawn }. */
  function state() {
    if (document.body?.dataset.ready !== 'true') return { ready: false };
    const hint = document.getElementById('map-hint').dataset.state;
    const l = layers();
    const base = complete(l.base);
    const dots = hint === 'zoomIn' && complete(l.dots);
    const cameras = hint && hint !== 'zoomIn' && hint !== 'loading';
    return { ready: true, base, dots, drawn: base && (dots || cameras), hint };
  }
  bench.state = state;

  /** Resolves with the timestamp of the first frame drawn after `moves` moves have ended. */
  bench.waitDrawn = (moves = 0) =>
    new Promise((resolve) => {
      const frame = (t) => {
        if (bench.moves >= moves && state().drawn) resolve(t);
        else requestAnimationFrame(frame);
      };
      requestAnimationFrame(frame);
    });

  // The first render of this page, and its parts (the first frame of each).
  const parts = {};
  const first = (t) => {
    const s = state();
    if (s.ready && parts.ready == null) parts.ready = t;
    if (s.base && parts.base == null) parts.base = t;
    if (s.dots && parts.dots == null) parts.dots = t;
    if (s.drawn) {
      const nav = performance.getEntriesByType('navigation')[0];
      const fcp = performance.getEntriesByName('first-contentful-paint')[0];
      bench.firstRender = {
        ...parts,
        drawn: t,
        fcp: fcp?.startTime,
        domContentLoaded: nav?.domContentLoadedEventEnd,
        load: nav?.loadEventEnd || null,
        hint: s.hint,
      };
    } else requestAnimationFrame(first);
  };
  requestAnimationFrame(first);
}

/** A first visit on a phone: empty cache and storage, no service worker, location not granted. */
function phoneContext(browser) {
  return browser.newContext({
    viewport: PHONE,
    deviceScaleFactor: DPR,
    isMobile: true,
    hasTouch: true,
    locale: 'fr-FR',
    permissions: [],
    serviceWorkers: 'block',
  });
}

/** Opens the map in a fresh context; resolves with the page, its context and its first render. */
async function open(browser, offHost) {
  const context = await phoneContext(browser);
  await context.addInitScript(instrument);
  const origin = new URL(BASE).origin;
  context.on(
    'request',
    (r) => new URL(r.url()).origin !== origin && !r.url().startsWith('data:') && offHost.add(r.url()),
  );
  const page = await context.newPage();
  page.setDefaultTimeout(DRAWN_TIMEOUT_MS);
  if (SLOWDOWN > 1)
    await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: SLOWDOWN });
  await page.goto(`${BASE}/`);
  await page.waitForFunction(() => window.__bench.firstRender, null, { timeout: DRAWN_TIMEOUT_MS });
  const first = await page.evaluate(() => ({
    ...window.__bench.firstRender,
    longest: Math.max(0, ...window.__bench.longTasks.map((t) => t.duration)),
  }));
  return { context, page, first };
}

/** A finger drag by (dx, dy) pixels from the map's centre; `hold` ms still before lifting (no inertia). */
async function drag(cdp, dx, dy, { steps = 8, hold = 0 } = {}) {
  const x0 = PHONE.width / 2;
  const y0 = PHONE.height / 2 + 40; // below the bar
  const point = (x, y) => [{ x: Math.round(x), y: Math.round(y), id: 1 }];
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: point(x0, y0) });
  for (let i = 1; i <= steps; i++) {
    await cdp.send('Input.dispatchTouchEvent', {
      type: 'touchMove',
      touchPoints: point(x0 + (dx * i) / steps, y0 + (dy * i) / steps),
    });
    await new Promise((r) => setTimeout(r, 16));
  }
  if (hold) {
    await new Promise((r) => setTimeout(r, hold));
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: point(x0 + dx, y0 + dy) });
    await new Promise((r) => setTimeout(r, hold));
  }
  await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
}

/** Runs `act` (one move) and waits for the view to be drawn: ms from the lift to the drawn frame. */
async function measureMove(page, label, act) {
  const { moves, start } = await page.evaluate(() => ({ moves: window.__bench.moves, start: performance.now() }));
  await act();
  const drawnAt = await page.evaluate(
    ([m, timeout]) =>
      Promise.race([window.__bench.waitDrawn(m + 1), new Promise((r) => setTimeout(() => r(null), timeout))]),
    [moves, DRAWN_TIMEOUT_MS],
  );
  const { lift, view } = await page.evaluate(() => ({
    lift: window.__bench.lastLift,
    view: JSON.parse(localStorage.getItem('technocarte.view')),
  }));
  const end = drawnAt ?? (await page.evaluate(() => performance.now()));
  return { label, ms: drawnAt == null ? null : drawnAt - lift, zoom: view.zoom, start, end };
}

/** The pixel offset of `place` from the map's centre at the view's zoom (Web Mercator, 256 px tiles). */
function offsetOf(place, view) {
  const scale = 256 * 2 ** view.zoom;
  const y = (lat) => Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) / (2 * Math.PI);
  return {
    dx: ((place.lon - view.center.lng) / 360) * scale,
    dy: -(y(place.lat) - y(view.center.lat)) * scale,
  };
}

/** Drags `place` to the centre of the map, 150 px at most a drag (the finger stays on the screen). */
async function recentre(page, cdp, place) {
  const moves = [];
  for (let i = 0; i < 10; i++) {
    // The app keeps the view from its first move on; before it, the first visit's view over France.
    const view = (await page.evaluate(() => JSON.parse(localStorage.getItem('technocarte.view')))) ?? FIRST_VIEW;
    const { dx, dy } = offsetOf(place, view);
    const length = Math.hypot(dx, dy);
    // Closer than this, a drag is below what Leaflet takes for one (and the error stays within Paris).
    if (length < 12) break;
    const k = Math.min(1, 150 / length);
    // Dragging the map moves its content with the finger: the place comes towards the centre.
    moves.push(
      await measureMove(page, `Paris towards the centre (zoom ${view.zoom})`, () =>
        drag(cdp, -dx * k, -dy * k, { steps: 12, hold: 120 }),
      ),
    );
  }
  return moves;
}

async function panning(browser, offHost) {
  const { context, page, first } = await open(browser, offHost);
  const cdp = await context.newCDPSession(page);
  if (args.trace) await browser.startTracing(page, { path: args.trace, screenshots: false });
  const since = await page.evaluate(() => performance.now());
  const moves = [];
  // Drags of 120 to 200 px around a square, so that the map stays over France (or Paris).
  const directions = [
    [1, 0],
    [0, 1],
    [-1, 0],
    [0, -1],
  ];
  const pans = async (n, where) => {
    for (let i = 0; i < n; i++) {
      const [ux, uy] = directions[i % 4];
      const length = 120 + ((i * 37) % 80);
      moves.push(await measureMove(page, `pan ${i + 1} ${where}`, () => drag(cdp, ux * length, uy * length)));
      log(`${moves.at(-1).label}: ${ms(moves.at(-1).ms)}`);
    }
  };
  await pans(PANS, 'at zoom 6');
  moves.push(...(await recentre(page, cdp, PARIS)));
  const zoomIn = page.locator('.leaflet-control-zoom-in');
  let zoom = moves.at(-1).zoom;
  while (zoom < STREET_ZOOM) {
    moves.push(await measureMove(page, `zoom ${zoom} → ${zoom + 1} (Paris)`, () => zoomIn.tap()));
    log(`${moves.at(-1).label}: ${ms(moves.at(-1).ms)}`);
    if (moves.at(-1).zoom === zoom) throw new Error(`the tap on + left the map at zoom ${zoom}`);
    zoom = moves.at(-1).zoom;
    if (zoom === 10 || zoom === 14) moves.push(...(await recentre(page, cdp, PARIS)));
    if (zoom === CITY_ZOOM) await pans(CITY_PANS, `at zoom ${CITY_ZOOM} (Paris)`);
  }
  const longTasks = await page.evaluate((t) => window.__bench.longTasks.filter((x) => x.start >= t), since);
  for (const m of moves)
    m.longest = max(longTasks.filter((t) => t.start >= m.start && t.start < m.end).map((t) => t.duration));
  const cameras = await page.evaluate(() => document.querySelectorAll('.leaflet-marker-icon').length);
  if (args.trace) await browser.stopTracing();
  await context.close();
  return { first, moves, longTasks, cameras, trace: args.trace ? summarizeTrace(args.trace) : null };
}

async function main() {
  const browser = await launch();
  const offHost = new Set();
  log(`Chromium ${browser.version()}, ${PHONE.width}×${PHONE.height} at ${DPR}x, no CPU throttling, ${BASE}`);
  try {
    const warm = await open(browser, offHost);
    await warm.context.close();
    log(`warm-up load: ${ms(warm.first.drawn)}`);
    const loads = [];
    for (let i = 0; i < LOADS; i++) {
      const { context, first } = await open(browser, offHost);
      await context.close();
      loads.push(first);
      log(`cold load ${i + 1}: drawn at ${ms(first.drawn)}`);
    }
    const pan = await panning(browser, offHost);
    print({ warm: warm.first, loads, pan, offHost, version: browser.version() });
  } finally {
    await browser.close();
  }
}

function print({ warm, loads, pan, offHost, version }) {
  const drawn = loads.map((l) => l.drawn);
  const firstOk = max(drawn) <= TARGET_FIRST_RENDER_MS;
  const panTimes = pan.moves.map((m) => m.ms).filter((x) => x != null);
  const longest = max(pan.longTasks.map((t) => t.duration)) ?? 0;
  const over = pan.longTasks.filter((t) => t.duration > TARGET_LONG_TASK_MS).length;
  const failed = pan.moves.filter((m) => m.ms == null).length;
  const lines = [];
  const out = (s = '') => lines.push(s);
  out(
    `Headless Chromium ${version} (Debian's, WebGL off, as the browser tests), a phone: ${PHONE.width} × ${PHONE.height} CSS px at ` +
      `device pixel ratio ${DPR}, touch, French, first visit (fresh context: empty cache and storage, no service worker, location ` +
      `not granted, so the map opens over France at zoom 6). ` +
      `**${SLOWDOWN > 1 ? `CPU throttled ${SLOWDOWN}× (DevTools' emulation)` : 'No CPU throttling'}, no network throttling** (loopback). ` +
      `"Drawn" = the first animation frame in which every tile of the view (base map, and the dots of the vector tiles zoomed ` +
      `out) has been drawn into its canvas (Leaflet's leaflet-tile-loaded), or zoomed in the cameras of the view received and ` +
      `handed to the map; Leaflet's 200 ms fade-in after it is not counted. Requests to another host: ${offHost.size}.`,
  );
  out();
  out('| first render over France (navigation start → drawn) | median | worst | target |');
  out('|---|---|---|---|');
  out(
    `| drawn, ${loads.length} cold loads | **${ms(median(drawn))}** | **${ms(max(drawn))}** | ≤ ${TARGET_FIRST_RENDER_MS} ms: ` +
      `${firstOk ? 'met' : '**missed**'} |`,
  );
  const part = (key, title) =>
    out(
      `| ${title} | ${ms(median(loads.map((l) => l[key]).filter((x) => x != null)))} | ${ms(max(loads.map((l) => l[key] ?? 0)))} | |`,
    );
  part('fcp', 'first contentful paint');
  part('domContentLoaded', 'DOMContentLoaded');
  part('ready', 'app started (body[data-ready])');
  part('base', 'base map tiles drawn');
  part('dots', 'dots of the vector tiles drawn');
  part('longest', 'longest long task during the load');
  out();
  out(`The load before them (the app's first page since it started, not counted): drawn at ${ms(warm.drawn)}.`);
  out();
  out(
    `Panning: ${PANS} finger drags at zoom 6 over France, then Paris to the centre and "+" tapped down to zoom ${STREET_ZOOM}, ` +
      `with ${CITY_PANS} drags over Paris at zoom ${CITY_ZOOM} on the way (${pan.cameras} camera icons on the map at the end).`,
  );
  out();
  out('| panning and zooming | figure | target |');
  out('|---|---|---|');
  out(
    `| longest long task | **${ms(longest)}** | ≤ ${TARGET_LONG_TASK_MS} ms: ${longest <= TARGET_LONG_TASK_MS ? 'met' : '**missed**'} |`,
  );
  out(`| long tasks over ${TARGET_LONG_TASK_MS} ms | **${over}** | 0 |`);
  out(`| long tasks over 50 ms (all the observer reports) | ${pan.longTasks.length} | |`);
  const times = (re) => pan.moves.filter((m) => re.test(m.label) && m.ms != null).map((m) => m.ms);
  for (const [re, what] of [
    [/^pan .* zoom 6/, 'pans at zoom 6'],
    [/^pan .*Paris/, `pans at zoom ${CITY_ZOOM} over Paris`],
    [/^zoom/, 'taps on "+"'],
  ]) {
    const xs = times(re);
    out(`| finger lift → drawn, ${xs.length} ${what} | median ${ms(median(xs))}, worst ${ms(max(xs))} | |`);
  }
  out(
    `| finger lift → drawn, all ${panTimes.length} moves | median ${ms(median(panTimes))}, worst ${ms(max(panTimes))} | |`,
  );
  if (failed) out(`| moves not drawn within ${DRAWN_TIMEOUT_MS / 1000} s | ${failed} | |`);
  out();
  out('<details><summary>Each move: finger lift (or tap) → drawn</summary>');
  out();
  out('| move | zoom after | drawn after | longest long task in it |');
  out('|---|---|---|---|');
  for (const m of pan.moves) out(`| ${m.label} | ${m.zoom} | ${ms(m.ms)} | ${ms(m.longest)} |`);
  out();
  out('</details>');
  if (pan.trace) {
    out();
    out(
      `Chromium's trace of the panning (\`${args.trace}\`): ${pan.trace.tasks} tasks over 50 ms on the page's main thread, ` +
        `${ms(pan.trace.totalMs)} in all; their time by event (self time; JavaScript without a sampled profile shows as its task or microtasks):`,
    );
    out();
    out('| event (script) | self time in the long tasks |');
    out('|---|---|');
    for (const { name, ms: t } of pan.trace.top) out(`| ${name} | ${ms(t)} |`);
  }
  console.log(lines.join('\n'));
}

await main();
