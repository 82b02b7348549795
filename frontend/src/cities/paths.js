// The addresses of the city pages.

/** The city code of a page address: `/cities/<code>` → code; the list (`/cities/`) → null. */
export function cityCode(pathname) {
  const match = /^\/cities\/([0-9A-Za-z_-]{1,40})\/?$/.exec(pathname || '');
  return match ? match[1] : null;
}

/** The new address of an old statistics link, `#/city/<code>`, or null. */
export function legacyCityPath(hash) {
  const match = /^#\/city\/([0-9A-Za-z_-]{1,40})$/.exec(hash || '');
  return match ? `/cities/${match[1]}` : null;
}
