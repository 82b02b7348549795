// The one way every page calls the API: JSON in and out, the session's CSRF token on the moderators'
// changes, and one error style. A refusal (problem+json, RFC 9457) becomes an ApiError carrying the
// problem's stable `code` and its field errors, which the page translates by code (the English
// `detail` is for API clients); no answer at all, or one that is not JSON (a proxy's 502 page),
// becomes a NetworkError. Either says whether trying again later may help (`retryable`), and an
// ApiError how long to wait first when the server said it (`retryAfter`, from Retry-After: a 429).

/** The Accept of the JSON resources (moderation, groups, cities, statistics, config, routes). */
export const JSON_TYPE = 'application/json';

/** Statuses after which the same request may succeed later: no answer, timeout, too many, server down. */
export const isRetryable = (status) => status === 0 || status === 408 || status === 429 || status >= 500;

/** The problem's stable code: its `code` member, else the last segment of its `type`. */
export function problemCode(problem) {
  if (typeof problem?.code === 'string') return problem.code;
  return typeof problem?.type === 'string' && problem.type !== 'about:blank' ? problem.type.split('/').pop() : null;
}

const HTTP_DATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/**
 * The seconds a Retry-After header asks to wait (delta-seconds, or an HTTP date, counted from `now`),
 * or null when there is no such header or it is neither.
 */
export function retryAfterSeconds(value, now = Date.now()) {
  const text = String(value ?? '').trim();
  if (/^\d+$/.test(text)) return Number(text);
  const date = HTTP_DATE.test(text) ? Date.parse(text) : NaN;
  return Number.isNaN(date) ? null : Math.max(0, Math.ceil((date - now) / 1000));
}

/** The server answered with a refusal: a problem+json body (or an empty one). */
export class ApiError extends Error {
  /** `retryAfter`: the seconds its Retry-After asked to wait before trying again, else null. */
  constructor(status, problem = null, { retryAfter = null } = {}) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
    this.type = problem?.type ?? null;
    this.code = problemCode(problem);
    this.detail = problem?.detail ?? null;
    /** The refused fields: [{ field: 'properties.height', code: 'not-a-number', message }]. */
    this.errors = Array.isArray(problem?.errors) ? problem.errors : [];
    this.retryAfter = retryAfter;
  }

  get retryable() {
    return isRetryable(this.status);
  }
}

/**
 * No usable answer: the network failed (`status` 0, `cause` the browser's error), or something
 * between us and the API answered with a page that is not JSON (`status` its status).
 */
export class NetworkError extends Error {
  constructor(status = 0, cause = undefined) {
    super(cause?.message || `HTTP ${status}`, cause ? { cause } : undefined);
    this.name = 'NetworkError';
    this.status = status;
    this.code = 'network';
  }

  get retryable() {
    return isRetryable(this.status);
  }
}

/** True when the API refused because the record changed since it was read (409 stale-version). */
export const isStaleVersion = (error) =>
  error instanceof ApiError && error.status === 409 && error.code === 'stale-version';

/**
 * Reads an answer: its JSON body (null when empty), or throws an ApiError (a refusal) or a
 * NetworkError (a body that is not JSON). `read: 'blob'` gives a successful answer's bytes instead.
 */
export async function readAnswer(response, { read = 'json' } = {}) {
  if (response.ok && read === 'blob') return response.blob();
  const text = await response.text();
  let data = null;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      throw new NetworkError(response.status);
    }
  }
  if (!response.ok)
    throw new ApiError(response.status, data, { retryAfter: retryAfterSeconds(response.headers?.get('Retry-After')) });
  return data;
}

/**
 * One call: `body` is sent as JSON unless it is a string or a Blob (sent as it is, with the
 * `Content-Type` the caller gives). `headers` has no Accept unless the caller gives one (the
 * browser's own, any type): the sightings' resources answer GeoJSON, not application/json. Resolves to the
 * answer's data (with `withHeaders`: { data, headers }); rejects with ApiError or NetworkError, or
 * the AbortError of `signal`.
 */
export async function request(
  path,
  { method = 'GET', headers = {}, body, signal, cache, withHeaders = false, read, fetchImpl = globalThis.fetch } = {},
) {
  const init = { method, headers: { ...headers }, credentials: 'same-origin' };
  if (body !== undefined) {
    const raw = typeof body === 'string' || (typeof Blob !== 'undefined' && body instanceof Blob);
    init.headers['Content-Type'] ??= JSON_TYPE;
    init.body = raw ? body : JSON.stringify(body);
  }
  if (signal) init.signal = signal;
  if (cache) init.cache = cache;
  let response;
  try {
    response = await fetchImpl(path, init);
  } catch (error) {
    if (error?.name === 'AbortError') throw error;
    throw new NetworkError(0, error);
  }
  const data = await readAnswer(response, { read });
  return withHeaders ? { data, headers: response.headers } : data;
}

/**
 * A client for pages with a session (moderation, a city's evidence): each call carries the cookie
 * and, once `setCsrf(token)` was called with the token of GET /api/auth/me, the X-CSRF-Token header.
 */
export function createApi(fetchImpl = globalThis.fetch) {
  let csrf = null;
  const call = (method, path, body, options = {}) => {
    const headers = { Accept: JSON_TYPE };
    if (csrf) headers['X-CSRF-Token'] = csrf;
    return request(path, { method, headers, body, fetchImpl, ...options });
  };
  return {
    setCsrf(token) {
      csrf = token;
    },
    get: (path) => call('GET', path),
    /** A GET whose answer's headers matter too (a page of the queue: its total and next cursor). */
    getPage: (path) => call('GET', path, undefined, { withHeaders: true }),
    post: (path, body) => call('POST', path, body ?? {}),
    patch: (path, body) => call('PATCH', path, body),
    del: (path) => call('DELETE', path),
  };
}
