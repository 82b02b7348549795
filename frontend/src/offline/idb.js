// A tiny promise wrapper over IndexedDB: the outbox of unsent sightings and the walker's own links.
const DB_NAME = 'technocarte';
const VERSION = 1;
export const OUTBOX = 'outbox';
export const MINE = 'mine';

let opening;

function request(req) {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

function open(factory) {
  const req = factory.open(DB_NAME, VERSION);
  req.onupgradeneeded = () => {
    const db = req.result;
    if (!db.objectStoreNames.contains(OUTBOX)) db.createObjectStore(OUTBOX, { keyPath: 'clientId' });
    if (!db.objectStoreNames.contains(MINE)) db.createObjectStore(MINE, { keyPath: 'clientId' });
  };
  return request(req);
}

/** A key-value store over one object store: get, all, put, delete. */
export function idbStore(name, factory = globalThis.indexedDB) {
  const db = () => (opening ??= open(factory));
  const run = async (mode, fn) => {
    const tx = (await db()).transaction(name, mode);
    const done = new Promise((resolve, reject) => {
      tx.oncomplete = resolve;
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error);
    });
    const result = request(fn(tx.objectStore(name)));
    await done;
    return result;
  };
  return {
    get: (key) => run('readonly', (s) => s.get(key)),
    all: () => run('readonly', (s) => s.getAll()),
    put: (value) => run('readwrite', (s) => s.put(value)),
    delete: (key) => run('readwrite', (s) => s.delete(key)),
  };
}

/** For tests: forget the open connection. */
export async function resetConnection() {
  const db = await opening;
  db?.close();
  opening = undefined;
}
