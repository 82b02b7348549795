import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, test } from 'vitest';
import { MINE, OUTBOX, idbStore, resetConnection } from '../src/offline/idb.js';
import { Outbox, newSubmission } from '../src/offline/outbox.js';

const CAMERA = {
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [3.879, 43.608] },
  properties: { surveillanceType: 'camera', cameraType: 'dome' },
};
const sighting = (id, clientId) => ({
  id,
  properties: { editToken: `token-${id}`, surveillanceType: 'camera', cameraType: 'dome', clientId },
});

/** A fake server that remembers clientIds like the real one: a resend answers the first sighting. */
function server() {
  const byClient = new Map();
  const s = {
    up: true,
    posts: 0,
    amends: [],
    async send(feature) {
      s.posts++;
      if (!s.up) return { retry: true, offline: true };
      if (feature.properties.notes === 'refuse me') return { refused: true, reason: 'notes: no' };
      const id = feature.properties.clientId;
      if (!byClient.has(id)) byClient.set(id, sighting(byClient.size + 1, id));
      return { ok: true, sighting: byClient.get(id) };
    },
    async amend(id, token, feature) {
      s.amends.push({ id, token, feature });
      return { ok: true };
    },
    photosUp: true,
    uploads: [],
    async upload(id, token, blob) {
      if (!s.up || !s.photosUp) return { retry: true, offline: true };
      if (blob.size > 1000) return { refused: true, status: 413, reason: 'too large' };
      s.uploads.push({ id, token, text: await blob.text() });
      return { ok: true, photo: { id: `p${s.uploads.length}` } };
    },
    rows: () => byClient.size,
  };
  return s;
}

let outbox;
let api;
beforeEach(async () => {
  await resetConnection();
  await new Promise((resolve) => {
    indexedDB.deleteDatabase('technocarte').onsuccess = resolve;
  });
  api = server();
  outbox = new Outbox({
    outbox: idbStore(OUTBOX),
    mine: idbStore(MINE),
    send: (f) => api.send(f),
    amend: (...a) => api.amend(...a),
    upload: (...a) => api.upload(...a),
  });
});

describe('the outbox', () => {
  test('gives each new sighting a clientId that it keeps', () => {
    const item = newSubmission(CAMERA, '6f0e0bb4-53b4-4d8a-a3c4-0d1e2f3a4b5c');
    expect(item.feature.properties.clientId).toBe('6f0e0bb4-53b4-4d8a-a3c4-0d1e2f3a4b5c');
    expect(CAMERA.properties.clientId).toBeUndefined();
    expect(newSubmission(CAMERA).clientId).toMatch(/^[0-9a-f-]{36}$/);
  });

  test('keeps sightings while offline and sends them, once each, when the network returns', async () => {
    api.up = false;
    await outbox.add(newSubmission(CAMERA));
    await outbox.add(newSubmission(CAMERA));
    expect(await outbox.flush()).toEqual([]);
    expect(await outbox.list()).toHaveLength(2);
    expect(api.posts).toBe(1); // stops at the first network failure

    api.up = true;
    const sent = await outbox.flush();
    expect(sent).toHaveLength(2);
    expect(await outbox.list()).toEqual([]);
    expect(api.rows()).toBe(2);
    const mine = await idbStore(MINE).all();
    expect(mine.map((m) => m.token).sort()).toEqual(['token-1', 'token-2']);
  });

  test('a resend after a lost answer makes no second sighting', async () => {
    const item = await outbox.add(newSubmission(CAMERA));
    await api.send(item.feature); // reached the server, but the answer was lost
    await outbox.flush();
    expect(api.rows()).toBe(1);
    expect(await outbox.list()).toEqual([]);
  });

  test('marks a sighting the server refuses, and tries again once the walker edits it', async () => {
    const item = await outbox.add(
      newSubmission({ ...CAMERA, properties: { ...CAMERA.properties, notes: 'refuse me' } }),
    );
    await outbox.flush();
    const [refused] = await outbox.list();
    expect(refused).toMatchObject({ state: 'refused', reason: 'notes: no' });

    await outbox.update(item.clientId, CAMERA);
    const [edited] = await outbox.list();
    expect(edited).toMatchObject({ state: 'waiting', revision: 2 });
    expect(edited.feature.properties.clientId).toBe(item.clientId);
    expect(await outbox.flush()).toHaveLength(1);
  });

  test('amends a sighting edited while its first send was under way', async () => {
    const item = await outbox.add(newSubmission(CAMERA));
    const send = api.send;
    api.send = async (feature) => {
      await outbox.update(item.clientId, { ...CAMERA, properties: { ...CAMERA.properties, notes: 'edited' } });
      return send(feature);
    };
    await outbox.flush();
    expect(api.amends).toHaveLength(1);
    expect(api.amends[0].feature.properties.notes).toBe('edited');
    expect(await outbox.list()).toEqual([]);
  });

  test('runs one flush at a time', async () => {
    await outbox.add(newSubmission(CAMERA));
    const [a, b] = await Promise.all([outbox.flush(), outbox.flush()]);
    expect(a).toBe(b);
    expect(api.posts).toBe(1);
  });
});

const jpeg = (text) => new Blob([text], { type: 'image/jpeg' });

describe('photos in the outbox', () => {
  test('keeps the photos of a sighting made offline as blobs, and uploads them after it is sent', async () => {
    api.up = false;
    const item = await outbox.add(newSubmission(CAMERA, undefined, new Date(), [jpeg('first'), jpeg('second')]));
    await outbox.flush();
    await resetConnection(); // as if the phone had closed the page
    const [kept] = await idbStore(OUTBOX).all();
    expect(kept.photos).toHaveLength(2);
    expect(kept.photos[0]).toBeInstanceOf(Blob);
    expect(kept.photos[0].type).toBe('image/jpeg');
    expect(await kept.photos[1].text()).toBe('second');

    api.up = true;
    const sent = await outbox.flush();
    expect(sent).toHaveLength(1);
    expect(api.uploads).toEqual([
      { id: 1, token: 'token-1', text: 'first' },
      { id: 1, token: 'token-1', text: 'second' },
    ]);
    expect(await outbox.list()).toEqual([]);
    expect((await idbStore(MINE).get(item.clientId)).token).toBe('token-1');
  });

  test('when the network drops between the sighting and its photos, sends only the photos later', async () => {
    await outbox.add(newSubmission(CAMERA, undefined, new Date(), [jpeg('first')]));
    api.photosUp = false;
    const [first] = await outbox.flush();
    expect(first.photosLeft).toBe(true);
    expect(await idbStore(MINE).all()).toHaveLength(1); // the private link is kept already
    const [waiting] = await outbox.list();
    expect(waiting.sighting).toEqual({ id: 1, properties: { editToken: 'token-1' } });
    expect(waiting.photos).toHaveLength(1);

    api.photosUp = true;
    const posts = api.posts;
    await outbox.flush();
    expect(api.posts).toBe(posts); // the sighting is not sent again
    expect(api.uploads).toEqual([{ id: 1, token: 'token-1', text: 'first' }]);
    expect(await outbox.list()).toEqual([]);
  });

  test('drops a photo the server refuses for good and uploads the others', async () => {
    await outbox.add(newSubmission(CAMERA, undefined, new Date(), [jpeg('x'.repeat(2000)), jpeg('fine')]));
    await outbox.flush();
    expect(api.uploads.map((u) => u.text)).toEqual(['fine']);
    expect(await outbox.list()).toEqual([]);
  });

  test('replaces the photos when the walker edits a waiting sighting', async () => {
    api.up = false;
    const item = await outbox.add(newSubmission(CAMERA, undefined, new Date(), [jpeg('old')]));
    await outbox.update(item.clientId, CAMERA, [jpeg('new')]);
    await outbox.update(item.clientId, CAMERA); // no photos given: the kept ones stay
    api.up = true;
    await outbox.flush();
    expect(api.uploads.map((u) => u.text)).toEqual(['new']);
  });
});
