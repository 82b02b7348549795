// The statistics page's old addresses.

/** The new address of an old statistics link, `#/city/<code>` (a city's page was there), or null. */
export function legacyCityPath(hash) {
  const match = /^#\/city\/([0-9A-Za-z_-]{1,40})$/.exec(hash || '');
  return match ? `/cities/${match[1]}` : null;
}
