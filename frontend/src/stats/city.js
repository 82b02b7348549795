// One city: its figures (GET /api/cities/{code}) and a small map of its approved cameras.
import { el } from './dom.js';
import { CAMERA_TYPES, SURVEILLANCE_TYPES, cityRow } from './shape.js';

/** Renders the city into `main`; returns a cleanup function. */
export function showCity(main, city, { t, format }) {
  const r = cityRow(city);
  const mapBox = el('div', { id: 'city-map', class: 'city-map', role: 'region', 'aria-label': t('city.map', { name: r.name }) });
  const geojson = `/api/export/sightings.geojson?city=${encodeURIComponent(r.code)}`;
  main.replaceChildren(
    el('p', {}, el('a', { href: '#/', text: t('city.back') })),
    el('h2', { id: 'city-name', text: r.name }),
    el(
      'dl',
      { class: 'totals' },
      el('div', { class: 'total' }, el('dt', { text: t('col.cameras') }), el('dd', { id: 'city-cameras', text: format.integer(r.cameras) })),
      el('div', { class: 'total' }, el('dt', { text: t('col.vsa') }), el('dd', { id: 'city-vsa', text: format.integer(r.vsaSuspected) })),
      el('div', { class: 'total' }, el('dt', { text: t('col.vsaShare') }), el('dd', { text: format.percent(r.vsaShare) })),
    ),
    el(
      'table',
      { class: 'figures', id: 'city-types' },
      el('caption', { text: t('city.caption', { name: r.name }) }),
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('city.kind') }), el('th', { scope: 'col', text: t('col.cameras') }))),
      el(
        'tbody',
        {},
        SURVEILLANCE_TYPES.map((type, i) => row(t(`surveillanceType.${type}`), format.integer(r.bySurveillanceType[i]))),
        CAMERA_TYPES.map((type, i) => row(t(`cameraType.${type}`), format.integer(r.byCameraType[i]))),
      ),
    ),
    mapBox,
    el('p', {}, el('a', { href: geojson, download: '', text: t('city.export', { name: r.name }) })),
  );
  let cleanup = () => {};
  let gone = false;
  // Leaflet only loads for a city: the overview stays light.
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
