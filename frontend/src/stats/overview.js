// The overview: totals, the cities table (and its CSV), cameras per city, cameras added per month.
import { barChart } from './charts.js';
import { citiesCsv, csvFileName } from './csv.js';
import { el } from './dom.js';
import { CAMERA_TYPES, SURVEILLANCE_TYPES, cityRow, citySeries, monthSeries } from './shape.js';

const CHART_CITIES = 12;

/** Renders the overview into `main`; returns a cleanup function (charts, object URL). */
export function showOverview(main, stats, { t, format }) {
  const charts = [];
  const csv = URL.createObjectURL(new Blob([citiesCsv(stats.cities)], { type: 'text/csv;charset=utf-8' }));

  const totals = el(
    'section',
    { 'aria-labelledby': 'totals-title' },
    el('h2', { id: 'totals-title', text: t('totals.title') }),
    el(
      'dl',
      { class: 'totals' },
      total(format.integer(stats.cameras), t('totals.cameras'), 'total-cameras'),
      total(format.integer(stats.vsaSuspected), t('totals.vsa'), 'total-vsa'),
      total(format.integer(stats.removed ?? 0), t('totals.removed'), 'total-removed'),
      total(format.integer(stats.cities.length), t('totals.cities'), 'total-cities'),
    ),
  );

  const cityChart = el('div', { class: 'chart', id: 'chart-cities' });
  const monthChart = el('div', { class: 'chart', id: 'chart-months' });
  const cities = el(
    'section',
    { 'aria-labelledby': 'cities-title' },
    el('h2', { id: 'cities-title', text: t('cities.title') }),
    stats.cities.length
      ? [
          el(
            'figure',
            { class: 'chart-figure' },
            el(
              'figcaption',
              {},
              t(stats.cities.length > CHART_CITIES ? 'chart.citiesTop' : 'chart.cities', { n: CHART_CITIES }),
              ' ',
              el('span', { class: 'hint', text: t('chart.alternative') }),
            ),
            cityChart,
          ),
          el(
            'p',
            {},
            el('a', {
              id: 'csv',
              class: 'button',
              href: csv,
              download: csvFileName(),
              type: 'text/csv',
              text: t('csv'),
            }),
          ),
          el(
            'div',
            { class: 'scroll', role: 'region', tabindex: '0', 'aria-label': t('cities.scroll') },
            citiesTable(stats.cities, { t, format }),
          ),
        ]
      : el('p', { text: t('cities.empty') }),
  );

  const series = monthSeries(stats.addedPerMonth, stats.removedPerMonth);
  const months = el(
    'section',
    { 'aria-labelledby': 'months-title' },
    el('h2', { id: 'months-title', text: t('chart.months') }),
    series.labels.length
      ? [
          el(
            'figure',
            { class: 'chart-figure' },
            el('figcaption', { class: 'hint', text: t('chart.alternative') }),
            monthChart,
          ),
          el('details', {}, el('summary', { text: t('months.table') }), monthsTable(series, { t, format })),
        ]
      : el('p', { text: t('cities.empty') }),
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
  return el('div', { class: 'total' }, el('dt', { text: label }), el('dd', { id, text: value }));
}

function citiesTable(cities, { t, format }) {
  const head1 = el(
    'tr',
    {},
    el('th', { scope: 'col', rowspan: '2', text: t('col.city') }),
    el('th', { scope: 'col', rowspan: '2', text: t('col.cameras') }),
    el('th', { scope: 'col', rowspan: '2', text: t('col.vsa') }),
    el('th', { scope: 'col', rowspan: '2', text: t('col.vsaShare') }),
    el('th', { scope: 'colgroup', colspan: String(SURVEILLANCE_TYPES.length), text: t('group.surveillanceType') }),
    el('th', { scope: 'colgroup', colspan: String(CAMERA_TYPES.length), text: t('group.cameraType') }),
  );
  const head2 = el(
    'tr',
    {},
    SURVEILLANCE_TYPES.map((type) => el('th', { scope: 'col', text: t(`surveillanceType.${type}`) })),
    CAMERA_TYPES.map((type) => el('th', { scope: 'col', text: t(`cameraType.${type}`) })),
  );
  const rows = cities.map(cityRow).map((r) =>
    el(
      'tr',
      { 'data-code': r.code },
      el('th', { scope: 'row' }, el('a', { href: `/cities/${encodeURIComponent(r.code)}`, text: r.name })),
      el('td', { 'data-field': 'cameras', text: format.integer(r.cameras) }),
      el('td', { 'data-field': 'vsaSuspected', text: format.integer(r.vsaSuspected) }),
      el('td', { 'data-field': 'vsaShare', text: format.percent(r.vsaShare) }),
      r.bySurveillanceType.map((n) => el('td', { text: format.integer(n) })),
      r.byCameraType.map((n) => el('td', { text: format.integer(n) })),
    ),
  );
  return el(
    'table',
    { id: 'cities', class: 'figures' },
    el('caption', { text: t('cities.caption') }),
    el('colgroup', { span: '4' }),
    el('colgroup', { span: String(SURVEILLANCE_TYPES.length) }),
    el('colgroup', { span: String(CAMERA_TYPES.length) }),
    el('thead', {}, head1, head2),
    el('tbody', {}, rows),
  );
}

function monthsTable(series, { t, format }) {
  return el(
    'table',
    { id: 'months', class: 'figures' },
    el('caption', { text: t('months.caption') }),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'col', text: t('col.month') }),
        el('th', { scope: 'col', text: t('col.added') }),
        el('th', { scope: 'col', text: t('col.removed') }),
        el('th', { scope: 'col', text: t('col.net') }),
      ),
    ),
    el(
      'tbody',
      {},
      series.labels.map((month, i) =>
        el(
          'tr',
          {},
          el('th', { scope: 'row', text: month }),
          el('td', { text: format.integer(series.values[i]) }),
          el('td', { text: format.integer(series.removed[i]) }),
          el('td', { text: format.integer(series.net[i]) }),
        ),
      ),
    ),
  );
}
