// Where a new camera stands, and whether the walker saw it placed: a sighting is never sent from a
// position nobody chose (an arbitrary map centre at country zoom, or a pin that never moved).

/** From this zoom on, one can tell one side of a street from the other. */
export const PLACE_ZOOM = 16;

/**
 * The state of the pin after an event:
 * - { source: 'gps', accuracy } : the phone located the walker; placed at once.
 * - { source: 'map', zoom } : the walker tapped the map, dragged the pin, or moved the map there;
 *   placed only at street zoom.
 * - { source: 'failed', denied } : location failed; nothing placed yet.
 * - { source: 'record' } : a sighting already sent or waiting keeps its position.
 * Answers { placed, message, vars }: `message` is the i18n key to show under the title.
 */
export function placement(event, previous = { placed: false }) {
  switch (event.source) {
    case 'gps':
      return { placed: true, message: 'walker.gpsPlaced', vars: { m: Math.round(event.accuracy) } };
    case 'record':
      return { placed: true, message: 'walker.placed' };
    case 'failed':
      // A late GPS failure does not undo a position the walker already chose.
      if (previous.placed) return previous;
      return { placed: false, message: event.denied ? 'walker.locateDenied' : 'walker.locateFailed' };
    case 'map':
      if (event.zoom >= PLACE_ZOOM) return { placed: true, message: 'walker.placed' };
      return { placed: false, message: 'walker.zoomToPlace' };
    default:
      return previous;
  }
}
