// The sightings API, as the walker's map uses it, through the pages' one client (ui/api.js). Every
// call answers a plain result object rather than throwing, so callers (the offline outbox first) can
// tell "try again later" from "the server refuses this".
import { proofOfWork } from '../pow/solve.js';
import { useServerCaps } from '../map/viewport.js';
import { ApiError, NetworkError, readAnswer, request } from '../ui/api.js';

const GEO_JSON = 'application/geo+json';
const EDIT_TOKEN = 'X-Edit-Token';

/**
 * A typed error of the client as a result: { retry, offline } (no answer) | { retry, status }
 * (server trouble, too many requests) | { refused, status, code, reason, errors }.
 */
export function outcome(error) {
  if (!(error instanceof ApiError || error instanceof NetworkError)) throw error; // an abort, a bug
  if (error.status === 0) return { retry: true, offline: true };
  if (error.retryable) return { retry: true, status: error.status };
  const errors = error.errors ?? [];
  const reason = errors.length
    ? errors.map((e) => `${e.field}: ${e.message}`).join('; ')
    : error.problem?.detail || error.problem?.title || String(error.status);
  return { refused: true, status: error.status, code: error.code, reason, errors };
}

/** Reads an answer: { ok, status, body } | { retry } | { refused, status, code, reason, errors }. */
export async function classify(response) {
  try {
    return { ok: true, status: response.status, body: await readAnswer(response) };
  } catch (error) {
    return outcome(error);
  }
}

async function call(url, { method = 'GET', headers, body, cache, read } = {}) {
  try {
    return { ok: true, body: await request(url, { method, headers, body, cache, read }) };
  } catch (error) {
    return outcome(error);
  }
}

const json = (method, body, headers = {}) => ({
  method,
  headers: { 'Content-Type': GEO_JSON, Accept: `${GEO_JSON}, application/problem+json`, ...headers },
  body,
});

/**
 * POST a new sighting (with properties.clientId): { ok, sighting } with its editToken. Each
 * attempt carries a fresh proof of work (the server takes each challenge once); without a network
 * for the challenge, the sighting waits like any failed send.
 */
export async function submit(feature, { work = proofOfWork } = {}) {
  let proof;
  try {
    proof = await work();
  } catch (error) {
    if (error?.name === 'AbortError') throw error;
    return { retry: true, offline: true };
  }
  const result = await call('/api/sightings', json('POST', feature, { [proof.header]: proof.value }));
  return result.ok ? { ok: true, sighting: result.body } : result;
}

export async function amend(id, token, feature) {
  const { clientId, ...properties } = feature.properties || {};
  const result = await call(`/api/sightings/${id}`, json('PATCH', { ...feature, properties }, { [EDIT_TOKEN]: token }));
  return result.ok ? { ok: true, sighting: result.body } : result;
}

export async function fetchOne(id, token) {
  const headers = { Accept: GEO_JSON };
  if (token) headers[EDIT_TOKEN] = token;
  const result = await call(`/api/sightings/${id}`, { headers, cache: 'no-store' });
  return result.ok ? { ok: true, sighting: result.body } : result;
}

export async function confirm(id) {
  const result = await call(`/api/sightings/${id}/confirmations`, { method: 'POST' });
  return result.ok ? { ok: true, sighting: result.body } : result;
}

/**
 * Reports an approved camera as gone, or moved to `movedTo` ([lon, lat]), with an optional note:
 * { ok, report } | { retry } | { refused }. Like a submission, it carries a proof of work.
 */
export async function reportRemoval(id, { kind, note, movedTo }, { work = proofOfWork } = {}) {
  let proof;
  try {
    proof = await work();
  } catch (error) {
    if (error?.name === 'AbortError') throw error;
    return { retry: true, offline: true };
  }
  const body = { kind };
  if (note) body.note = note;
  if (movedTo) body.movedTo = { type: 'Point', coordinates: movedTo };
  const result = await call(`/api/sightings/${id}/removal-reports`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/json',
      Accept: 'application/json, application/problem+json',
      [proof.header]: proof.value,
    },
    body,
  });
  return result.ok ? { ok: true, report: result.body } : result;
}

export async function nearby([lat, lon], radius) {
  const search = new URLSearchParams({ lon: lon.toFixed(6), lat: lat.toFixed(6), radius: String(radius) });
  const result = await call(`/api/sightings/nearby?${search}`, { headers: { Accept: GEO_JSON } });
  return result.ok ? { ok: true, features: result.body.features || [] } : result;
}

/** GET /api/config; its caps (the largest map box) go to the viewport's requests. */
export async function loadConfig() {
  const result = await call('/api/config', { headers: { Accept: 'application/json' } });
  if (result.ok) useServerCaps(result.body);
  return result.ok ? result.body : null;
}

/** Adds one photo (a JPEG blob made on the phone) to a pending sighting: { ok, photo } | { retry } | { refused }. */
export async function uploadPhoto(id, token, blob) {
  const headers = {
    'Content-Type': blob.type || 'image/jpeg',
    Accept: 'application/json, application/problem+json',
    [EDIT_TOKEN]: token,
  };
  const result = await call(`/api/sightings/${id}/photos`, { method: 'POST', headers, body: blob });
  return result.ok ? { ok: true, photo: result.body } : result;
}

/** Adds the one photo of a removal report, with the token its creation gave: { ok, photo } | { retry } | { refused }. */
export async function uploadReportPhoto(id, reportId, token, blob) {
  const headers = {
    'Content-Type': blob.type || 'image/jpeg',
    Accept: 'application/json, application/problem+json',
    'X-Report-Token': token,
  };
  const result = await call(`/api/sightings/${id}/removal-reports/${reportId}/photo`, {
    method: 'POST',
    headers,
    body: blob,
  });
  return result.ok ? { ok: true, photo: result.body } : result;
}

/** Takes a photo back from a pending sighting: { ok } | { retry } | { refused }. */
export async function deletePhoto(id, token, photoId) {
  const result = await call(`/api/sightings/${id}/photos/${encodeURIComponent(photoId)}`, {
    method: 'DELETE',
    headers: { Accept: 'application/problem+json', [EDIT_TOKEN]: token },
  });
  return result.ok ? { ok: true } : result;
}

/** A city of the gazetteer shipped with the app, by the beginning of its name: { ok, places } | { retry } | { refused }. */
export async function searchPlaces(text, { limit = 8 } = {}) {
  const search = new URLSearchParams({ q: text, limit: String(limit) });
  const result = await call(`/api/places?${search}`, { headers: { Accept: 'application/json' } });
  return result.ok ? { ok: true, places: result.body } : result;
}

/** The photos of a sighting (a pending one's only with its token): { ok, photos } | { retry } | { refused }. */
export async function listPhotos(id, token) {
  const headers = { Accept: 'application/json' };
  if (token) headers[EDIT_TOKEN] = token;
  const result = await call(`/api/sightings/${id}/photos`, { headers, cache: 'no-store' });
  return result.ok ? { ok: true, photos: result.body.photos || [] } : result;
}

/** A photo or thumbnail as a blob: an <img> cannot send the token header itself. Null on failure. */
export async function photoBlob(href, token) {
  const headers = token ? { [EDIT_TOKEN]: token } : {};
  try {
    const result = await call(href, { headers, cache: 'no-store', read: 'blob' });
    return result.ok ? result.body : null;
  } catch {
    return null;
  }
}
