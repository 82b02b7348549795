// Sightings wait here until the server has them. Each carries the clientId made when the walker
// created it, so a resend after a lost answer is recognised by the server and never duplicated.

/**
 * A new sighting to send: its clientId is made now, once, and travels with every resend. Its
 * photos (JPEG blobs, already stripped on the phone) wait with it and go once it exists.
 */
export function newSubmission(feature, clientId = crypto.randomUUID(), now = new Date(), photos = []) {
  return {
    clientId,
    feature: withClientId(feature, clientId),
    photos,
    createdAt: now.toISOString(),
    revision: 1,
    state: 'waiting',
    reason: null,
  };
}

function withClientId(feature, clientId) {
  return { ...feature, properties: { ...feature.properties, clientId } };
}

/** What the walker keeps of a sent sighting: enough to list it and open its private link. */
export function mineEntry(item, sighting) {
  return {
    clientId: item.clientId,
    id: sighting.id,
    token: sighting.properties.editToken,
    sentAt: new Date().toISOString(),
    surveillanceType: sighting.properties.surveillanceType,
    cameraType: sighting.properties.cameraType,
    city: sighting.properties.city?.name ?? null,
  };
}

/**
 * The queue. `send(feature)` answers { ok, sighting } | { retry } (no network, server trouble) |
 * { refused, reason } (the server will never take it as it is); `amend(id, token, feature)` re-sends
 * an edit made while the first send was under way; `upload(id, token, blob)` adds one photo to the
 * created sighting and answers the same way.
 *
 * A sighting with photos stays here, marked with its created `sighting`, until every photo is
 * uploaded or refused: the network may drop between the sighting and its photos.
 */
export class Outbox {
  constructor({ outbox, mine, send, amend, upload, onChange = () => {} }) {
    Object.assign(this, { outbox, mine, send, amend, upload, onChange });
    this.flushing = null;
  }

  list() {
    return this.outbox.all().then((items) => items.sort((a, b) => a.createdAt.localeCompare(b.createdAt)));
  }

  get(clientId) {
    return this.outbox.get(clientId);
  }

  async add(item) {
    await this.outbox.put(item);
    this.onChange();
    return item;
  }

  /** The walker edits a waiting (or refused) sighting: same clientId, new content (and photos), tried again. */
  async update(clientId, feature, photos = undefined) {
    const item = await this.outbox.get(clientId);
    if (!item) return null;
    const updated = {
      ...item,
      feature: withClientId(feature, clientId),
      revision: item.revision + 1,
      state: 'waiting',
      reason: null,
    };
    if (photos) updated.photos = photos;
    await this.outbox.put(updated);
    this.onChange();
    return updated;
  }

  async remove(clientId) {
    await this.outbox.delete(clientId);
    this.onChange();
  }

  /** Sends what waits, oldest first; one flush at a time. Resolves to the sightings sent. */
  flush() {
    this.flushing ??= this.#flushAll().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  async #flushAll() {
    const sent = [];
    for (const item of await this.list()) {
      if (item.state !== 'waiting') continue;
      let sighting = item.sighting;
      if (!sighting) {
        const result = await this.send(item.feature);
        if (result.retry) break; // the network is down: the rest would fail the same way
        if (result.refused) {
          await this.outbox.put({ ...item, state: 'refused', reason: result.reason, errors: result.errors || [] });
          this.onChange();
          continue;
        }
        sighting = result.sighting;
      }
      const settled = await this.#settle(item, sighting);
      if (settled !== 'retry') sent.push({ item, sighting, photosLeft: settled === 'photosLeft' });
      this.onChange();
      if (settled !== 'sent') break;
    }
    return sent;
  }

  /**
   * Amends what was edited meanwhile, keeps the private link, uploads the photos: 'sent', or
   * 'photosLeft' (the sighting exists, some photos wait for the network), or 'retry'.
   */
  async #settle(item, sighting) {
    const now = (await this.outbox.get(item.clientId)) || item;
    const sentRevision = item.sighting ? item.sentRevision : item.revision;
    const token = sighting.properties.editToken;
    if (now.revision !== sentRevision && this.amend) {
      // Edited while the first send was under way: the server has the old content, amend it.
      const amended = await this.amend(sighting.id, token, now.feature);
      if (amended.retry) return 'retry'; // stays in the outbox; tried again later with the same clientId
    }
    if (!item.sighting) await this.mine.put(mineEntry(item, sighting));
    const photos = [...(now.photos || [])];
    while (photos.length && this.upload) {
      const result = await this.upload(sighting.id, token, photos[0]);
      if (result.retry) {
        // The sighting exists: keep only what it needs to receive its remaining photos.
        const created = { id: sighting.id, properties: { editToken: token } };
        await this.outbox.put({ ...now, sighting: created, sentRevision: now.revision, photos });
        return 'photosLeft';
      }
      photos.shift(); // uploaded, or refused for good (too large, not pending any more): never retried
    }
    await this.outbox.delete(item.clientId);
    return 'sent';
  }
}
