// The phone's compass, when it has one: the heading the back of the phone points to.

export function compassAvailable() {
  return typeof window !== 'undefined' && 'DeviceOrientationEvent' in window;
}

/** Heading in degrees from an orientation event, or null when the browser gives no absolute one. */
export function headingOf(event) {
  if (typeof event.webkitCompassHeading === 'number') return Math.round(event.webkitCompassHeading) % 360;
  if (event.absolute && typeof event.alpha === 'number') return Math.round(360 - event.alpha) % 360;
  return null;
}

/** Calls onHeading until the returned function is called; asks permission where iOS wants it. */
export async function startCompass(onHeading) {
  const Orientation = window.DeviceOrientationEvent;
  if (typeof Orientation?.requestPermission === 'function') {
    if ((await Orientation.requestPermission()) !== 'granted') return () => {};
  }
  const type = 'ondeviceorientationabsolute' in window ? 'deviceorientationabsolute' : 'deviceorientation';
  const listener = (event) => {
    const heading = headingOf(event);
    if (heading !== null) onHeading(heading);
  };
  window.addEventListener(type, listener);
  return () => window.removeEventListener(type, listener);
}
