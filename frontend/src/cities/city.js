// One city: its figures and a small map of its approved cameras (GET /api/cities/{code}), then its VSA evidence.
import { h } from '../ui/dom.js';
import { CAMERA_TYPES, SURVEILLANCE_TYPES } from '../sighting/fields.js';
import { evidenceSection } from './evidence.js';

/** Renders the city into `main`; returns a cleanup function. */
export function showCity(main, city, { t, format, language, api, reload }) {
  const mapBox = h('div', {
    id: 'city-map',
    class: 'city-map',
    role: 'region',
    'aria-label': t('city.map', { name: city.name }),
  });
  const geojson = `/api/export/sightings.geojson?city=${encodeURIComponent(city.code)}`;
  main.replaceChildren(
    h('p', {}, h('a', { href: '/cities/', text: t('city.back') })),
    h('h2', { id: 'city-name', text: city.name }),
    h(
      'dl',
      { class: 'totals' },
      h(
        'div',
        { class: 'total' },
        h('dt', { text: t('col.cameras') }),
        h('dd', { id: 'city-cameras', text: format.integer(city.cameras) }),
      ),
      h(
        'div',
        { class: 'total' },
        h('dt', { text: t('col.vsa') }),
        h('dd', { id: 'city-vsa', text: format.integer(city.vsaSuspected) }),
      ),
      h(
        'div',
        { class: 'total' },
        h('dt', { text: t('col.vsaShare') }),
        h('dd', { text: format.percent(city.vsaShare) }),
      ),
    ),
    ...(city.cameras
      ? [
          h(
            'table',
            { class: 'figures', id: 'city-types' },
            h('caption', { text: t('city.caption', { name: city.name }) }),
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                h('th', { scope: 'col', text: t('city.kind') }),
                h('th', { scope: 'col', text: t('col.cameras') }),
              ),
            ),
            h(
              'tbody',
              {},
              SURVEILLANCE_TYPES.map((type) =>
                row(t(`surveillanceType.${type}`), format.integer(city.bySurveillanceType?.[type] ?? 0)),
              ),
              CAMERA_TYPES.map((type) => row(t(`cameraType.${type}`), format.integer(city.byCameraType?.[type] ?? 0))),
            ),
          ),
          mapBox,
          h('p', {}, h('a', { href: geojson, download: '', text: t('city.export', { name: city.name }) })),
        ]
      : [h('p', { id: 'city-no-camera', text: t('city.noCamera') })]),
    evidenceSection(city, { t, language, api, reload }),
  );
  if (!city.cameras) return () => {};
  let cleanup = () => {};
  let gone = false;
  // Leaflet only loads when there are cameras to show.
  import('../ui/city-map.js')
    .then(({ cityMap }) => cityMap(mapBox, geojson))
    .then((remove) => {
      if (gone) remove();
      else cleanup = remove;
    })
    .catch(() => mapBox.remove());
  return () => {
    gone = true;
    cleanup();
  };
}

function row(label, value) {
  return h('tr', {}, h('th', { scope: 'row', text: label }), h('td', { text: value }));
}
