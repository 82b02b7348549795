// A mapping party's public page, /campaign/#<code> (the short link /p/<code> leads here): the zone,
// the blocks still to walk, the counts and the reports per hour, read again every 30 seconds.
import '../ui/page.css';
import './campaign.css';
import { h } from '../ui/dom.js';
import { formatDate } from '../ui/dates.js';
import { ApiError, JSON_TYPE, request } from '../ui/api.js';
import * as messages from './messages.js';
import { openPage } from '../ui/page.js';
import { countRows, hourRows, partyCode } from './shape.js';

const POLL_MS = 30_000;
const { language, t } = openPage(messages);

const status = document.getElementById('status');
const content = document.getElementById('content');
const day = (instant) => formatDate(instant, language, { format: 'dayTime' });
const integer = new Intl.NumberFormat(language);
let drawMap = null;

async function load(code) {
  try {
    return { party: await request(`/api/campaigns/${code}`, { headers: { Accept: JSON_TYPE } }) };
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return { missing: true };
    throw error;
  }
}

function render(party) {
  const link = new URL(party.link, location.origin).href;
  const copy = h('button', { type: 'button', class: 'button', text: t('share.copy') });
  copy.addEventListener('click', async () => {
    await navigator.clipboard?.writeText(link).catch(() => {});
    copy.textContent = t('share.copied');
  });
  const hours = hourRows(party.perHour, { language });
  const mapBox = h('div', { class: 'party-map', id: 'party-map', role: 'region', 'aria-label': t('map.label') });
  content.replaceChildren(
    h(
      'section',
      { class: 'party-head', 'aria-labelledby': 'party-name' },
      h('h2', { id: 'party-name', text: party.name }),
      h('p', {}, h('span', { class: `state state-${party.state}`, text: t(`state.${party.state}`) })),
      h('p', {
        text: t('when', { start: day(party.startsAt), end: day(party.endsAt) }),
      }),
      h('p', { text: t('by', { group: party.group }) }),
      party.goal && h('p', { class: 'goal', text: t('goal', { goal: party.goal }) }),
      party.state !== 'ended' && h('a', { class: 'button primary party-add', href: '/#/add', text: t('add') }),
    ),
    h(
      'section',
      { 'aria-labelledby': 'counts-title' },
      h('h2', { id: 'counts-title', text: t('counts.title') }),
      h(
        'dl',
        { class: 'party-counts' },
        countRows(party.counts).map((row) =>
          h(
            'div',
            { 'data-count': row.key },
            h('dd', { text: integer.format(row.value) }),
            h('dt', { text: t(row.key) }),
          ),
        ),
      ),
    ),
    h(
      'section',
      { 'aria-labelledby': 'map-title' },
      h('h2', { id: 'map-title', text: t('map.title') }),
      mapBox,
      h('p', { class: 'hint', text: party.emptyBlocks ? t('map.legend') : t('map.allDone') }),
    ),
    h(
      'section',
      { 'aria-labelledby': 'hours-title' },
      h('h2', { id: 'hours-title', text: t('hours.title') }),
      hours.length
        ? h(
            'table',
            { class: 'figures', id: 'hours' },
            h('caption', { text: t('hours.caption') }),
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                h('th', { scope: 'col', text: t('col.hour') }),
                h('th', { scope: 'col', text: t('col.added') }),
              ),
            ),
            h(
              'tbody',
              {},
              hours.map((hour) =>
                h('tr', {}, h('th', { scope: 'row', text: hour.label }), h('td', { text: integer.format(hour.added) })),
              ),
            ),
          )
        : h('p', { text: t('hours.none') }),
    ),
    h(
      'section',
      { 'aria-labelledby': 'share-title' },
      h('h2', { id: 'share-title', text: t('share.title') }),
      h(
        'div',
        { class: 'party-share' },
        h('img', { src: `/api/campaigns/${party.code}/qr.svg`, alt: t('share.qr'), width: '160', height: '160' }),
        h('div', {}, h('p', { text: t('share.text') }), h('p', {}, h('a', { href: link, text: link })), copy),
      ),
    ),
  );
  import('./party-map.js')
    .then(({ partyMap }) => {
      drawMap?.();
      drawMap = partyMap(mapBox, party);
    })
    .catch(() => mapBox.remove());
}

async function refresh(code) {
  try {
    const { party, missing } = await load(code);
    if (missing) {
      content.replaceChildren();
      status.textContent = t('notFound');
      return false;
    }
    document.title = `Technocarte · ${party.name}`;
    render(party);
    status.textContent = t('updated', { time: formatDate(new Date(), language, { format: 'time' }) });
    document.body.dataset.ready = 'true';
    return party.state !== 'ended';
  } catch (error) {
    // The status only: the problem's detail is English, and the page speaks one language.
    status.textContent = t('error', { detail: error instanceof ApiError ? `HTTP ${error.status}` : error.message });
    return true;
  }
}

async function start() {
  const code = partyCode(location.hash);
  if (!code) {
    status.textContent = t('notFound');
    document.body.dataset.ready = 'true';
    return;
  }
  status.textContent = t('loading');
  // Live while it runs: read again every 30 s (the answer is cached 15 s on the way).
  if (await refresh(code)) {
    const timer = setInterval(async () => {
      if (!(await refresh(code))) clearInterval(timer);
    }, POLL_MS);
  }
}

start();
