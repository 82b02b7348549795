// The addresses of the city pages.

/** The city code of a page address: `/cities/<code>` → code; the list (`/cities/`) → null. */
export function cityCode(pathname) {
  const match = /^\/cities\/([0-9A-Za-z_-]{1,40})\/?$/.exec(pathname || '');
  return match ? match[1] : null;
}
