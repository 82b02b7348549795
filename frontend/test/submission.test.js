import { expect, test } from 'vitest';
import { creationProperties, newClientId } from '../src/add/submission.js';

test('a new sighting drops empty fields and is dated the day it was seen', () => {
  const properties = creationProperties(
    { surveillanceType: 'camera', cameraType: 'dome', directions: [90], mount: null, notes: '', vsaSuspected: false },
    new Date(2026, 10, 28, 23, 30),
  );
  expect(properties).toEqual({
    surveillanceType: 'camera',
    cameraType: 'dome',
    directions: [90],
    vsaSuspected: false,
    observedAt: '2026-11-28',
  });
});

test('each new sighting gets its own random UUID', () => {
  const a = newClientId();
  expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect(newClientId()).not.toBe(a);
});
