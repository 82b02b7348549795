import { expect, test } from 'vitest';
import { classify } from '../src/sighting/api.js';

const answer = (status, body) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/problem+json' } });

test('tells "try again later" from "refused"', async () => {
  expect(await classify(answer(201, { id: 1 }))).toEqual({ ok: true, status: 201, body: { id: 1 } });
  expect(await classify(answer(503, {}))).toEqual({ retry: true, status: 503 });
  expect(await classify(answer(429, {}))).toEqual({ retry: true, status: 429 });
  const refused = await classify(
    answer(422, { title: 'Invalid', errors: [{ field: 'properties.notes', message: 'too long' }] }),
  );
  expect(refused).toMatchObject({ refused: true, status: 422, reason: 'properties.notes: too long' });
  expect(await classify(answer(404, { title: 'Not Found', detail: 'No sighting 9' }))).toMatchObject({
    refused: true,
    reason: 'No sighting 9',
  });
});
