// The cities (GET /api/cities), each a link to its page.
import { h } from '../ui/dom.js';

export function showCities(main, cities, { t, format }) {
  main.replaceChildren(
    h('h2', { id: 'cities-title', text: t('page.cities') }),
    cities.length
      ? h(
          'ul',
          { id: 'city-list', class: 'city-list' },
          cities.map((city) =>
            h(
              'li',
              { 'data-code': city.code },
              h('a', { href: `/cities/${encodeURIComponent(city.code)}`, text: city.name }),
              ' ',
              h('span', { class: 'hint', text: t('cities.count', { n: format.integer(city.cameras) }) }),
            ),
          ),
        )
      : h('p', { text: t('cities.empty') }),
  );
  return () => {};
}
