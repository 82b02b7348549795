// The overview: totals, the cities table (and its CSV), cameras per city, cameras added per month.
import { barChart } from './charts.js';
import { citiesCsv, csvFileName } from './csv.js';
import { h } from '../ui/dom.js';
import { CAMERA_TYPES, SURVEILLANCE_TYPES, cityRow, citySeries, monthSeries } from './shape.js';

const CHART_CITIES = 12;

/** Renders the overview into `main`; returns a cleanup function (charts, object URL). */
export function showOverview(main, stats, { t, format }) {
  const charts = [];
  const csv = URL.createObjectURL(new Blob([citiesCsv(stats.cities)], { type: 'text/csv;charset=utf-8' }));

  const totals = h(
    'section',
    { 'aria-labelledby': 'totals-title' },
    h('h2', { id: 'totals-title', text: t('totals.title') }),
    h(
      'dl',
      { class: 'totals' },
      total(format.integer(stats.cameras), t('totals.cameras'), 'total-cameras'),
      total(format.integer(stats.vsaSuspected), t('totals.vsa'), 'total-vsa'),
      total(format.integer(stats.removed ?? 0), t('totals.removed'), 'total-removed'),
      total(format.integer(stats.cities.length), t('totals.cities'), 'total-cities'),
    ),
  );

  const cityChart = h('div', { class: 'chart', id: 'chart-cities' });
  const monthChart = h('div', { class: 'chart', id: 'chart-months' });
  const cities = h(
    'section',
    { 'aria-labelledby': 'cities-title' },
    h('h2', { id: 'cities-title', text: t('cities.title') }),
    stats.cities.length
      ? [
          h(
            'figure',
            { class: 'chart-figure' },
            h(
              'figcaption',
              {},
              t(stats.cities.length > CHART_CITIES ? 'chart.citiesTop' : 'chart.cities', { n: CHART_CITIES }),
              ' ',
              h('span', { class: 'hint', text: t('chart.alternative') }),
            ),
            cityChart,
          ),
          h(
            'p',
            {},
            h('a', {
              id: 'csv',
              class: 'button',
              href: csv,
              download: csvFileName(),
              type: 'text/csv',
              text: t('csv'),
            }),
          ),
          h(
            'div',
            { class: 'scroll', role: 'region', tabindex: '0', 'aria-label': t('cities.scroll') },
            citiesTable(stats.cities, { t, format }),
          ),
        ]
      : h('p', { text: t('cities.empty') }),
  );

  const series = monthSeries(stats.addedPerMonth, stats.removedPerMonth);
  const months = h(
    'section',
    { 'aria-labelledby': 'months-title' },
    h('h2', { id: 'months-title', text: t('chart.months') }),
    series.labels.length
      ? [
          h(
            'figure',
            { class: 'chart-figure' },
            h('figcaption', { class: 'hint', text: t('chart.alternative') }),
            monthChart,
          ),
          h('details', {}, h('summary', { text: t('months.table') }), monthsTable(series, { t, format })),
        ]
      : h('p', { text: t('cities.empty') }),
  );

  main.replaceChildren(totals, cities, months);
  if (stats.cities.length)
    charts.push(barChart(cityChart, citySeries(stats.cities, CHART_CITIES), { label: t('col.cameras') }));
  if (series.labels.length) charts.push(barChart(monthChart, series, { label: t('col.added') }));
  return () => {
    for (const chart of charts) chart.destroy();
    URL.revokeObjectURL(csv);
  };
}

function total(value, label, id) {
  return h('div', { class: 'total' }, h('dt', { text: label }), h('dd', { id, text: value }));
}

function citiesTable(cities, { t, format }) {
  const head1 = h(
    'tr',
    {},
    h('th', { scope: 'col', rowspan: '2', text: t('col.city') }),
    h('th', { scope: 'col', rowspan: '2', text: t('col.cameras') }),
    h('th', { scope: 'col', rowspan: '2', text: t('col.vsa') }),
    h('th', { scope: 'col', rowspan: '2', text: t('col.vsaShare') }),
    h('th', { scope: 'colgroup', colspan: String(SURVEILLANCE_TYPES.length), text: t('group.surveillanceType') }),
    h('th', { scope: 'colgroup', colspan: String(CAMERA_TYPES.length), text: t('group.cameraType') }),
  );
  const head2 = h(
    'tr',
    {},
    SURVEILLANCE_TYPES.map((type) => h('th', { scope: 'col', text: t(`surveillanceType.${type}`) })),
    CAMERA_TYPES.map((type) => h('th', { scope: 'col', text: t(`cameraType.${type}`) })),
  );
  const rows = cities.map(cityRow).map((r) =>
    h(
      'tr',
      { 'data-code': r.code },
      h('th', { scope: 'row' }, h('a', { href: `/cities/${encodeURIComponent(r.code)}`, text: r.name })),
      h('td', { 'data-field': 'cameras', text: format.integer(r.cameras) }),
      h('td', { 'data-field': 'vsaSuspected', text: format.integer(r.vsaSuspected) }),
      h('td', { 'data-field': 'vsaShare', text: format.percent(r.vsaShare) }),
      r.bySurveillanceType.map((n) => h('td', { text: format.integer(n) })),
      r.byCameraType.map((n) => h('td', { text: format.integer(n) })),
    ),
  );
  return h(
    'table',
    { id: 'cities', class: 'figures' },
    h('caption', { text: t('cities.caption') }),
    h('colgroup', { span: '4' }),
    h('colgroup', { span: String(SURVEILLANCE_TYPES.length) }),
    h('colgroup', { span: String(CAMERA_TYPES.length) }),
    h('thead', {}, head1, head2),
    h('tbody', {}, rows),
  );
}

function monthsTable(series, { t, format }) {
  return h(
    'table',
    { id: 'months', class: 'figures' },
    h('caption', { text: t('months.caption') }),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        h('th', { scope: 'col', text: t('col.month') }),
        h('th', { scope: 'col', text: t('col.added') }),
        h('th', { scope: 'col', text: t('col.removed') }),
        h('th', { scope: 'col', text: t('col.net') }),
      ),
    ),
    h(
      'tbody',
      {},
      series.labels.map((month, i) =>
        h(
          'tr',
          {},
          h('th', { scope: 'row', text: month }),
          h('td', { text: format.integer(series.values[i]) }),
          h('td', { text: format.integer(series.removed[i]) }),
          h('td', { text: format.integer(series.net[i]) }),
        ),
      ),
    ),
  );
}
