// Reads a group's territory from a GeoJSON file (a QGIS or Overpass export, geojson.io…) and checks
// it before anything is sent, so the site admin learns in words what is wrong with the file. The
// server checks again (validity of the area, size): this only catches what a file commonly gets wrong.
//
// Accepted: a bare Polygon or MultiPolygon, a Feature of one, or a FeatureCollection of them. Several
// features are merged into one MultiPolygon (a town and its island, a group covering two towns);
// their parts must not overlap, which the server checks (an overlapping MultiPolygon is not a valid
// area). Anything else (points, lines, an empty collection) is refused, naming the culprit.

/** A refusal with a message key of messages.js and its values. */
export class TerritoryError extends Error {
  constructor(key, values = {}) {
    super(key);
    this.key = key;
    this.values = values;
  }
}

/** The server's own cap on a territory's positions (Territory.MAX_POINTS). */
export const MAX_POSITIONS = 100_000;

const POLYGONAL = new Set(['Polygon', 'MultiPolygon']);

/** The territory (Polygon or MultiPolygon) of a file's text; throws TerritoryError. */
export function parseTerritory(text) {
  if (!String(text ?? '').trim()) throw new TerritoryError('territory.empty');
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    throw new TerritoryError('territory.notJson');
  }
  return territoryOf(json);
}

/** The territory of parsed GeoJSON: a geometry, a Feature or a FeatureCollection. */
export function territoryOf(json) {
  if (!json || typeof json !== 'object' || Array.isArray(json)) throw new TerritoryError('territory.notGeojson');
  if (json.type === 'FeatureCollection') {
    if (!Array.isArray(json.features) || json.features.length === 0) throw new TerritoryError('territory.empty');
    return mergePolygons(json.features.map((feature, index) => featureGeometry(feature, index + 1)));
  }
  if (json.type === 'Feature') return mergePolygons([featureGeometry(json, 1)]);
  if (POLYGONAL.has(json.type)) return mergePolygons([json]);
  if (typeof json.type === 'string') throw new TerritoryError('territory.wrongType', { type: json.type });
  throw new TerritoryError('territory.notGeojson');
}

function featureGeometry(feature, n) {
  if (!feature || feature.type !== 'Feature') throw new TerritoryError('territory.notGeojson');
  const geometry = feature.geometry;
  if (!geometry) throw new TerritoryError('territory.featureEmpty', { n });
  if (!POLYGONAL.has(geometry.type)) throw new TerritoryError('territory.featureType', { n, type: geometry.type });
  return geometry;
}

/**
 * One Polygon, or a MultiPolygon of every polygon of the given geometries (each checked: closed
 * rings of at least 4 [lon, lat] positions in WGS84; heights are dropped). Null when there is none.
 */
export function mergePolygons(geometries) {
  const polygons = [];
  for (const geometry of geometries) {
    if (!geometry || !Array.isArray(geometry.coordinates)) throw new TerritoryError('territory.badCoordinates');
    const parts = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
    for (const polygon of parts) polygons.push(checkedPolygon(polygon));
  }
  if (!polygons.length) return null;
  const positions = polygons.flat(2).length;
  if (positions > MAX_POSITIONS)
    throw new TerritoryError('territory.tooManyPoints', { n: positions, max: MAX_POSITIONS });
  return polygons.length === 1
    ? { type: 'Polygon', coordinates: polygons[0] }
    : { type: 'MultiPolygon', coordinates: polygons };
}

function checkedPolygon(rings) {
  if (!Array.isArray(rings) || rings.length === 0) throw new TerritoryError('territory.badCoordinates');
  return rings.map(checkedRing);
}

function checkedRing(ring) {
  if (!Array.isArray(ring) || ring.length < 4) throw new TerritoryError('territory.shortRing');
  const positions = ring.map((p) => {
    if (!Array.isArray(p) || !Number.isFinite(p[0]) || !Number.isFinite(p[1]))
      throw new TerritoryError('territory.badCoordinates');
    // Metres of a projected system (Lambert 93, Web Mercator) are the usual mistake of an export.
    if (Math.abs(p[0]) > 180 || Math.abs(p[1]) > 90) throw new TerritoryError('territory.notWgs84');
    return [p[0], p[1]];
  });
  const [first, last] = [positions[0], positions[positions.length - 1]];
  if (first[0] !== last[0] || first[1] !== last[1]) throw new TerritoryError('territory.openRing');
  return positions;
}

/** Every polygon of a territory, as GeoJSON Polygon coordinates (to draw each as its own layer). */
export function polygonsOf(territory) {
  if (!territory) return [];
  return territory.type === 'Polygon' ? [territory.coordinates] : territory.coordinates;
}
