// What a new sighting carries when it leaves the form.

/** A random UUID, made once per new sighting; crypto.randomUUID needs a secure context. */
export function newClientId() {
  if (crypto.randomUUID) return crypto.randomUUID();
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** The properties to POST: what the walker set, plus the day it was seen. */
export function creationProperties(properties, today = new Date()) {
  const kept = Object.fromEntries(Object.entries(properties).filter(([, v]) => v !== null && v !== ''));
  return { ...kept, observedAt: kept.observedAt || localDate(today) };
}

function localDate(d) {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
