import { describe, expect, test } from 'vitest';
import { statusOf } from '../src/mine/mine-view.js';
import { linkParts } from '../src/sighting/detail.js';
import { translator } from '../src/i18n/index.js';

const t = translator('fr');

describe('the status of a sent sighting in "Mes signalements"', () => {
  test('says what the server answers now, in words', () => {
    const answer = (status) => ({ ok: true, sighting: { properties: { status } } });
    expect(statusOf(answer('pending'), t)).toEqual({ status: 'pending', text: 'Statut : En attente de relecture' });
    expect(statusOf(answer('approved'), t)).toEqual({ status: 'approved', text: 'Statut : Publiée' });
    expect(statusOf(answer('rejected'), t)).toEqual({ status: 'rejected', text: 'Statut : Refusée' });
  });

  test('tells "offline for now" from "no longer on the server"', () => {
    expect(statusOf({ retry: true, offline: true }, t).status).toBe('unknown');
    expect(statusOf({ refused: true, status: 404 }, t)).toEqual({
      status: 'gone',
      text: 'Statut : Introuvable sur le serveur',
    });
  });
});

describe('the VSA evidence of the detail panel', () => {
  test('its http(s) addresses become links, the rest stays text', () => {
    expect(linkParts('Délibération https://example.org/d/2024-12.pdf, et presse.')).toEqual([
      { text: 'Délibération ' },
      { url: 'https://example.org/d/2024-12.pdf' },
      { text: ', et presse.' },
    ]);
    expect(linkParts('(voir http://a.fr/x)')).toEqual([{ text: '(voir ' }, { url: 'http://a.fr/x' }, { text: ')' }]);
    expect(linkParts('javascript:alert(1) ftp://x')).toEqual([{ text: 'javascript:alert(1) ftp://x' }]);
  });
});
