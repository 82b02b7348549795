// The cities table as CSV (RFC 4180, like /api/export/sightings.csv): built in the browser from the very
// data the page shows, so the file and the table cannot disagree.
import { CAMERA_TYPES, SURVEILLANCE_TYPES, cityRow } from './shape.js';

/**
 * One field: quoted when it holds a comma, a quote, a line break or leading/trailing spaces. Text a
 * spreadsheet would run as a formula (= + - @ first) gets a leading apostrophe, as the server's export does.
 */
export function csvField(value) {
  let text = value === null || value === undefined ? '' : String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export const CSV_HEADER = [
  'code',
  'name',
  'cameras',
  'vsaSuspected',
  'vsaShare',
  ...SURVEILLANCE_TYPES.map((type) => `surveillanceType_${type}`),
  ...CAMERA_TYPES.map((type) => `cameraType_${type}`),
];

/**
 * Header row then one row per city, CRLF line ends. Column names are the API's (not translated), so a
 * script reads the French and the English file alike; the share is the API's fraction, not a rounded percent.
 */
export function citiesCsv(cities) {
  const rows = (cities || [])
    .map(cityRow)
    .map((r) => [r.code, r.name, r.cameras, r.vsaSuspected, r.vsaShare, ...r.bySurveillanceType, ...r.byCameraType]);
  return [CSV_HEADER, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** The file's name, dated like the server's exports. */
export function csvFileName(date = new Date()) {
  return `technocarte-stats-cities-${date.toISOString().slice(0, 10)}-ODbL-1.0.csv`;
}
