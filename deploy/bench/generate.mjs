#!/usr/bin/env node
// Realistic sightings for the benchmarks (not a test): writes the rows of table `sighting` as the
// text format of PostgreSQL's COPY on stdout, clustered around the French places of the gazetteer
// the app ships (src/main/resources/gazetteer/cities.tsv.gz), the same rows for the same seed.
//
//   node deploy/bench/generate.mjs --rows 1000000 --seed 1 | psql ... -c "\copy sighting (…) FROM STDIN"
//   node deploy/bench/generate.mjs --columns        # the column list, for the COPY command
//   node deploy/bench/generate.mjs --viewports 2000 --seed 1   # lon0 lat0 lon1 lat1 of 2×2 km boxes
//
// Options: --rows N (default 100000), --seed S (default 1), --queue N: N more pending sightings
// around Lyon, the moderation queue of one territory (default 0), --viewports N.
//
// The model: a place is drawn with a weight growing with its population (population^0.9: big cities
// hold more cameras per inhabitant only a little); a sighting lies around it on a normal spread
// whose width grows with the size of the place (0.25 km for a village, about 5 km for Paris), and
// one in five lies in the suburbs, on a ring 1.5 to 3.5 spreads out. Its city is the one the app
// would give it (Gazetteer.nearest: the nearest place by distance ÷ population^¼ within 15 km).
// Types, shapes, mounts, directions, operators, VSA, statuses and dates follow the shares written
// below; every column meets the table's CHECK constraints (V1, V4, V5, V35: geom_3857 is generated).
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { dirname, join } from 'node:path';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};

export const COLUMNS = [
  'id', 'geom', 'surveillance_type', 'camera_type', 'mount', 'directions', 'field_of_view', 'area',
  'zone', 'operator', 'operator_type', 'height', 'vsa_suspected', 'vsa_evidence', 'notes',
  'city_code', 'city_name', 'observed_at', 'check_date', 'status', 'source', 'source_ref',
  'merged_into', 'client_id_hash', 'edit_token_hash', 'version', 'created_at', 'updated_at',
];

if (args.includes('--columns')) {
  process.stdout.write(COLUMNS.join(', ') + '\n');
  process.exit(0);
}

const rows = Number(opt('rows', 100000));
const seed = Number(opt('seed', 1));
const queue = Number(opt('queue', 0));
const viewports = Number(opt('viewports', 0));

// mulberry32: small, fast, the same sequence for the same seed on every machine.
let state = (seed * 0x9e3779b9) >>> 0;
function random() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = state;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const int = (lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
function gaussian() {
  let u = 0;
  while (u === 0) u = random();
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random());
}
// pick([[value, weight], …])
function pick(choices) {
  let total = 0;
  for (const [, w] of choices) total += w;
  let r = random() * total;
  for (const [v, w] of choices) {
    r -= w;
    if (r < 0) return v;
  }
  return choices[choices.length - 1][0];
}
const hex32 = () => {
  let s = '\\\\x';
  for (let i = 0; i < 8; i++) s += (Math.floor(random() * 4294967296) >>> 0).toString(16).padStart(8, '0');
  return s;
};

// The gazetteer, as the app reads it: geonameId, name, countryCode, lat, lon, population.
const here = dirname(fileURLToPath(import.meta.url));
const tsv = gunzipSync(readFileSync(join(here, '../../src/main/resources/gazetteer/cities.tsv.gz'))).toString('utf8');
const places = []; // every place near mainland France, for the city of a position
const french = []; // French places of mainland France (and Corsica), where the cameras are
for (const line of tsv.split('\n')) {
  if (!line) continue;
  const f = line.split('\t');
  const p = { code: f[0], name: f[1], country: f[2], lat: Number(f[3]), lon: Number(f[4]), population: Number(f[5]) };
  if (p.lat < 40.5 || p.lat > 52.5 || p.lon < -6.5 || p.lon > 10.5) continue;
  places.push(p);
  if (p.country === 'FR' && p.lat > 41 && p.lat < 51.5 && p.lon > -5.5 && p.lon < 10) french.push(p);
}
french.sort((a, b) => b.population - a.population || a.code.localeCompare(b.code));

// Gazetteer.nearest: a grid of 0.1° cells, the place with the least km / population^¼ within 15 km.
const MAX_KM = 15;
const CELL = 0.1;
const grid = new Map();
const cellOf = (v) => Math.floor(v / CELL);
for (const p of places) {
  const k = cellOf(p.lat) * 10000 + cellOf(p.lon);
  if (!grid.has(k)) grid.set(k, []);
  grid.get(k).push(p);
}
function km(lat1, lon1, lat2, lon2) {
  const r = Math.PI / 180;
  const a = Math.sin(((lat2 - lat1) * r) / 2) ** 2 +
    Math.cos(lat1 * r) * Math.cos(lat2 * r) * Math.sin(((lon2 - lon1) * r) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.min(1, Math.sqrt(a)));
}
function nearest(lon, lat) {
  const latSpan = MAX_KM / 111.2;
  const lonSpan = latSpan / Math.cos((lat * Math.PI) / 180);
  let best = null;
  let bestScore = Infinity;
  for (let row = cellOf(lat - latSpan); row <= cellOf(lat + latSpan); row++) {
    for (let col = cellOf(lon - lonSpan); col <= cellOf(lon + lonSpan); col++) {
      for (const p of grid.get(row * 10000 + col) || []) {
        const d = km(lat, lon, p.lat, p.lon);
        const score = d / Math.sqrt(Math.sqrt(Math.max(p.population, 1000)));
        if (d <= MAX_KM && score < bestScore) {
          bestScore = score;
          best = p;
        }
      }
    }
  }
  return best;
}

// Weighted draw of a place: cumulative weights and a binary search.
const cumulative = [];
let sum = 0;
for (const p of french) {
  sum += Math.pow(p.population, 0.9);
  cumulative.push(sum);
}
function drawPlace() {
  const r = random() * sum;
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cumulative[mid] > r) hi = mid;
    else lo = mid + 1;
  }
  return french[lo];
}
// Spread of the cameras around a place's centre, in km: grows with the size of the place.
export const spreadKm = (p) => 0.25 * Math.pow(Math.max(p.population, 1000) / 1000, 0.4);

function around(p, suburbs) {
  const s = spreadKm(p);
  let dx;
  let dy;
  if (suburbs) {
    const d = s * (1.5 + 2 * random());
    const a = 2 * Math.PI * random();
    dx = d * Math.cos(a);
    dy = d * Math.sin(a);
  } else {
    dx = s * gaussian();
    dy = s * gaussian();
  }
  const lat = p.lat + dy / 111.2;
  const lon = p.lon + dx / (111.2 * Math.cos((p.lat * Math.PI) / 180));
  return [Math.round(lon * 1e6) / 1e6, Math.round(lat * 1e6) / 1e6];
}

if (viewports > 0) {
  // Random 2×2 km boxes near one of the 50 largest places, where people look at the map.
  const out = [];
  for (let i = 0; i < viewports; i++) {
    const p = french[int(0, 49)];
    const s = spreadKm(p);
    const lat = p.lat + (s * gaussian() * 0.7) / 111.2;
    const kmLon = 111.2 * Math.cos((lat * Math.PI) / 180);
    const lon = p.lon + (s * gaussian() * 0.7) / kmLon;
    out.push([lon - 1 / kmLon, lat - 1 / 111.2, lon + 1 / kmLon, lat + 1 / 111.2].map((v) => v.toFixed(6)).join(' '));
  }
  process.stdout.write(out.join('\n') + '\n');
  process.exit(0);
}

const DAY = 86400000;
const FIRST = Date.UTC(2019, 0, 1);
const LAST = Date.UTC(2026, 10, 30);
const isoDay = (t) => new Date(t).toISOString().slice(0, 10);
const stamp = (t) => new Date(t).toISOString().replace('T', ' ').replace('Z', '+00');
const esc = (v) => (v == null ? '\\N' : String(v).replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n'));

const approvedIds = [];
const lyon = french.find((p) => p.name === 'Lyon') || french[2];
let out = [];
const total = rows + queue;
for (let id = 1; id <= total; id++) {
  const inQueue = id > rows;
  const place = inQueue ? lyon : drawPlace();
  const [lon, lat] = around(place, !inQueue && random() < 0.2);
  const city = nearest(lon, lat);
  const big = place.population >= 100000;

  const surveillance = pick([['camera', 86], ['alpr', 6], ['guard', 3], ['other', 5]]);
  const shape = surveillance === 'camera'
    ? pick([['fixed', 46], ['dome', 30], ['panning', 9], ['unknown', 15]])
    : pick([['fixed', 60], ['unknown', 40]]);
  const mount = pick([['pole', 34], ['wall', 30], ['building', 10], ['street_lamp', 8], ['traffic_signals', 6],
    ['ceiling', 4], ['gantry', surveillance === 'alpr' ? 30 : 1], ['other', 2], [null, 5]]);
  const nDirections = shape === 'dome' ? pick([[0, 80], [1, 20]]) : pick([[0, 15], [1, 55], [2, 22], [3, 6], [4, 2]]);
  const directions = [];
  for (let i = 0; i < nDirections; i++) directions.push(int(0, 71) * 5);
  const fov = shape === 'fixed' ? pick([[60, 70], [90, 20], [45, 10]]) : shape === 'unknown' ? null : 360;
  const area = pick([['public', 72], ['outdoor', 18], ['indoor', 5], [null, 5]]);
  const zone = pick([['town', 40], ['traffic', 18], ['parking', 10], ['shop', 11], ['bank', 3], ['building', 8],
    ['entrance', 6], ['other', 4]]);
  const operatorType = pick([['public', 55], ['police', 9], ['transport', 9], ['private', 22], ['unknown', 5]]);
  const cityName = city ? city.name : null;
  const operator = operatorType === 'public' && cityName ? `Ville de ${cityName}`
    : operatorType === 'police' ? pick([['Police nationale', 1], ['Police municipale', 2], ['Gendarmerie nationale', 1]])
    : operatorType === 'transport' ? pick([['SNCF', 3], ['RATP', big ? 3 : 0], ['Keolis', 2], ['Transdev', 1]])
    : operatorType === 'private' ? pick([[null, 50], ['Carrefour', 8], ['Monoprix', 6], ['BNP Paribas', 4],
      ['Crédit Agricole', 4], ['Orange', 3], ['Syndic de copropriété', 10]])
    : null;
  const height = random() < 0.7 ? (2.5 + Math.floor(random() * 110) / 20).toFixed(2) : null;
  const vsa = random() < (big ? 0.12 : 0.05);
  const vsaEvidence = vsa && random() < 0.4
    ? `Délibération du conseil municipal n°${int(2018, 2026)}-${int(1, 400)} : vidéoprotection algorithmique`
    : null;
  const notes = random() < 0.12
    ? pick([['Caméra au carrefour, "vue" sur le passage piéton', 1], ['Sous l\'abri de bus', 1],
      ['Deux caméras sur le même mât', 1], ['Au-dessus de l\'entrée\tdu parking', 1]])
    : null;

  const status = inQueue ? 'pending'
    : pick([['approved', 900], ['pending', 55], ['rejected', 35], ['merged', approvedIds.length ? 10 : 0]]);
  const source = pick([['walker', 70], ['import', 25], ['moderator', 5]]);
  const sourceRef = source === 'import' ? `osm:node/${int(100000000, 12000000000)}` : null;
  const mergedInto = status === 'merged' ? approvedIds[int(0, approvedIds.length - 1)] : null;

  // Walkers send more each year; the queue is the last weeks.
  const observed = inQueue
    ? LAST - int(0, 60) * DAY
    : FIRST + Math.floor(Math.pow(random(), 0.7) * ((LAST - FIRST) / DAY)) * DAY;
  const created = observed + int(6, 22) * 3600000 + int(0, 3599) * 1000;
  const checked = random() < 0.35 ? Math.min(LAST, observed + int(0, 900) * DAY) : observed;
  const updated = status === 'pending' ? created : created + int(1, 30 * 24) * 3600000;
  const version = status === 'pending' ? 0 : int(1, 3);

  if (status === 'approved') approvedIds.push(id);
  out.push([
    id, `SRID=4326;POINT(${lon} ${lat})`, surveillance, shape, mount, `{${directions.join(',')}}`, fov, area,
    zone, operator, operatorType, height, vsa ? 't' : 'f', vsaEvidence, notes,
    city ? city.code : null, cityName, isoDay(observed), isoDay(checked), status, source, sourceRef,
    mergedInto, null, source === 'walker' ? hex32() : null, version, stamp(created), stamp(updated),
  ].map((v) => (typeof v === 'string' && v.startsWith('\\\\x') ? v : esc(v))).join('\t'));
  if (out.length === 5000) {
    process.stdout.write(out.join('\n') + '\n');
    out = [];
  }
}
if (out.length) process.stdout.write(out.join('\n') + '\n');
