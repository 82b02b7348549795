// @vitest-environment jsdom
import { afterEach, describe, expect, test, vi } from 'vitest';
import { figures, lineBody, pairBody } from '../src/route/shape.js';
import { keysOf, translator } from '../src/route/messages.js';
import { retryHold } from '../src/route/limit.js';
import { ApiError, NetworkError, request } from '../src/ui/api.js';

describe('the route page', () => {
  test('sends the points tapped as a LineString of [lon, lat]', () => {
    expect(
      lineBody([
        [44.70000001234, 1.7],
        [44.7, 1.70512345678],
      ]),
    ).toEqual({
      type: 'LineString',
      coordinates: [
        [1.7, 44.7],
        [1.7051235, 44.7],
      ],
    });
  });

  test('asks the least watched way from the first point to the last, the detour as a share', () => {
    expect(
      pairBody(
        [
          [44.7, 1.7],
          [44.8, 1.8],
          [44.701, 1.705],
        ],
        35,
      ),
    ).toEqual({ from: [1.7, 44.7], to: [1.705, 44.701], maxDetour: 0.35 });
  });

  test('shows the figures in metres, the share watched and the cameras suspected of VSA', () => {
    const t = translator('fr');
    const rows = figures(
      {
        lengthMetres: 1234.4,
        watchedMetres: 160,
        watchedShare: 0.13,
        longestUnwatchedMetres: 600.2,
        cameras: [
          { id: 1, cameraType: 'dome', vsaSuspected: true },
          { id: 2, cameraType: 'fixed', vsaSuspected: false },
        ],
      },
      { t, language: 'fr' },
    );
    expect(rows.map(([key]) => key)).toEqual(['fig.length', 'fig.watched', 'fig.gap', 'fig.cameras']);
    expect(rows[0][1].replace(/\s/g, ' ')).toBe('1 234 m');
    expect(rows[1][1].replace(/\s/g, ' ')).toBe('160 m (13 %)');
    expect(rows[2][1]).toBe('600 m');
    expect(rows[3][1]).toContain('dont 1 soupçonnée');
  });

  test('speaks French and English with the same words', () => {
    expect(keysOf('en').sort()).toEqual(keysOf('fr').sort());
  });
});

describe('past the route limit of the address (429)', () => {
  afterEach(() => vi.useRealTimers());

  /** The page's status line and its buttons, as route/index.html has them. */
  function page(language) {
    document.body.innerHTML = `<p id="status" role="status"></p>
      <button id="measure" class="button">m</button><button id="least" class="button">l</button>`;
    const status = document.getElementById('status');
    const buttons = [document.getElementById('measure'), document.getElementById('least')];
    return { status, buttons, hold: retryHold({ status, buttons, t: translator(language) }) };
  }

  /** The refusal of the real API: problem+json with Retry-After, read by the pages' client. */
  const refusal = (retryAfter) =>
    request('/api/routes/exposure', {
      method: 'POST',
      body: {},
      fetchImpl: async () =>
        new Response(JSON.stringify({ type: '/problems/rate-limited', status: 429, detail: 'try again' }), {
          status: 429,
          headers: { 'Content-Type': 'application/problem+json', ...(retryAfter && { 'Retry-After': retryAfter }) },
        }),
    }).catch((error) => error);

  const shown = (status) => status.textContent.replace(/[\u00a0\u202f]/g, ' ');

  test('says so and when to try again, in French, and holds the buttons until then', async () => {
    vi.useFakeTimers();
    const { status, buttons, hold } = page('fr');
    expect(hold.refused(await refusal('84'))).toBe(true);
    expect(shown(status)).toBe(
      'Limite atteinte : trop de trajets calculés depuis votre réseau. Réessayez dans 2 minutes.',
    );
    expect(hold.message).toBe(status.textContent);
    expect(buttons.map((b) => b.disabled)).toEqual([true, true]);
    vi.advanceTimersByTime(83_000);
    expect(buttons.map((b) => b.disabled)).toEqual([true, true]);
    vi.advanceTimersByTime(1_000);
    expect(buttons.map((b) => b.disabled)).toEqual([false, false]);
    expect(status.textContent).toBe('');
    expect(hold.message).toBeNull();
  });

  test('in English, and leaves a newer message in place when the buttons come back', async () => {
    vi.useFakeTimers();
    const { status, buttons, hold } = page('en');
    expect(hold.refused(await refusal('30'))).toBe(true);
    expect(shown(status)).toBe('Limit reached: too many routes computed from your network. Try again in 30 seconds.');
    expect(buttons.every((b) => b.disabled)).toBe(true);
    status.textContent = 'Tap at least two points.';
    vi.advanceTimersByTime(30_000);
    expect(buttons.some((b) => b.disabled)).toBe(false);
    expect(status.textContent).toBe('Tap at least two points.');
  });

  test('without Retry-After it says to try later and holds nothing; other errors are not its own', async () => {
    const { status, buttons, hold } = page('fr');
    expect(hold.refused(await refusal(null))).toBe(true);
    expect(status.textContent).toBe(
      'Limite atteinte : trop de trajets calculés depuis votre réseau. Réessayez plus tard.',
    );
    expect(buttons.some((b) => b.disabled)).toBe(false);
    expect(hold.message).toBeNull();
    expect(hold.refused(new ApiError(422, { code: 'validation' }))).toBe(false);
    expect(hold.refused(new NetworkError(429))).toBe(false);
  });
});
