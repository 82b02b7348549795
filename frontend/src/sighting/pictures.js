// Drawings of the camera types, bundled: the form shows them large, the map small.
import dome from './pictures/dome.svg?raw';
import fixed from './pictures/fixed.svg?raw';
import panning from './pictures/panning.svg?raw';
import unknown from './pictures/unknown.svg?raw';

const PICTURES = { fixed, dome, panning, unknown };

/** The SVG markup (trusted, shipped with the app) of a camera type. */
export function picture(cameraType) {
  return PICTURES[cameraType] || PICTURES.unknown;
}
