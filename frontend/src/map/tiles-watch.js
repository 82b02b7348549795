// A base map that cannot load (no network, a tile server down or refusing us) says so once, and
// stops asking: otherwise every pan would fire a dozen failing requests and as many console errors.

/** Consecutive failures, with no tile loaded in between, that mean "the base map is down". */
export const FAILURES_BEFORE_GIVING_UP = 4;

/** Counts failures; a load resets them. Answers true when it is time to give up. */
export function tileFailures(limit = FAILURES_BEFORE_GIVING_UP) {
  let failed = 0;
  return {
    loaded() {
      failed = 0;
    },
    failed() {
      failed += 1;
      return failed === limit;
    },
    reset() {
      failed = 0;
    },
  };
}

/** Watches a Leaflet tile layer: shows `banner` and removes the layer when it fails; `retry` tries again. */
export function watchTiles(map, layer, { banner, retry }) {
  const failures = tileFailures();
  layer.on('tileload', () => failures.loaded());
  layer.on('tileerror', () => {
    if (!failures.failed()) return;
    banner.hidden = false;
    layer.remove(); // aborts the tiles still loading
  });
  retry.addEventListener('click', () => {
    banner.hidden = true;
    failures.reset();
    layer.addTo(map);
  });
}
