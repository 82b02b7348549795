// The walker's private link carries the edit token in the fragment, which browsers never send to
// any server (nor in Referer): only this page reads it. Never in a query string.

/** '#/s/123/<token>' */
export function privateFragment(id, token) {
  return `#/s/${encodeURIComponent(id)}/${encodeURIComponent(token)}`;
}

/** The full link to show and copy: origin + path + fragment, no query. */
export function privateLink(id, token, location = globalThis.location) {
  return `${location.origin}${location.pathname}${privateFragment(id, token)}`;
}

/**
 * What a fragment asks for: { view: 'map' } | { view: 'sent', id, token } | { view: 'camera', id }
 * | { view: 'add' } | { view: 'mine' } | { view: 'search' } | { view: 'menu' } | { view: 'queued', clientId }.
 */
export function parseFragment(hash) {
  const path = String(hash || '').replace(/^#\/?/, '');
  const parts = path
    .split('/')
    .filter(Boolean)
    .map((p) => {
      try {
        return decodeURIComponent(p);
      } catch {
        return p;
      }
    });
  const id = (text) => (/^[1-9]\d{0,17}$/.test(text || '') ? text : null);
  switch (parts[0]) {
    case 's':
      if (id(parts[1]) && parts[2] && /^[\w-]{8,200}$/.test(parts[2]))
        return { view: 'sent', id: parts[1], token: parts[2] };
      break;
    case 'c':
      if (id(parts[1])) return { view: 'camera', id: parts[1] };
      break;
    case 'add':
      return { view: 'add' };
    case 'mine':
      return { view: 'mine' };
    case 'search':
      return { view: 'search' };
    case 'menu':
      return { view: 'menu' };
    case 'q':
      if (parts[1]) return { view: 'queued', clientId: parts[1] };
      break;
    default:
  }
  return { view: 'map' };
}
