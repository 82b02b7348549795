import L from './leaflet-global.js';
import { picture } from '../sighting/pictures.js';

/**
 * A marker icon: the camera type's drawing; VSA-suspected in red with a ring, stale ones greyed,
 * removed ones crossed out.
 */
export function cameraIcon(properties, { stale }) {
  const classes = ['cam', `cam-${properties.cameraType || 'unknown'}`, `surv-${properties.surveillanceType}`];
  if (properties.vsaSuspected) classes.push('cam-vsa');
  if (properties.status === 'removed') classes.push('cam-removed');
  else if (stale) classes.push('cam-stale');
  return L.divIcon({
    className: classes.join(' '),
    html: picture(properties.cameraType),
    iconSize: properties.vsaSuspected ? [36, 36] : [30, 30],
  });
}

/** A cluster: its count, and a name for screen readers (the cluster is a button). */
export function clusterIcon(count, hasVsa, t) {
  return L.divIcon({
    className: `cluster${hasVsa ? ' cluster-vsa' : ''}`,
    html: `<span aria-hidden="true">${count}</span><span class="sr-only">${t('map.cluster', { n: count })}</span>`,
    iconSize: [40, 40],
  });
}
