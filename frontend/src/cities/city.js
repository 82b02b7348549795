// One city: its figures and a small map of its approved cameras (GET /api/cities/{code}), then its VSA evidence.
import { el } from '../stats/dom.js';
import { CAMERA_TYPES, SURVEILLANCE_TYPES, cityRow } from '../stats/shape.js';
import { evidenceSection } from './evidence.js';

/** Renders the city into `main`; returns a cleanup function. */
export function showCity(main, city, { t, format, language, api, reload }) {
  const r = cityRow(city);
  const mapBox = el('div', {
    id: 'city-map',
    class: 'city-map',
    role: 'region',
    'aria-label': t('city.map', { name: r.name }),
  });
  const geojson = `/api/export/sightings.geojson?city=${encodeURIComponent(r.code)}`;
  main.replaceChildren(
    el('p', {}, el('a', { href: '/cities/', text: t('city.back') })),
    el('h2', { id: 'city-name', text: r.name }),
    el(
      'dl',
      { class: 'totals' },
      el(
        'div',
        { class: 'total' },
        el('dt', { text: t('col.cameras') }),
        el('dd', { id: 'city-cameras', text: format.integer(r.cameras) }),
      ),
      el(
        'div',
        { class: 'total' },
        el('dt', { text: t('col.vsa') }),
        el('dd', { id: 'city-vsa', text: format.integer(r.vsaSuspected) }),
      ),
      el(
        'div',
        { class: 'total' },
        el('dt', { text: t('col.vsaShare') }),
        el('dd', { text: format.percent(r.vsaShare) }),
      ),
    ),
    ...(r.cameras
      ? [
          el(
            'table',
            { class: 'figures', id: 'city-types' },
            el('caption', { text: t('city.caption', { name: r.name }) }),
            el(
              'thead',
              {},
              el(
                'tr',
                {},
                el('th', { scope: 'col', text: t('city.kind') }),
                el('th', { scope: 'col', text: t('col.cameras') }),
              ),
            ),
            el(
              'tbody',
              {},
              SURVEILLANCE_TYPES.map((type, i) =>
                row(t(`surveillanceType.${type}`), format.integer(r.bySurveillanceType[i])),
              ),
              CAMERA_TYPES.map((type, i) => row(t(`cameraType.${type}`), format.integer(r.byCameraType[i]))),
            ),
          ),
          mapBox,
          el('p', {}, el('a', { href: geojson, download: '', text: t('city.export', { name: r.name }) })),
        ]
      : [el('p', { id: 'city-no-camera', text: t('city.noCamera') })]),
    evidenceSection(city, { t, language, api, reload }),
  );
  if (!r.cameras) return () => {};
  let cleanup = () => {};
  let gone = false;
  // Leaflet only loads when there are cameras to show.
  import('./city-map.js')
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
  return el('tr', {}, el('th', { scope: 'row', text: label }), el('td', { text: value }));
}
