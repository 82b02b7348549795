import { expect, test } from 'vitest';
import { isStale, lastSeen } from '../src/sighting/stale.js';

const TODAY = new Date('2026-11-28T12:00:00Z');

test('a camera is stale when nobody vouched for it within staleAfterDays', () => {
  expect(isStale({ checkDate: '2026-11-01' }, 730, TODAY)).toBe(false);
  expect(isStale({ checkDate: '2024-11-27' }, 730, TODAY)).toBe(true);
  expect(isStale({ observedAt: '2025-06-01' }, 730, TODAY)).toBe(false);
  expect(isStale({ checkDate: '2026-11-01', observedAt: '2020-01-01' }, 730, TODAY)).toBe(false);
  expect(isStale({}, 730, TODAY)).toBe(true);
  expect(lastSeen({ createdAt: '2026-01-02T10:00:00Z' })).toBe('2026-01-02');
});
