// What the party page draws, from GET /api/campaigns/{code}: no DOM here, so it is unit-tested.
import { formatDate } from '../ui/dates.js';

/** The party's code in the page's address, /campaign/#<code>; null when there is none. */
export function partyCode(hash) {
  const match = /^#([a-z2-9]{8})$/.exec(hash || '');
  return match ? match[1] : null;
}

/** The counts in the page's order, each with its message key. */
export function countRows(counts) {
  return ['knownBefore', 'added', 'approved', 'pending', 'confirmations'].map((key) => ({
    key: `counts.${key}`,
    value: counts?.[key] ?? 0,
  }));
}

/** Hours in the reader's time zone, with their reports: [{ label, added }]. */
export function hourRows(perHour, { language, timeZone } = {}) {
  return (perHour || []).map((h) => ({
    label: formatDate(h.hour, language, { format: 'weekdayTime', timeZone }),
    added: h.added,
  }));
}
