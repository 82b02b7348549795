import { describe, expect, test } from 'vitest';
import { changesFrom, fieldOf, parseDirections } from '../src/moderation/edit-form.js';

const sighting = {
  id: 7,
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [2.36323, 48.86742] },
  properties: {
    version: 3,
    surveillanceType: 'camera',
    cameraType: 'dome',
    mount: 'pole',
    directions: [90],
    fieldOfView: null,
    height: 4.5,
    vsaSuspected: false,
    notes: 'Au coin',
    observedAt: '2026-11-20',
  },
};

/** The values of an untouched form for that sighting. */
const untouched = () => ({
  surveillanceType: 'camera',
  cameraType: 'dome',
  mount: 'pole',
  area: '',
  zone: '',
  operatorType: '',
  operator: '',
  directions: '90',
  fieldOfView: '',
  height: '4.5',
  observedAt: '2026-11-20',
  latitude: '48.86742',
  longitude: '2.36323',
  vsaSuspected: false,
  vsaEvidence: '',
  notes: 'Au coin',
  reason: '',
});

describe('the moderator edit form', () => {
  test('an untouched form changes nothing', () => {
    expect(changesFrom(sighting, untouched())).toBeNull();
  });

  test('sends only the changed properties, null to clear an optional one', () => {
    const values = {
      ...untouched(),
      cameraType: 'fixed',
      mount: '',
      notes: '  ',
      directions: '90, 270',
      vsaSuspected: true,
    };
    expect(changesFrom(sighting, values)).toEqual({
      type: 'Feature',
      properties: { cameraType: 'fixed', mount: null, notes: null, directions: [90, 270], vsaSuspected: true },
    });
  });

  test('a moved position becomes the geometry, numbers become numbers', () => {
    const values = { ...untouched(), latitude: '48.8675', height: '6', fieldOfView: '120' };
    expect(changesFrom(sighting, values)).toEqual({
      type: 'Feature',
      properties: { fieldOfView: 120, height: 6 },
      geometry: { type: 'Point', coordinates: [2.36323, 48.8675] },
    });
  });

  test('directions: degrees as numbers, compass letters left for the server, any separator', () => {
    expect(parseDirections('90, ne;  270 sw')).toEqual([90, 'NE', 270, 'SW']);
    expect(parseDirections('')).toEqual([]);
    expect(parseDirections(undefined)).toEqual([]);
  });

  test("a problem's errors find their field", () => {
    expect(fieldOf({ field: 'properties.directions[1]', message: 'must be…' })).toBe('directions');
    expect(fieldOf({ field: 'properties.height', message: 'must be…' })).toBe('height');
    expect(fieldOf({ field: 'geometry.coordinates', message: 'longitude must lie within -180..180' })).toBe(
      'longitude',
    );
    expect(fieldOf({ field: 'geometry.coordinates', message: 'latitude must lie within -90..90' })).toBe('latitude');
    expect(fieldOf({ field: 'version', message: 'is required' })).toBeNull();
  });
});
