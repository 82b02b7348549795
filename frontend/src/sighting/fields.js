// The values a sighting's fields take (DESIGN.md), in the order the forms show them.
export const SURVEILLANCE_TYPES = ['camera', 'alpr', 'guard', 'other'];
export const CAMERA_TYPES = ['fixed', 'dome', 'panning', 'unknown'];
export const MOUNTS = ['pole', 'wall', 'ceiling', 'street_lamp', 'building', 'traffic_signals', 'gantry', 'other'];
export const AREAS = ['public', 'outdoor', 'indoor'];
export const ZONES = ['town', 'traffic', 'parking', 'shop', 'bank', 'building', 'entrance', 'other'];
export const OPERATOR_TYPES = ['public', 'police', 'transport', 'private', 'unknown'];

const DEFAULT_FIELD_OF_VIEW = { fixed: 60, dome: 360, panning: 360, unknown: 90 };

/** The field of view to draw: the sighting's own, else the default of its camera type. */
export function fieldOfView(properties) {
  const own = properties.fieldOfView;
  if (Number.isFinite(own) && own >= 1 && own <= 360) return own;
  return DEFAULT_FIELD_OF_VIEW[properties.cameraType] ?? DEFAULT_FIELD_OF_VIEW.unknown;
}
