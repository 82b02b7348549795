import { describe, expect, test } from 'vitest';
import { parseFragment, privateFragment, privateLink } from '../src/mine/links.js';

const TOKEN = 'Yk3_q-9ZtW8mH1xPq2vR7sLd0cN4bA6eF5gJ';

describe('private links', () => {
  test('carry the token in the fragment, never in a query string', () => {
    const link = privateLink(123, TOKEN, { origin: 'https://technocarte.example', pathname: '/' });
    expect(link).toBe(`https://technocarte.example/#/s/123/${TOKEN}`);
    expect(new URL(link).search).toBe('');
  });

  test('are read back from the fragment', () => {
    expect(parseFragment(privateFragment(123, TOKEN))).toEqual({ view: 'sent', id: '123', token: TOKEN });
    expect(parseFragment('#/c/42')).toEqual({ view: 'camera', id: '42' });
    expect(parseFragment('#/menu')).toEqual({ view: 'menu' });
    expect(parseFragment('#/add')).toEqual({ view: 'add' });
    expect(parseFragment('#/mine')).toEqual({ view: 'mine' });
    expect(parseFragment('#/q/6f0e0bb4-53b4-4d8a-a3c4-0d1e2f3a4b5c')).toEqual({
      view: 'queued',
      clientId: '6f0e0bb4-53b4-4d8a-a3c4-0d1e2f3a4b5c',
    });
  });

  test('fall back to the map on anything else', () => {
    for (const hash of ['', '#', '#/s/abc/token', '#/s/12', '#/s/12/<script>', '#/c/0', '#/nope', '#/s/12/%E0%A4%A']) {
      expect(parseFragment(hash)).toEqual({ view: 'map' });
    }
  });
});
