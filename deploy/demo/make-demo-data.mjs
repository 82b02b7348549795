#!/usr/bin/env node
/**
 * make-demo-data.mjs — generates Technocarte's demo data set
 * (src/main/resources/demo/sightings.geojson): ~200 fictitious but realistic
 * camera sightings, ~120 in central Montpellier and ~80 in Paris 11e.
 *
 * Positions are NOT random clouds: cameras are spread along hand-drawn
 * polylines (streets, square perimeters) and around points (tram stops),
 * a few metres to some tens of metres apart, offset towards the facades.
 * The place geometries below are approximate WGS84 coordinates (a few tens
 * of metres of error are expected); the sightings themselves are demo data
 * and do not document real devices.
 *
 * Fully deterministic (seeded PRNG, no Date.now()): re-running the script
 * yields a byte-identical file. It validates the output (allowed keys and
 * values, ranges, dates, counts per city) and exits non-zero on error.
 *
 * Usage:  node deploy/demo/make-demo-data.mjs [outputPath]
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const outPath = resolve(process.argv[2] ?? resolve(here, '..', '..', 'src/main/resources/demo/sightings.geojson'));

// ---------------------------------------------------------------- PRNG ----
function mulberry32(seed) {
  return () => {
    seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rnd = mulberry32(0x7ec4c0de);
const rint = (a, b) => a + Math.floor(rnd() * (b - a + 1));
const pick = (arr) => arr[Math.floor(rnd() * arr.length)];
const chance = (p) => rnd() < p;
/** weighted pick: [[value, weight], ...] */
const wpick = (pairs) => {
  let r = rnd() * pairs.reduce((s, [, w]) => s + w, 0);
  for (const [v, w] of pairs) if ((r -= w) < 0) return v;
  return pairs[pairs.length - 1][0];
};

// ------------------------------------------------------------ geometry ----
const M_PER_DEG = 111320;
const toRad = (d) => (d * Math.PI) / 180;
/** move [lon,lat] by (east, north) metres */
const offset = ([lon, lat], east, north) =>
  [lon + east / (M_PER_DEG * Math.cos(toRad(lat))), lat + north / M_PER_DEG];
const distM = ([lo1, la1], [lo2, la2]) =>
  Math.hypot((lo2 - lo1) * M_PER_DEG * Math.cos(toRad((la1 + la2) / 2)), (la2 - la1) * M_PER_DEG);
/** initial bearing a -> b, degrees clockwise from north, 0..359 */
const bearing = ([lo1, la1], [lo2, la2]) => {
  const e = (lo2 - lo1) * Math.cos(toRad((la1 + la2) / 2)), n = la2 - la1;
  return (Math.round((Math.atan2(e, n) * 180) / Math.PI) + 360) % 360;
};
const norm = (d) => ((Math.round(d) % 360) + 360) % 360;

/**
 * Spread n positions along a polyline (array of [lon,lat]) with ±25 % jitter of
 * the spacing, each shifted sideways by `side` metres (+ = right of travel
 * direction, - = left; 'alt' alternates, 0 = on the line). Returns
 * [{pos, bearing}] where bearing is the street direction at that point.
 */
function alongLine(line, n, { side = 'alt', sideM = 9, closed = false } = {}) {
  const pts = closed ? [...line, line[0]] : line;
  const segs = [];
  let total = 0;
  for (let i = 0; i < pts.length - 1; i++) {
    const len = distM(pts[i], pts[i + 1]);
    segs.push({ a: pts[i], b: pts[i + 1], start: total, len });
    total += len;
  }
  const step = total / (closed ? n : n + 1);
  const out = [];
  for (let k = 0; k < n; k++) {
    let d = (closed ? k + 0.5 : k + 1) * step + (rnd() - 0.5) * 0.5 * step;
    d = Math.min(Math.max(d, 0), total - 0.01);
    const s = segs.find((g) => d >= g.start && d < g.start + g.len) ?? segs[segs.length - 1];
    const f = (d - s.start) / s.len;
    const p = [s.a[0] + (s.b[0] - s.a[0]) * f, s.a[1] + (s.b[1] - s.a[1]) * f];
    const br = bearing(s.a, s.b);
    const sgn = side === 'alt' ? (k % 2 ? -1 : 1) : Math.sign(side);
    const m = sgn * (sideM + (rnd() - 0.5) * 3); // facade line ± 1.5 m
    const r = toRad(br + 90);
    out.push({ pos: offset(p, Math.sin(r) * m, Math.cos(r) * m), bearing: br, sideSign: sgn });
  }
  return out;
}
/** n positions around a centre at radius r metres, angles from a0 to a1 (deg from north) */
function aroundPoint(c, n, r, a0 = 0, a1 = 360) {
  const out = [];
  const span = a1 - a0, full = Math.abs(span) >= 360;
  for (let k = 0; k < n; k++) {
    const a = a0 + (full ? (k + rnd() * 0.6) * (span / n) : (n === 1 ? 0.5 : k / (n - 1)) * span) + (rnd() - 0.5) * 8;
    const rr = r * (0.85 + rnd() * 0.3);
    out.push({ pos: offset(c, Math.sin(toRad(a)) * rr, Math.cos(toRad(a)) * rr), bearing: norm(a + 90), facing: norm(a + 180) });
  }
  return out;
}

// -------------------------------------------------------------- places ----
// All coordinates [lon, lat], approximate.
const MTP = {
  comedie: [[3.87955, 43.60825], [3.87905, 43.60860], [3.87930, 43.60905], [3.88010, 43.60950],
    [3.88100, 43.60975], [3.88135, 43.60940], [3.88080, 43.60880], [3.88020, 43.60835]],
  esplanade: [[3.88120, 43.60985], [3.88160, 43.61100], [3.88200, 43.61250], [3.88230, 43.61330]],
  corum: [3.88290, 43.61410],
  gareParvis: [[3.87960, 43.60505], [3.88090, 43.60485]],
  rueMaguelone: [[3.87965, 43.60805], [3.87975, 43.60690], [3.87990, 43.60560]],
  antigone: [[3.88700, 43.60840], [3.88900, 43.60830], [3.89200, 43.60810], [3.89450, 43.60790], [3.89750, 43.60760]],
  polygoneInside: [[3.88380, 43.60870], [3.88500, 43.60860], [3.88600, 43.60850]],
  polygoneWest: [3.88310, 43.60890],
  polygoneEast: [3.88655, 43.60845],
  polygoneParking: [3.88500, 43.60790],
  rueLoge: [[3.87920, 43.60925], [3.87850, 43.60965], [3.87780, 43.61015]],
  jeanJaures: [3.87760, 43.61045],
  grandRueJeanMoulin: [[3.87800, 43.60990], [3.87740, 43.60880], [3.87700, 43.60760]],
  aiguillerie: [[3.87790, 43.61070], [3.87880, 43.61150], [3.87960, 43.61220]],
  jeuDePaume: [[3.87700, 43.60680], [3.87560, 43.60800], [3.87420, 43.60940], [3.87330, 43.61050]],
  peyrouArc: [3.87285, 43.61120],
  peyrouPromenade: [[3.87230, 43.61115], [3.87100, 43.61110], [3.86960, 43.61102], [3.86860, 43.61096]],
  tram: [ // [name, [lon,lat], track bearing]
    ['Comédie', [3.87990, 43.60880], 60], ['Corum', [3.88240, 43.61370], 15],
    ['Gare Saint-Roch', [3.88000, 43.60530], 90], ['Antigone', [3.88750, 43.60870], 95],
    ['Léon Blum', [3.89140, 43.60860], 95], ["Place de l'Europe", [3.89520, 43.60800], 100],
    ['Louis Blanc', [3.88020, 43.61450], 80], ['Observatoire', [3.87700, 43.60640], 120],
    ['Saint-Denis', [3.87470, 43.60570], 110], ['Peyrou - Arc de Triomphe', [3.87350, 43.61140], 150],
    ['Albert 1er - Cathédrale', [3.87460, 43.61480], 100],
  ],
};
const PAR = {
  republique: [[2.36250, 48.86800], [2.36350, 48.86870], [2.36540, 48.86810], [2.36620, 48.86720],
    [2.36520, 48.86650], [2.36380, 48.86660], [2.36280, 48.86730]],
  oberkampf: [[2.36760, 48.86460], [2.37180, 48.86510], [2.37460, 48.86550], [2.37880, 48.86620], [2.38280, 48.86640]],
  voltaire: [[2.36570, 48.86680], [2.36820, 48.86460], [2.37080, 48.86310], [2.37400, 48.86110],
    [2.37750, 48.85900], [2.37990, 48.85760], [2.38500, 48.85430]],
  roquette: [[2.37060, 48.85370], [2.37400, 48.85520], [2.37700, 48.85660], [2.37950, 48.85740],
    [2.38450, 48.85900], [2.38900, 48.86040]],
  leonBlum: [2.37970, 48.85770],
  bastille: [2.36920, 48.85320],
  richardLenoir: [[2.36990, 48.85440], [2.37050, 48.85640], [2.37170, 48.85960], [2.37100, 48.86300], [2.36980, 48.86520]],
  fbgStAntoine: [[2.37070, 48.85290], [2.37350, 48.85200], [2.37650, 48.85130], [2.38000, 48.85060], [2.38400, 48.85000]],
};

// ------------------------------------------------------ property makers ----
const LINK_MTP = 'https://technopolice.fr/montpellier/';
const LINK_TP = 'https://technopolice.fr/';
const VSA_MTP = [
  `Caméra du réseau municipal concerné par le marché de vidéosurveillance algorithmique de la Ville et de la Métropole, signalé par le collectif local (${LINK_MTP})`,
  `Réseau public raccordé au centre de supervision urbain ; analyse automatisée des flux évoquée dans les documents de marché public, signalé par le collectif local (${LINK_MTP})`,
  `Délibération du conseil municipal sur l'extension de la vidéoprotection et un logiciel d'analyse d'images, d'après le collectif local (${LINK_MTP})`,
];
const VSA_PAR = [
  `Périmètre des expérimentations de VSA prévues par la loi relative aux Jeux olympiques et paralympiques de 2024, signalé par le collectif local (${LINK_TP})`,
  `Caméra du réseau RATP/Préfecture susceptible d'avoir été intégrée aux expérimentations de VSA autour des JO 2024, d'après La Quadrature du Net (https://www.laquadrature.net/)`,
];

function randomDate(from, to) {
  const a = Date.UTC(...from), b = Date.UTC(...to);
  return new Date(a + Math.floor(rnd() * ((b - a) / 86400000 + 1)) * 86400000).toISOString().slice(0, 10);
}
const addDays = (iso, d) => new Date(Date.parse(iso) + d * 86400000).toISOString().slice(0, 10);
const MAX_DATE = '2026-11-01';

/**
 * Build one sighting. `o` carries the place-specific profile; unspecified
 * fields are filled from sensible weighted defaults.
 */
function sighting(city, pos, street, o = {}) {
  const surveillanceType = o.surveillanceType ?? 'camera';
  let cameraType = o.cameraType ?? wpick([['fixed', 5], ['dome', 4], ['panning', 2], ['unknown', 1]]);
  if (surveillanceType === 'guard' || surveillanceType === 'other') cameraType = o.cameraType ?? 'unknown';
  const p = { surveillanceType, cameraType, mount: o.mount ?? wpick([['pole', 4], ['wall', 4], ['street_lamp', 2], ['building', 1]]) };

  // directions: fixed -> one direction along the street; panning -> 0-2; dome -> mostly none
  let dirs;
  if (o.directions) dirs = o.directions;
  else if (cameraType === 'fixed') dirs = [norm(street + (chance(0.5) ? 0 : 180) + rint(-10, 10))];
  else if (cameraType === 'panning') dirs = chance(0.5) ? [] : [norm(street + rint(-15, 15)), norm(street + 180 + rint(-15, 15))].slice(0, rint(1, 2));
  else if (cameraType === 'dome') dirs = chance(0.8) ? [] : [norm(street + rint(0, 359))];
  else dirs = chance(0.7) ? [] : [norm(street + rint(-20, 20))];
  p.directions = dirs;
  if (o.fieldOfView !== null) {
    const fov = o.fieldOfView ?? (cameraType === 'fixed' ? (chance(0.6) ? pick([45, 60, 70, 90]) : undefined)
      : cameraType === 'dome' ? (chance(0.5) ? 360 : undefined)
      : cameraType === 'panning' ? (chance(0.3) ? pick([90, 120, 180]) : undefined) : undefined);
    if (fov !== undefined) p.fieldOfView = fov;
  }
  p.area = o.area ?? 'public';
  p.zone = o.zone ?? 'town';
  if (o.operator !== null) {
    const op = o.operator ?? ((o.vsa || chance(0.85)) ? (city === 'Montpellier' ? 'Ville de Montpellier' : pick(['Préfecture de Police', 'Préfecture de Police', 'Ville de Paris'])) : undefined);
    if (op !== undefined) p.operator = op;
  }
  p.operatorType = o.operatorType ?? (p.operator === undefined ? 'unknown'
    : /Préfecture/.test(p.operator) ? 'police'
    : /^(TaM|RATP|SNCF)$/.test(p.operator) ? 'transport'
    : /^(Ville|Montpellier Méditerranée|Mairie)/.test(p.operator) ? 'public' : 'private');
  if (o.height !== null) {
    const h = o.height ?? (chance(0.7) ? Math.round((p.mount === 'ceiling' ? 2.5 + rnd() * 1.5
      : p.mount === 'gantry' ? 6 + rnd() * 2 : p.mount === 'building' ? 6 + rnd() * 6 : 3 + rnd() * 4) * 10) / 10 : undefined);
    if (h !== undefined) p.height = h;
  }
  p.vsaSuspected = !!o.vsa;
  if (o.vsa) p.vsaEvidence = o.vsaEvidence ?? pick(city === 'Montpellier' ? VSA_MTP : VSA_PAR);
  if (o.notes) p.notes = o.notes;
  p.observedAt = randomDate([2024, 0, 1], [2026, 9, 1]);
  if (chance(0.5)) {
    const c = addDays(p.observedAt, rint(0, 240));
    p.checkDate = c > MAX_DATE ? MAX_DATE : c;
  }
  p.status = 'approved';
  return { type: 'Feature', geometry: { type: 'Point', coordinates: [+pos[0].toFixed(6), +pos[1].toFixed(6)] }, properties: p, _city: city };
}

const features = [];
const add = (city, list, mk) => list.forEach((pt, i) => features.push(mk(pt, i)));

// -------------------------------------------------------- Montpellier ----
const M = 'Montpellier';
const mtpVsa = (i, every) => i % every === 0;
add(M, alongLine(MTP.comedie, 16, { closed: true, side: 0 }), (pt, i) => sighting(M, pt.pos, pt.bearing, {
  mount: i % 3 === 0 ? 'building' : pick(['pole', 'street_lamp', 'wall']),
  cameraType: i % 4 === 1 ? 'dome' : undefined, vsa: mtpVsa(i, 4),
  notes: i === 0 ? "Façade de l'Opéra Comédie, caméra orientée vers la place." : i === 6 ? 'Mât de plusieurs caméras au-dessus des terrasses.' : undefined,
}));
add(M, alongLine(MTP.esplanade, 10, { sideM: 14 }), (pt, i) => sighting(M, pt.pos, pt.bearing, {
  mount: pick(['pole', 'street_lamp']), vsa: mtpVsa(i, 5),
  notes: i === 3 ? "Le long de l'allée principale de l'Esplanade, près des kiosques." : undefined,
}));
add(M, aroundPoint(MTP.corum, 5, 35, 180, 330), (pt, i) => sighting(M, pt.pos, pt.facing, {
  mount: i < 2 ? 'building' : 'pole', zone: i < 2 ? 'building' : 'town',
  operator: i < 2 ? 'Montpellier Events (Corum)' : undefined, area: i < 2 ? 'outdoor' : 'public', vsa: i === 3,
  notes: i === 0 ? "Dôme sur le parvis du Corum, près de l'entrée principale." : undefined, cameraType: i === 0 ? 'dome' : undefined,
}));
add(M, alongLine(MTP.gareParvis, 6, { side: 0 }), (pt, i) => sighting(M, pt.pos, norm(pt.bearing - 90), {
  operator: i % 2 ? 'SNCF' : 'Ville de Montpellier', mount: i % 2 ? 'building' : 'pole',
  zone: i % 2 ? 'entrance' : 'town', vsa: i === 0 || i === 4,
  notes: i === 1 ? 'Au-dessus des portes de la gare Saint-Roch, côté parvis.' : undefined,
}));
add(M, alongLine(MTP.rueMaguelone, 6, { sideM: 7 }), (pt, i) => sighting(M, pt.pos, pt.bearing, {
  mount: i === 2 ? 'building' : pick(['wall', 'street_lamp']),
  operator: i === 2 ? 'Agence bancaire' : undefined, zone: i === 2 ? 'bank' : 'town', area: i === 2 ? 'outdoor' : 'public',
  cameraType: i === 2 ? 'dome' : undefined,
}));
add(M, alongLine(MTP.antigone, 12, { sideM: 12 }), (pt, i) => sighting(M, pt.pos, pt.bearing, {
  mount: i % 4 === 3 ? 'building' : pick(['pole', 'street_lamp', 'wall']),
  zone: i === 5 ? 'parking' : i % 4 === 3 ? 'building' : 'town',
  operator: i % 4 === 3 ? 'Bailleur (résidence Antigone)' : i === 5 ? 'Parking Antigone' : undefined,
  area: i % 4 === 3 || i === 5 ? 'outdoor' : 'public', vsa: i === 2,
  notes: i === 0 ? "Place du Nombre d'Or, sous les arcades." : i === 11 ? "Esplanade de l'Europe, face au Lez." : undefined,
}));
{
  const polyPts = [
    ...aroundPoint(MTP.polygoneWest, 3, 8, 200, 340).map((x) => ({ ...x, kind: 'west' })),
    ...alongLine(MTP.polygoneInside, 4, { side: 0 }).map((x) => ({ ...x, kind: 'inside' })),
    ...aroundPoint(MTP.polygoneEast, 2, 8, 40, 140).map((x) => ({ ...x, kind: 'east' })),
    ...aroundPoint(MTP.polygoneParking, 1, 6, 160, 200).map((x) => ({ ...x, kind: 'parking' })),
  ];
  add(M, polyPts, (pt, i) => {
    if (i === 1) return sighting(M, pt.pos, pt.facing, {
      surveillanceType: 'guard', mount: 'other', directions: [], fieldOfView: null, height: null,
      area: 'outdoor', zone: 'entrance', operator: 'Polygone (centre commercial)', operatorType: 'private',
      notes: "Agents de sécurité privée en poste à l'entrée côté Comédie.",
    });
    const inside = pt.kind === 'inside';
    return sighting(M, pt.pos, inside ? pt.bearing : pt.facing, {
      mount: inside ? 'ceiling' : pt.kind === 'parking' ? 'wall' : 'building',
      cameraType: inside ? 'dome' : undefined,
      area: inside ? 'indoor' : 'outdoor', zone: pt.kind === 'parking' ? 'parking' : inside ? 'shop' : 'entrance',
      operator: inside && i === 5 ? 'Galeries Lafayette' : inside && i === 6 ? 'Fnac' : 'Polygone (centre commercial)',
      notes: pt.kind === 'parking' ? 'Entrée du parking souterrain, caméra face à la barrière.' : undefined,
    });
  });
}
add(M, alongLine(MTP.rueLoge, 8, { sideM: 5 }), (pt, i) => sighting(M, pt.pos, pt.bearing, {
  mount: i % 3 === 2 ? 'building' : 'wall', zone: i % 3 === 2 ? 'shop' : 'town',
  operator: i % 3 === 2 ? pick(['Pharmacie', 'Boutique de prêt-à-porter', 'Bijouterie']) : undefined,
  area: i % 3 === 2 ? 'outdoor' : 'public', cameraType: i % 3 === 2 ? 'dome' : 'fixed',
  notes: i === 4 ? 'Rue piétonne étroite, caméra fixée en angle de façade au 1er étage.' : undefined,
}));
add(M, aroundPoint(MTP.jeanJaures, 6, 28), (pt, i) => sighting(M, pt.pos, pt.facing, {
  mount: i % 2 ? 'wall' : 'pole', directions: i % 2 ? [pt.facing] : undefined, vsa: i === 2,
  notes: i === 0 ? 'Vue sur les terrasses de la place Jean-Jaurès.' : undefined,
}));
add(M, alongLine(MTP.grandRueJeanMoulin, 7, { sideM: 4 }), (pt, i) => sighting(M, pt.pos, pt.bearing, {
  mount: 'wall', cameraType: i === 3 ? 'panning' : undefined,
  operator: i === 5 ? 'Agence bancaire' : undefined, zone: i === 5 ? 'bank' : 'town', area: i === 5 ? 'outdoor' : 'public',
}));
add(M, alongLine(MTP.aiguillerie, 7, { sideM: 4 }), (pt, i) => sighting(M, pt.pos, pt.bearing, {
  mount: i === 6 ? 'street_lamp' : 'wall', operator: i === 2 ? 'Commerce (épicerie fine)' : undefined,
  zone: i === 2 ? 'shop' : 'town', area: i === 2 ? 'outdoor' : 'public',
  notes: i === 4 ? 'Rue commerçante, caméra signalée lors de la balade Technopolice.' : undefined,
}));
{
  const jdp = alongLine(MTP.jeuDePaume, 8, { sideM: 10 });
  add(M, jdp, (pt, i) => (i === 1 || i === 5)
    ? sighting(M, pt.pos, pt.bearing, {
      surveillanceType: 'alpr', cameraType: 'fixed', mount: i === 1 ? 'gantry' : 'traffic_signals',
      directions: [norm(pt.bearing + (pt.sideSign > 0 ? 0 : 180))], fieldOfView: 30, zone: 'traffic',
      operator: 'Montpellier Méditerranée Métropole', notes: 'Lecture automatisée de plaques (LAPI) au-dessus des voies du boulevard.',
    })
    : sighting(M, pt.pos, pt.bearing, {
      mount: pick(['pole', 'traffic_signals', 'street_lamp']), zone: i === 3 ? 'traffic' : 'town',
      operator: i === 3 ? 'Montpellier Méditerranée Métropole' : undefined, vsa: i === 6,
    }));
}
add(M, [...aroundPoint(MTP.peyrouArc, 3, 20, 90, 270), ...alongLine(MTP.peyrouPromenade, 4, { sideM: 15 })], (pt, i) =>
  i === 4
    ? sighting(M, pt.pos, pt.bearing, {
      surveillanceType: 'other', cameraType: 'unknown', mount: 'pole', directions: [], fieldOfView: null,
      operator: 'Ville de Montpellier', notes: 'Boîtier avec micro et haut-parleur sur un mât (capteur sonore ?), à vérifier.',
    })
    : sighting(M, pt.pos, pt.facing ?? pt.bearing, {
      mount: pick(['pole', 'street_lamp']), vsa: i === 0,
      notes: i === 0 ? "Caméra dôme au pied de l'Arc de Triomphe, côté rue Foch." : undefined,
      cameraType: i === 0 ? 'dome' : undefined,
    }));
{
  const tramPts = [];
  MTP.tram.forEach(([name, c, br], k) => {
    const n = k === 0 ? 2 : 1;
    for (let j = 0; j < n; j++) {
      const along = (j === 0 ? -1 : 1) * rint(10, 25), across = (chance(0.5) ? 1 : -1) * rint(3, 5);
      const r = toRad(br), rp = toRad(br + 90);
      tramPts.push({ name, br, pos: offset(c, Math.sin(r) * along + Math.sin(rp) * across, Math.cos(r) * along + Math.cos(rp) * across) });
    }
  });
  add(M, tramPts, (pt, i) => sighting(M, pt.pos, pt.br, {
    mount: pick(['pole', 'ceiling']), operator: 'TaM', zone: 'traffic',
    cameraType: pick(['fixed', 'dome', 'dome']), vsa: i % 4 === 0, vsaEvidence: VSA_MTP[1],
    notes: chance(0.5) ? `Station de tramway ${pt.name}, caméra sous l'abri du quai.` : undefined,
  }));
}

// ----------------------------------------------------------- Paris 11e ----
const P = 'Paris';
add(P, alongLine(PAR.republique, 10, { closed: true, side: 0 }), (pt, i) => sighting(P, pt.pos, pt.bearing, {
  mount: pick(['pole', 'street_lamp', 'pole']), operator: i % 2 ? 'Préfecture de Police' : 'Ville de Paris',
  cameraType: i % 3 === 0 ? 'dome' : undefined, vsa: i === 0 || i === 5,
  notes: i === 2 ? 'Mât de la Préfecture de Police, angle de la place côté boulevard Voltaire.' : undefined,
}));
add(P, alongLine(PAR.oberkampf, 10, { sideM: 6 }), (pt, i) => sighting(P, pt.pos, pt.bearing, {
  mount: i % 3 === 1 ? 'building' : pick(['wall', 'street_lamp']),
  operator: i % 3 === 1 ? pick(['Franprix', 'Monoprix', 'Bar-tabac', 'Agence bancaire']) : undefined,
  zone: i % 3 === 1 ? 'shop' : 'town', area: i % 3 === 1 ? 'outdoor' : 'public',
  notes: i === 3 ? 'Près du carrefour avec la rue Saint-Maur, vue sur les terrasses.' : undefined,
}));
add(P, alongLine(PAR.voltaire, 16, { sideM: 14 }), (pt, i) => (i === 4 || i === 11)
  ? sighting(P, pt.pos, pt.bearing, {
    surveillanceType: 'alpr', cameraType: 'fixed', mount: i === 4 ? 'traffic_signals' : 'pole',
    directions: [norm(pt.bearing + (pt.sideSign > 0 ? 0 : 180))], fieldOfView: 30, zone: 'traffic',
    operator: 'Préfecture de Police', notes: 'Caméra LAPI orientée vers la voie de circulation.',
  })
  : sighting(P, pt.pos, pt.bearing, {
    mount: pick(['pole', 'street_lamp', 'traffic_signals', 'wall']), zone: i % 5 === 2 ? 'traffic' : 'town',
    notes: i === 2 ? 'À proximité du Bataclan, mât à plusieurs caméras.' : undefined,
  }));
add(P, alongLine(PAR.roquette, 10, { sideM: 6 }), (pt, i) => sighting(P, pt.pos, pt.bearing, {
  mount: i % 4 === 2 ? 'building' : 'wall', operator: i % 4 === 2 ? pick(['Franprix', 'Agence bancaire', 'Pharmacie']) : undefined,
  zone: i % 4 === 2 ? 'shop' : 'town', area: i % 4 === 2 ? 'outdoor' : 'public',
  notes: i === 7 ? 'Face au square de la Roquette.' : undefined,
}));
add(P, aroundPoint(PAR.leonBlum, 8, 40), (pt, i) => i === 6
  ? sighting(P, pt.pos, pt.facing, {
    surveillanceType: 'guard', mount: 'other', directions: [], fieldOfView: null, height: null,
    area: 'outdoor', zone: 'entrance', operator: 'Ville de Paris', operatorType: 'public',
    notes: "Agent de sécurité à l'entrée de la mairie du 11e les jours d'affluence.",
  })
  : sighting(P, pt.pos, pt.facing, {
    mount: i === 5 ? 'building' : pick(['pole', 'street_lamp']), operator: i === 5 ? 'Mairie du 11e arrondissement' : undefined,
    zone: i === 5 ? 'building' : 'town', directions: i % 2 ? [pt.facing] : undefined,
    notes: i === 5 ? 'Façade de la mairie du 11e, au-dessus du porche.' : undefined,
  }));
add(P, aroundPoint(PAR.bastille, 7, 80, 0, 150), (pt, i) => sighting(P, pt.pos, pt.facing, {
  mount: 'pole', operator: i === 3 ? 'RATP' : 'Préfecture de Police', zone: i === 3 ? 'entrance' : 'town',
  cameraType: i % 2 ? 'panning' : 'dome', vsa: i === 1 || i === 3,
  notes: i === 3 ? 'Au-dessus d’un accès au métro Bastille.' : i === 0 ? 'Côté 11e de la place, vers la rue de la Roquette.' : undefined,
}));
add(P, alongLine(PAR.richardLenoir, 9, { sideM: 18 }), (pt, i) => i === 5
  ? sighting(P, pt.pos, pt.bearing, {
    surveillanceType: 'alpr', cameraType: 'fixed', mount: 'pole', directions: [pt.bearing], fieldOfView: 30,
    zone: 'traffic', operator: 'Préfecture de Police', notes: 'LAPI probable, boîtier infrarouge caractéristique.',
  })
  : sighting(P, pt.pos, pt.bearing, {
    mount: pick(['pole', 'street_lamp']),
    notes: i === 2 ? 'Près du marché Bastille (jeudi et dimanche).' : i === 4 ? 'Station Richard-Lenoir, côté promenade.' : undefined,
    operator: i === 4 ? 'RATP' : undefined,
  }));
add(P, alongLine(PAR.fbgStAntoine, 10, { side: -1, sideM: 7 }), (pt, i) => sighting(P, pt.pos, pt.bearing, {
  mount: i % 2 ? 'building' : 'wall', operator: i % 2 ? pick(['Monoprix', 'Agence bancaire', 'Magasin de meubles', 'Opticien']) : undefined,
  zone: i % 2 ? (i === 3 ? 'bank' : 'shop') : 'town', area: i % 2 ? 'outdoor' : 'public',
  cameraType: i % 2 ? 'dome' : undefined,
  notes: i === 0 ? 'Côté nord (11e) du faubourg, près de Bastille.' : undefined,
}));

// ~12 pending sightings, chosen deterministically
const pendingIdx = new Set();
while (pendingIdx.size < 12) pendingIdx.add(rint(0, features.length - 1));
for (const i of pendingIdx) features[i].properties.status = 'pending';

// --------------------------------------------------------- validation ----
const ENUMS = {
  surveillanceType: ['camera', 'alpr', 'guard', 'other'],
  cameraType: ['fixed', 'dome', 'panning', 'unknown'],
  mount: ['pole', 'wall', 'ceiling', 'street_lamp', 'building', 'traffic_signals', 'gantry', 'other'],
  area: ['public', 'outdoor', 'indoor'],
  zone: ['town', 'traffic', 'parking', 'shop', 'bank', 'building', 'entrance', 'other'],
  operatorType: ['public', 'police', 'transport', 'private', 'unknown'],
  status: ['approved', 'pending'],
};
const ALLOWED = new Set([...Object.keys(ENUMS), 'directions', 'fieldOfView', 'vsaSuspected', 'vsaEvidence',
  'operator', 'height', 'notes', 'observedAt', 'checkDate']);
const REQUIRED = ['surveillanceType', 'cameraType', 'mount', 'directions', 'area', 'zone', 'operatorType', 'vsaSuspected', 'observedAt', 'status'];
const BBOX = { Montpellier: [3.86, 43.60, 3.90, 43.62], Paris: [2.36, 48.848, 2.392, 48.870] };
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const errors = [];
const counts = {};
const bump = (k) => { counts[k] = (counts[k] ?? 0) + 1; };
features.forEach((f, i) => {
  const p = f.properties, e = (m) => errors.push(`#${i} (${f._city}): ${m}`);
  const [lon, lat] = f.geometry.coordinates;
  const [x0, y0, x1, y1] = BBOX[f._city];
  if (!(lon >= x0 && lon <= x1 && lat >= y0 && lat <= y1)) e(`outside ${f._city} bbox: ${lon},${lat}`);
  for (const k of Object.keys(p)) if (!ALLOWED.has(k)) e(`unexpected key ${k}`);
  for (const k of REQUIRED) if (p[k] === undefined) e(`missing ${k}`);
  for (const [k, vals] of Object.entries(ENUMS)) if (!vals.includes(p[k])) e(`bad ${k}=${p[k]}`);
  if (!Array.isArray(p.directions) || p.directions.length > 3 || !p.directions.every((d) => Number.isInteger(d) && d >= 0 && d <= 359)) e(`bad directions ${p.directions}`);
  if ('fieldOfView' in p && !(Number.isInteger(p.fieldOfView) && p.fieldOfView >= 1 && p.fieldOfView <= 360)) e('bad fieldOfView');
  if ('height' in p && !(typeof p.height === 'number' && p.height >= 2 && p.height <= 12)) e(`bad height ${p.height}`);
  if (typeof p.vsaSuspected !== 'boolean' || (p.vsaSuspected !== ('vsaEvidence' in p))) e('vsaEvidence must be present iff vsaSuspected');
  if ('notes' in p && (typeof p.notes !== 'string' || p.notes.length > 200)) e('bad notes');
  if ('operator' in p && (typeof p.operator !== 'string' || !p.operator)) e('bad operator');
  if (!DATE.test(p.observedAt) || p.observedAt < '2024-01-01' || p.observedAt > MAX_DATE) e(`bad observedAt ${p.observedAt}`);
  if ('checkDate' in p && (!DATE.test(p.checkDate) || p.checkDate < p.observedAt || p.checkDate > MAX_DATE)) e(`bad checkDate ${p.checkDate}`);
  bump(`city:${f._city}`); bump(`type:${p.surveillanceType}`); bump(`status:${p.status}`);
  if (p.vsaSuspected) bump(`vsa:${f._city}`);
  if (p.checkDate) bump('withCheckDate');
});
// minimum spacing sanity check (no two sightings closer than 2 m)
for (let i = 0; i < features.length; i++) for (let j = i + 1; j < features.length; j++) {
  const d = distM(features[i].geometry.coordinates, features[j].geometry.coordinates);
  if (d < 2) errors.push(`#${i} and #${j} are only ${d.toFixed(1)} m apart`);
}

const fc = { type: 'FeatureCollection', features: features.map(({ _city, ...f }) => f) };
mkdirSync(dirname(outPath), { recursive: true });
writeFileSync(outPath, JSON.stringify(fc, null, 1) + '\n');
console.log(`${outPath}: ${features.length} features`);
console.log(Object.entries(counts).sort().map(([k, v]) => `  ${k.padEnd(20)} ${v}`).join('\n'));
if (errors.length) {
  console.error(`${errors.length} validation error(s):\n  ` + errors.join('\n  '));
  process.exit(1);
}
console.log('validation OK');
