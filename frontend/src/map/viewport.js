// Which approved sightings to ask the server for, given what the map shows.

/**
 * The server refuses boxes above this area (square degrees): maxBboxArea of GET /api/config
 * (technocarte.api.max-bbox-area). Unknown until the configuration is read: the server decides.
 */
let maxBboxArea = Infinity;

/** Takes the caps the server serves at /api/config (a missing or bad one leaves the cap as it is). */
export function useServerCaps(config) {
  const area = config && config.maxBboxArea;
  if (typeof area === 'number' && area > 0) maxBboxArea = area;
}

const round = (x) => Math.round(x * 1e5) / 1e5;
const clamp = (x, min, max) => Math.min(max, Math.max(min, x));

/** [minLon, minLat, maxLon, maxLat] of a Leaflet-like bounds, clamped to the world, 5 decimals. */
export function bboxOf(bounds) {
  return [
    round(clamp(bounds.getWest(), -180, 180)),
    round(clamp(bounds.getSouth(), -90, 90)),
    round(clamp(bounds.getEast(), -180, 180)),
    round(clamp(bounds.getNorth(), -90, 90)),
  ];
}

export function bboxArea([minLon, minLat, maxLon, maxLat]) {
  return (maxLon - minLon) * (maxLat - minLat);
}

/** The query string of the filters: only what is set, in a stable order. */
export function filterParams(filters = {}) {
  const params = [];
  if (filters.cameraTypes && filters.cameraTypes.length)
    params.push(['cameraType', [...filters.cameraTypes].sort().join(',')]);
  if (filters.vsaOnly) params.push(['vsaSuspected', 'true']);
  if (filters.city) params.push(['city', filters.city]);
  if (filters.removed) params.push(['status', 'approved,removed']);
  return params;
}

/**
 * The request for a viewport: { url } or, when the box is larger than the server allows,
 * { zoomIn: true } so the map shows a hint instead of asking.
 */
export function viewportRequest(bounds, filters, maxArea = maxBboxArea) {
  const bbox = bboxOf(bounds);
  if (bboxArea(bbox) > maxArea) return { zoomIn: true, bbox };
  const search = new URLSearchParams([['bbox', bbox.join(',')], ...filterParams(filters)]);
  return { url: `/api/sightings?${search}`, bbox };
}

/** From this zoom on, markers are no longer clustered and fields of view are drawn. */
export const STREET_ZOOM = 17;
export const showsWedges = (zoom) => zoom >= STREET_ZOOM;
