// Sightings wait here until the server has them. Each carries the clientId made when the walker
// created it, so a resend after a lost answer is recognised by the server and never duplicated.

/** A new sighting to send: its clientId is made now, once, and travels with every resend. */
export function newSubmission(feature, clientId = crypto.randomUUID(), now = new Date()) {
  return {
    clientId,
    feature: withClientId(feature, clientId),
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
 * an edit made while the first send was under way.
 */
export class Outbox {
  constructor({ outbox, mine, send, amend, onChange = () => {} }) {
    Object.assign(this, { outbox, mine, send, amend, onChange });
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

  /** The walker edits a waiting (or refused) sighting: same clientId, new content, tried again. */
  async update(clientId, feature) {
    const item = await this.outbox.get(clientId);
    if (!item) return null;
    const updated = { ...item, feature: withClientId(feature, clientId), revision: item.revision + 1, state: 'waiting', reason: null };
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
      const result = await this.send(item.feature);
      if (result.retry) break; // the network is down: the rest would fail the same way
      if (result.refused) {
        await this.outbox.put({ ...item, state: 'refused', reason: result.reason, errors: result.errors || [] });
      } else if (result.ok) {
        await this.#settle(item, result.sighting);
        sent.push({ item, sighting: result.sighting });
      }
      this.onChange();
    }
    return sent;
  }

  async #settle(item, sighting) {
    const now = await this.outbox.get(item.clientId);
    if (now && now.revision !== item.revision && this.amend) {
      // Edited while the first send was under way: the server has the old content, amend it.
      const amended = await this.amend(sighting.id, sighting.properties.editToken, now.feature);
      if (amended.retry) return; // stays in the outbox; tried again later with the same clientId
    }
    await this.mine.put(mineEntry(item, sighting));
    await this.outbox.delete(item.clientId);
  }
}
