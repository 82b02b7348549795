import { h } from '../ui/dom.js';
import { picture } from '../sighting/pictures.js';
import { distance } from '../map/wedge.js';

/**
 * "Is it one of these?": the approved cameras already known near the new one. Resolves to the
 * chosen feature (to confirm it), or null (a new camera).
 */
export function askNearby(panel, features, { t, at, radius }) {
  return new Promise((resolve) => {
    const items = features.map((feature) => {
      const p = feature.properties;
      const [lon, lat] = feature.geometry.coordinates;
      const metres = Math.round(distance(at, [lat, lon]));
      const label = t('nearby.item', { type: t(`cameraType.${p.cameraType}`), d: metres });
      return h(
        'li',
        { class: 'nearby-item' },
        h('span', { class: `picture${p.vsaSuspected ? ' vsa' : ''}`, svg: picture(p.cameraType) }),
        h(
          'span',
          { class: 'nearby-text' },
          h('strong', { text: label }),
          p.operator && h('span', { text: p.operator }),
          p.directions?.length ? h('span', { text: `${t('field.directions')} ${p.directions.join(', ')}°` }) : null,
        ),
        h('button', {
          type: 'button',
          class: 'button primary choose',
          'data-id': feature.id,
          'aria-label': `${t('nearby.choose')} (${label})`,
          text: t('nearby.choose'),
          on: { click: () => resolve(feature) },
        }),
      );
    });
    panel.show(
      t('nearby.title'),
      h('p', { text: t('nearby.intro', { m: radius }) }),
      h('ul', { class: 'nearby' }, items),
      h('button', {
        type: 'button',
        class: 'button big new-camera',
        text: t('nearby.none'),
        on: { click: () => resolve(null) },
      }),
    );
  });
}
