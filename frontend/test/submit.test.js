import { afterEach, expect, test, vi } from 'vitest';
import { submit } from '../src/sighting/api.js';

afterEach(() => vi.unstubAllGlobals());

test('a new sighting carries a fresh proof of work in its header', async () => {
  const sent = [];
  vi.stubGlobal('fetch', async (url, init) => {
    sent.push({ url, init });
    return new Response(JSON.stringify({ type: 'Feature', id: 4 }), { status: 201 });
  });
  const work = vi.fn(async () => ({ header: 'X-Proof-Of-Work', value: 'challenge:42' }));
  const result = await submit({ type: 'Feature', properties: { clientId: 'c' } }, { work });
  expect(result).toEqual({ ok: true, sighting: { type: 'Feature', id: 4 } });
  expect(work).toHaveBeenCalledOnce();
  expect(sent[0].init.headers['X-Proof-Of-Work']).toBe('challenge:42');
});

test('without a network for the challenge, the sighting waits to be sent again', async () => {
  const fetchSpy = vi.fn();
  vi.stubGlobal('fetch', fetchSpy);
  const work = async () => {
    throw new TypeError('Failed to fetch');
  };
  expect(await submit({ type: 'Feature', properties: {} }, { work })).toEqual({ retry: true, offline: true });
  expect(fetchSpy).not.toHaveBeenCalled();
});
