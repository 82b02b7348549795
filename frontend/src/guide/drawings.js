// Line drawings made for the guide, bundled (no request elsewhere), in the project's colours.
import alpr from './drawings/alpr.svg?raw';
import counter from './drawings/counter.svg?raw';
import dome from './drawings/dome.svg?raw';
import doorbell from './drawings/doorbell.svg?raw';
import fixed from './drawings/fixed.svg?raw';
import panning from './drawings/panning.svg?raw';
import pir from './drawings/pir.svg?raw';
import redlight from './drawings/redlight.svg?raw';
import speed from './drawings/speed.svg?raw';

const DRAWINGS = { alpr, counter, dome, doorbell, fixed, panning, pir, redlight, speed };

/** The SVG markup (trusted, shipped with the app) of one entry of the guide. */
export function drawing(id) {
  return DRAWINGS[id] ?? '';
}
