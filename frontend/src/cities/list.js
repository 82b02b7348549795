// The cities (GET /api/cities), each a link to its page.
import { el } from '../stats/dom.js';

export function showCities(main, cities, { t, format }) {
  main.replaceChildren(
    el('h2', { id: 'cities-title', text: t('page.cities') }),
    cities.length
      ? el(
          'ul',
          { id: 'city-list', class: 'city-list' },
          cities.map((city) =>
            el(
              'li',
              { 'data-code': city.code },
              el('a', { href: `/cities/${encodeURIComponent(city.code)}`, text: city.name }),
              ' ',
              el('span', { class: 'hint', text: t('cities.count', { n: format.integer(city.cameras) }) }),
            ),
          ),
        )
      : el('p', { text: t('cities.empty') }),
  );
  return () => {};
}
