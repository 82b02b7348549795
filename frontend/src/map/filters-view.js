import { h } from '../ui/dom.js';
import { CAMERA_TYPES } from '../sighting/fields.js';

/**
 * The filters panel: camera types, suspected VSA only, the removed cameras too, city (among those
 * seen on the map). Changes `filters` in place.
 */
export function showFilters({ panel, t, filters, cities, onChange }) {
  const box = (id, label, checked, onToggle) =>
    h(
      'p',
      { class: 'field check' },
      h('input', { type: 'checkbox', id, checked, on: { change: (e) => onToggle(e.target.checked) } }),
      h('label', { for: id, text: label }),
    );
  const types = new Set(filters.cameraTypes);
  const citySelect = h(
    'select',
    { id: 'filter-city', on: { change: (e) => onChange(Object.assign(filters, { city: e.target.value })) } },
    h('option', { value: '', text: t('filters.anyCity') }),
    [...cities.entries()]
      .sort((a, b) => a[1].localeCompare(b[1]))
      .map(([code, name]) => h('option', { value: code, text: name, selected: filters.city === code })),
  );
  panel.show(
    t('filters.title'),
    h(
      'fieldset',
      { class: 'choices' },
      h('legend', { text: t('filters.cameraType') }),
      CAMERA_TYPES.map((type) =>
        box(`filter-${type}`, t(`cameraType.${type}`), types.has(type), (on) => {
          if (on) types.add(type);
          else types.delete(type);
          onChange(Object.assign(filters, { cameraTypes: [...types] }));
        }),
      ),
    ),
    box('filter-vsa', t('filters.vsaOnly'), filters.vsaOnly, (on) => onChange(Object.assign(filters, { vsaOnly: on }))),
    box('filter-removed', t('filters.removed'), filters.removed, (on) =>
      onChange(Object.assign(filters, { removed: on })),
    ),
    h('p', { class: 'field' }, h('label', { for: 'filter-city', text: t('filters.city') }), citySelect),
    h('button', {
      type: 'button',
      class: 'button',
      text: t('filters.reset'),
      on: {
        click: () =>
          onChange(Object.assign(filters, { cameraTypes: [], vsaOnly: false, city: '', removed: false }), {
            rerender: true,
          }),
      },
    }),
  );
}
