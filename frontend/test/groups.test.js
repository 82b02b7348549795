import { describe, expect, test } from 'vitest';
import { mergePolygons, parseTerritory, TerritoryError, territoryOf } from '../src/moderation/territory-file.js';
import { groupsRoute, roleIn } from '../src/moderation/groups-route.js';
import { problemLines } from '../src/moderation/problem.js';
import { invitationLink } from '../src/moderation/members.js';
import { ApiError, isStaleVersion } from '../src/ui/api.js';
import { translator } from '../src/moderation/messages.js';

// A square around Lyon's Terreaux and one around Villeurbanne's Gratte-Ciel, [lon, lat].
const TERREAUX = [
  [
    [4.83, 45.76],
    [4.84, 45.76],
    [4.84, 45.77],
    [4.83, 45.77],
    [4.83, 45.76],
  ],
];
const GRATTE_CIEL = [
  [
    [4.87, 45.76],
    [4.89, 45.76],
    [4.89, 45.775],
    [4.87, 45.775],
    [4.87, 45.76],
  ],
];
const polygon = (coordinates) => ({ type: 'Polygon', coordinates });
const feature = (geometry) => ({ type: 'Feature', properties: {}, geometry });

/** The message key a file is refused with. */
function refusal(text) {
  try {
    parseTerritory(typeof text === 'string' ? text : JSON.stringify(text));
  } catch (error) {
    expect(error).toBeInstanceOf(TerritoryError);
    return [error.key, error.values];
  }
  throw new Error('accepted');
}

describe('territory file', () => {
  test('accepts a bare Polygon or MultiPolygon', () => {
    expect(parseTerritory(JSON.stringify(polygon(TERREAUX)))).toEqual(polygon(TERREAUX));
    const multi = { type: 'MultiPolygon', coordinates: [TERREAUX, GRATTE_CIEL] };
    expect(parseTerritory(JSON.stringify(multi))).toEqual(multi);
  });

  test('accepts a Feature and a FeatureCollection of one polygon', () => {
    expect(territoryOf(feature(polygon(TERREAUX)))).toEqual(polygon(TERREAUX));
    expect(territoryOf({ type: 'FeatureCollection', features: [feature(polygon(TERREAUX))] })).toEqual(
      polygon(TERREAUX),
    );
  });

  test('merges several features into one MultiPolygon', () => {
    const collection = {
      type: 'FeatureCollection',
      features: [feature(polygon(TERREAUX)), feature({ type: 'MultiPolygon', coordinates: [GRATTE_CIEL] })],
    };
    expect(territoryOf(collection)).toEqual({ type: 'MultiPolygon', coordinates: [TERREAUX, GRATTE_CIEL] });
  });

  test('drops heights and keeps holes', () => {
    const withHeight = [TERREAUX[0].map(([lon, lat]) => [lon, lat, 170])];
    const hole = [
      [4.834, 45.764],
      [4.836, 45.764],
      [4.836, 45.766],
      [4.834, 45.764],
    ];
    expect(territoryOf(polygon([...withHeight, hole]))).toEqual(polygon([TERREAUX[0], hole]));
  });

  test('refuses what is not a territory, naming the culprit', () => {
    expect(refusal('')).toEqual(['territory.empty', {}]);
    expect(refusal('{"type": "Polygon",')).toEqual(['territory.notJson', {}]);
    expect(refusal([1, 2])).toEqual(['territory.notGeojson', {}]);
    expect(refusal({ type: 'FeatureCollection', features: [] })).toEqual(['territory.empty', {}]);
    expect(refusal({ type: 'Point', coordinates: [4.83, 45.76] })).toEqual(['territory.wrongType', { type: 'Point' }]);
    const line = feature({
      type: 'LineString',
      coordinates: [
        [4.83, 45.76],
        [4.84, 45.77],
      ],
    });
    expect(refusal({ type: 'FeatureCollection', features: [feature(polygon(TERREAUX)), line] })).toEqual([
      'territory.featureType',
      { n: 2, type: 'LineString' },
    ]);
    expect(refusal(feature(null))).toEqual(['territory.featureEmpty', { n: 1 }]);
  });

  test('refuses bad rings and projected coordinates', () => {
    expect(refusal(polygon([TERREAUX[0].slice(0, 4)]))).toEqual(['territory.openRing', {}]);
    expect(
      refusal(
        polygon([
          [
            [4.83, 45.76],
            [4.84, 45.76],
            [4.83, 45.76],
          ],
        ]),
      ),
    ).toEqual(['territory.shortRing', {}]);
    expect(
      refusal(
        polygon([
          [
            ['4.83', 45.76],
            [4.84, 45.76],
            [4.84, 45.77],
            ['4.83', 45.76],
          ],
        ]),
      ),
    ).toEqual(['territory.badCoordinates', {}]);
    // Lambert 93 metres, the usual mistake of a French export.
    const lambert = [
      [
        [842000, 6519000],
        [843000, 6519000],
        [843000, 6520000],
        [842000, 6519000],
      ],
    ];
    expect(refusal(polygon(lambert))).toEqual(['territory.notWgs84', {}]);
  });

  test('the parts drawn on the map become one territory, or none', () => {
    expect(mergePolygons([])).toBeNull();
    expect(mergePolygons([polygon(TERREAUX), polygon(GRATTE_CIEL)]).type).toBe('MultiPolygon');
  });

  test('every refusal has words in French and English', () => {
    for (const language of ['fr', 'en']) {
      const t = translator(language);
      for (const key of [
        'empty',
        'notJson',
        'notGeojson',
        'wrongType',
        'featureEmpty',
        'featureType',
        'badCoordinates',
        'notWgs84',
        'shortRing',
        'openRing',
        'tooManyPoints',
      ]) {
        expect(t(`territory.${key}`)).not.toBe(`territory.${key}`);
      }
    }
  });
});

describe('groups screens', () => {
  test('routes beside the queue and the invitation', () => {
    expect(groupsRoute('#/groups')).toEqual({ view: 'list' });
    expect(groupsRoute('#/groups/new')).toEqual({ view: 'new' });
    expect(groupsRoute('#/groups/12')).toEqual({ view: 'group', id: 12 });
    expect(groupsRoute('')).toEqual({ view: 'queue' });
    expect(groupsRoute('#/join/abcdefghijklmnopqrstuvwxyz')).toEqual({ view: 'queue' });
  });

  test('a site admin administers every group; others their own role', () => {
    expect(roleIn({ siteAdmin: true, roles: {} }, 4)).toBe('admin');
    expect(roleIn({ siteAdmin: false, roles: { 4: 'moderator' } }, 4)).toBe('moderator');
    expect(roleIn({ siteAdmin: false, roles: { 4: 'moderator' } }, 5)).toBeNull();
  });

  test('an invitation link is the full address of the join form', () => {
    const invitation = { path: '/moderation/#/join/tok123', role: 'admin' };
    expect(invitationLink(invitation, 'https://technocarte.example')).toBe(
      'https://technocarte.example/moderation/#/join/tok123',
    );
  });

  test('API refusals become sentences with the field named', () => {
    const t = translator('en');
    const invalid = new ApiError(422, {
      type: '/problems/validation',
      code: 'validation',
      detail: 'Invalid territory',
      errors: [{ field: 'territory.coordinates', code: 'wrong-type', message: 'a ring must end where it starts' }],
    });
    // By code, in the page's language: the English message is for API clients only.
    expect(problemLines(invalid, t, { territory: 'groups.territory' })).toEqual([
      'Territory: not a valid outline: closed polygons in longitude/latitude are expected',
    ]);
    expect(problemLines(invalid, translator('fr'), { territory: 'groups.territory' })).toEqual([
      'Territoire : contour non valide : des polygones fermés en longitude/latitude sont attendus',
    ]);
    const taken = new ApiError(409, { code: 'name-taken', detail: 'A group with this name exists' });
    expect(problemLines(taken, t)).toEqual(['A group with this name exists.']);
    expect(problemLines(taken, translator('fr'))).toEqual(['Un groupe porte déjà ce nom.']);
    // An unknown code says the status, never the English detail.
    expect(problemLines(new ApiError(418, { code: 'teapot', detail: 'I am a teapot' }), translator('fr'))).toEqual([
      'Refusé par le serveur (418).',
    ]);
    const other = new ApiError(422, {
      code: 'validation',
      errors: [{ field: 'comment', code: 'required-with', message: 'is required when the reason is other' }],
    });
    expect(problemLines(other, translator('fr'))).toEqual([
      'Commentaire : un commentaire est obligatoire quand le motif est « Autre »',
    ]);
    const height = new ApiError(422, {
      code: 'validation',
      errors: [{ field: 'properties.height', code: 'out-of-range', message: 'must be…' }],
    });
    expect(problemLines(height, translator('fr'))).toEqual([
      'Hauteur : doit être un nombre de mètres, plus de 0 et 300 au plus',
    ]);
    expect(problemLines(new ApiError(413, null), t)).toEqual([t('groups.tooLarge')]);
    expect(problemLines(new TerritoryError('territory.wrongType', { type: 'Point' }), t)).toEqual([
      'A territory is a Polygon or a MultiPolygon, not a Point.',
    ]);
    expect(isStaleVersion(new ApiError(409, { type: '/problems/stale-version' }))).toBe(true);
    expect(isStaleVersion(new ApiError(409, { type: '/problems/name-taken' }))).toBe(false);
  });
});
