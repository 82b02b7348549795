// The pages' one API client (src/ui/api.js): what an answer becomes, a refusal typed by its code.
import { describe, expect, test } from 'vitest';
import { ApiError, NetworkError, createApi, isStaleVersion, request, retryAfterSeconds } from '../src/ui/api.js';
import { outcome } from '../src/sighting/api.js';

// A refusal as ProblemMapper writes it (BadInputTest holds the server to this shape).
const VALIDATION = {
  type: '/problems/validation',
  code: 'validation',
  title: 'Invalid request',
  status: 422,
  detail: '1 field is invalid',
  errors: [{ field: 'properties.height', code: 'out-of-range', message: 'must be a number of metres' }],
};

const answering =
  (status, body, type = 'application/problem+json') =>
  async () =>
    new Response(typeof body === 'string' ? body : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': type },
    });

describe('one error style', () => {
  test('a problem+json refusal becomes an ApiError with its status, type, code, detail and field errors', async () => {
    const refused = await request('/api/sightings', {
      method: 'POST',
      body: {},
      fetchImpl: answering(422, VALIDATION),
    }).catch((error) => error);
    expect(refused).toBeInstanceOf(ApiError);
    expect(refused).toMatchObject({
      name: 'ApiError',
      status: 422,
      type: '/problems/validation',
      code: 'validation',
      detail: '1 field is invalid',
      message: '1 field is invalid',
      retryable: false,
      errors: [{ field: 'properties.height', code: 'out-of-range' }],
    });
  });

  test('the code is read from the type when the body has no code member', async () => {
    const stale = await request('/x', {
      fetchImpl: answering(409, { type: '/problems/stale-version', status: 409 }),
    }).catch((error) => error);
    expect(stale.code).toBe('stale-version');
    expect(isStaleVersion(stale)).toBe(true);
    expect(isStaleVersion(new ApiError(409, { code: 'name-taken' }))).toBe(false);
  });

  test("a proxy's 502 page (not JSON) becomes a NetworkError, worth trying again", async () => {
    const html = '<html><body><h1>502 Bad Gateway</h1></body></html>';
    const failed = await request('/api/stats', { fetchImpl: answering(502, html, 'text/html') }).catch((e) => e);
    expect(failed).toBeInstanceOf(NetworkError);
    expect(failed).not.toBeInstanceOf(ApiError);
    expect(failed).toMatchObject({ name: 'NetworkError', status: 502, code: 'network', retryable: true });
    expect(failed.message).toBe('HTTP 502');
  });

  test('no answer at all becomes a NetworkError of status 0; an abort stays an abort', async () => {
    const offline = await request('/api/config', {
      fetchImpl: async () => {
        throw new TypeError('Failed to fetch');
      },
    }).catch((e) => e);
    expect(offline).toBeInstanceOf(NetworkError);
    expect(offline).toMatchObject({ status: 0, retryable: true, message: 'Failed to fetch' });
    const abort = new DOMException('The operation was aborted.', 'AbortError');
    const aborted = await request('/api/sightings', {
      fetchImpl: async () => {
        throw abort;
      },
    }).catch((e) => e);
    expect(aborted).toBe(abort);
  });

  test('an empty refusal is still an ApiError, named by its status', async () => {
    const empty = await request('/api/auth/me', { fetchImpl: async () => new Response('', { status: 401 }) }).catch(
      (e) => e,
    );
    expect(empty).toBeInstanceOf(ApiError);
    expect(empty).toMatchObject({ status: 401, code: null, errors: [], message: 'HTTP 401' });
  });

  test('a refusal carries how long its Retry-After asks to wait, in seconds', async () => {
    const limited = await request('/api/routes/exposure', {
      method: 'POST',
      body: {},
      fetchImpl: async () =>
        new Response(JSON.stringify({ type: '/problems/rate-limited', status: 429, detail: 'try again in 120 s' }), {
          status: 429,
          headers: { 'Content-Type': 'application/problem+json', 'Retry-After': '120' },
        }),
    }).catch((e) => e);
    expect(limited).toBeInstanceOf(ApiError);
    expect(limited).toMatchObject({ status: 429, code: 'rate-limited', retryable: true, retryAfter: 120 });
    const unsaid = await request('/x', { fetchImpl: answering(429, { status: 429 }) }).catch((e) => e);
    expect(unsaid.retryAfter).toBeNull();
    expect(new ApiError(409, { code: 'name-taken' }).retryAfter).toBeNull();
  });

  test('Retry-After is read as seconds, or as an HTTP date from now', () => {
    const now = Date.parse('2026-12-02T20:00:00Z');
    expect(retryAfterSeconds('30', now)).toBe(30);
    expect(retryAfterSeconds(' 0 ', now)).toBe(0);
    expect(retryAfterSeconds('Wed, 02 Dec 2026 20:02:00 GMT', now)).toBe(120);
    expect(retryAfterSeconds('Wed, 02 Dec 2026 19:00:00 GMT', now)).toBe(0);
    expect(retryAfterSeconds(null, now)).toBeNull();
    expect(retryAfterSeconds('soon', now)).toBeNull();
    expect(retryAfterSeconds('-5', now)).toBeNull();
  });

  test("the walker's calls read the same errors as results: retry later, or refused for good", () => {
    expect(outcome(new NetworkError(0, new TypeError('Failed to fetch')))).toEqual({ retry: true, offline: true });
    expect(outcome(new NetworkError(502))).toEqual({ retry: true, status: 502 });
    expect(outcome(new ApiError(503, { code: 'unavailable' }))).toEqual({ retry: true, status: 503 });
    expect(outcome(new ApiError(422, VALIDATION))).toMatchObject({
      refused: true,
      status: 422,
      code: 'validation',
      reason: 'properties.height: must be a number of metres',
    });
    expect(outcome(new NetworkError(404))).toMatchObject({ refused: true, status: 404, reason: '404' });
  });
});

describe('the session client', () => {
  test('sends JSON with the CSRF token once known, and reads answers with their headers', async () => {
    const calls = [];
    const api = createApi(async (path, init) => {
      calls.push({ path, init });
      return new Response(JSON.stringify([{ id: 1 }]), { status: 200, headers: { 'X-Total-Count': '7' } });
    });
    await api.get('/api/auth/me');
    expect(calls[0].init.headers).toEqual({ Accept: 'application/json' });
    api.setCsrf('token-1');
    const { data, headers } = await api.getPage('/api/moderation/queue?limit=1');
    expect(data).toEqual([{ id: 1 }]);
    expect(headers.get('X-Total-Count')).toBe('7');
    await api.patch('/api/groups/3', { version: 2 });
    expect(calls[2].init).toMatchObject({
      method: 'PATCH',
      credentials: 'same-origin',
      body: '{"version":2}',
      headers: { 'X-CSRF-Token': 'token-1', 'Content-Type': 'application/json' },
    });
    await api.post('/api/moderation/imports?group=1', '{"type":"FeatureCollection"}');
    expect(calls[3].init.body).toBe('{"type":"FeatureCollection"}');
  });
});
