const DAY_MS = 86_400_000;

/** The last date anyone vouched for the camera: its check date, else the day it was seen. */
export function lastSeen(properties) {
  return properties.checkDate || properties.observedAt || (properties.createdAt || '').slice(0, 10) || null;
}

/** True when nobody has confirmed the camera for more than staleAfterDays (or ever). */
export function isStale(properties, staleAfterDays, today = new Date()) {
  const last = lastSeen(properties);
  if (!last) return true;
  const then = Date.parse(`${last}T00:00:00Z`);
  const now = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return (now - then) / DAY_MS > staleAfterDays;
}
