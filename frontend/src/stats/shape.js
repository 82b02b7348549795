// Turns GET /api/stats into what the table, the CSV and the charts show: no DOM here, so it is unit-tested.

import { CAMERA_TYPES, SURVEILLANCE_TYPES } from '../sighting/fields.js';

/** The design's values, in its order: the table's columns and the CSV's. */
export { CAMERA_TYPES, SURVEILLANCE_TYPES };

/** Bars of the cities chart: the `limit` largest, largest first (the API already sorts them; we do not rely on it). */
export function citySeries(cities, limit = 12) {
  const top = [...(cities || [])].sort((a, b) => b.cameras - a.cameras || a.name.localeCompare(b.name)).slice(0, limit);
  return { labels: top.map((c) => c.name), values: top.map((c) => c.cameras) };
}

/** 'YYYY-MM' → the next month, in the same form. */
export function nextMonth(month) {
  const [year, m] = month.split('-').map(Number);
  return m === 12 ? `${year + 1}-01` : `${year}-${String(m + 1).padStart(2, '0')}`;
}

/**
 * Months from the first to the last with their counts, a month without any camera added shown as 0
 * (the API lists only months that have some): a gap in the chart is then a real gap. `values` are
 * the cameras added, `removed` those seen gone, `net` the growth (added minus removed).
 */
export function monthSeries(addedPerMonth, removedPerMonth = []) {
  const counts = new Map((addedPerMonth || []).map((m) => [m.month, m.count]));
  const gone = new Map((removedPerMonth || []).map((m) => [m.month, m.count]));
  const months = [...new Set([...counts.keys(), ...gone.keys()])].sort();
  if (!months.length) return { labels: [], values: [], removed: [], net: [] };
  const labels = [];
  for (let month = months[0]; month <= months[months.length - 1]; month = nextMonth(month)) labels.push(month);
  const values = labels.map((month) => counts.get(month) ?? 0);
  const removed = labels.map((month) => gone.get(month) ?? 0);
  return { labels, values, removed, net: values.map((added, i) => added - removed[i]) };
}

/** One row of the cities table: the counts by type in the fixed column order, 0 where the API omits one. */
export function cityRow(city) {
  return {
    code: city.code,
    name: city.name,
    cameras: city.cameras,
    vsaSuspected: city.vsaSuspected,
    vsaShare: city.vsaShare,
    bySurveillanceType: SURVEILLANCE_TYPES.map((type) => city.bySurveillanceType?.[type] ?? 0),
    byCameraType: CAMERA_TYPES.map((type) => city.byCameraType?.[type] ?? 0),
  };
}
