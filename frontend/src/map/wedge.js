// Field-of-view wedges: plain geometry, so it can be tested without a map.
const EARTH_RADIUS_M = 6_371_008.8;
const toRad = (d) => (d * Math.PI) / 180;
const toDeg = (r) => (r * 180) / Math.PI;

/** The point at `distance` metres from [lat, lon] towards `bearing` degrees (clockwise from north). */
export function destination([lat, lon], bearing, distance) {
  const δ = distance / EARTH_RADIUS_M;
  const θ = toRad(bearing);
  const φ1 = toRad(lat);
  const λ1 = toRad(lon);
  const φ2 = Math.asin(Math.sin(φ1) * Math.cos(δ) + Math.cos(φ1) * Math.sin(δ) * Math.cos(θ));
  const λ2 = λ1 + Math.atan2(Math.sin(θ) * Math.sin(δ) * Math.cos(φ1), Math.cos(δ) - Math.sin(φ1) * Math.sin(φ2));
  return [toDeg(φ2), ((toDeg(λ2) + 540) % 360) - 180];
}

/** Initial bearing in degrees (0–359, clockwise from north) from one [lat, lon] to another. */
export function bearing([lat1, lon1], [lat2, lon2]) {
  const φ1 = toRad(lat1);
  const φ2 = toRad(lat2);
  const Δλ = toRad(lon2 - lon1);
  const y = Math.sin(Δλ) * Math.cos(φ2);
  const x = Math.cos(φ1) * Math.sin(φ2) - Math.sin(φ1) * Math.cos(φ2) * Math.cos(Δλ);
  return Math.round(toDeg(Math.atan2(y, x)) + 360) % 360;
}

/** Great-circle distance in metres. */
export function distance([lat1, lon1], [lat2, lon2]) {
  const a =
    Math.sin(toRad(lat2 - lat1) / 2) ** 2 +
    Math.cos(toRad(lat1)) * Math.cos(toRad(lat2)) * Math.sin(toRad(lon2 - lon1) / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.sqrt(a));
}

/**
 * The outline of what a camera at [lat, lon] sees looking towards `direction` with `fov` degrees:
 * the camera, then an arc of `radius` metres. A 360° field is a closed ring around the camera.
 */
export function wedge(center, direction, fov, radius = 25, step = 10) {
  if (fov >= 360) {
    const ring = [];
    for (let b = 0; b < 360; b += step) ring.push(destination(center, b, radius));
    return ring;
  }
  const start = direction - fov / 2;
  const steps = Math.max(2, Math.ceil(fov / step));
  const outline = [center];
  for (let i = 0; i <= steps; i++) outline.push(destination(center, start + (fov * i) / steps, radius));
  return outline;
}

/** One outline per direction; a camera without direction but with a 360° field gets a ring. */
export function wedges(center, directions, fov, radius) {
  if (fov >= 360) return [wedge(center, 0, 360, radius)];
  return (directions || []).map((d) => wedge(center, d, fov, radius));
}
