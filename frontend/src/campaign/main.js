// A mapping party's public page, /campaign/#<code> (the short link /p/<code> leads here): the zone,
// the blocks still to walk, the counts and the reports per hour, read again every 30 seconds.
import '../stats/stats.css';
import './campaign.css';
import { el } from '../stats/dom.js';
import { chosenLanguage, translator } from './messages.js';
import { languageSwitch } from '../ui/catalogue.js';
import { countRows, hourRows, partyCode } from './shape.js';

const POLL_MS = 30_000;
const language = chosenLanguage(navigator.languages);
const t = translator(language);
document.documentElement.lang = language;
for (const node of document.querySelectorAll('[data-t]')) node.textContent = t(node.dataset.t);
document.querySelector('.stats-bar').append(languageSwitch({ language, label: t('language') }));

const status = document.getElementById('status');
const content = document.getElementById('content');
const day = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
const clock = new Intl.DateTimeFormat(language, { timeStyle: 'short' });
const integer = new Intl.NumberFormat(language);
let drawMap = null;

async function load(code) {
  const response = await fetch(`/api/campaigns/${code}`, { headers: { Accept: 'application/json' } });
  if (response.status === 404) return { missing: true };
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return { party: await response.json() };
}

function render(party) {
  const link = new URL(party.link, location.origin).href;
  const copy = el('button', { type: 'button', class: 'button', text: t('share.copy') });
  copy.addEventListener('click', async () => {
    await navigator.clipboard?.writeText(link).catch(() => {});
    copy.textContent = t('share.copied');
  });
  const hours = hourRows(party.perHour, { language });
  const mapBox = el('div', { class: 'party-map', id: 'party-map', role: 'region', 'aria-label': t('map.label') });
  content.replaceChildren(
    el(
      'section',
      { class: 'party-head', 'aria-labelledby': 'party-name' },
      el('h2', { id: 'party-name', text: party.name }),
      el('p', {}, el('span', { class: `state state-${party.state}`, text: t(`state.${party.state}`) })),
      el('p', {
        text: t('when', { start: day.format(new Date(party.startsAt)), end: day.format(new Date(party.endsAt)) }),
      }),
      el('p', { text: t('by', { group: party.group }) }),
      party.goal && el('p', { class: 'goal', text: t('goal', { goal: party.goal }) }),
      party.state !== 'ended' && el('a', { class: 'button primary party-add', href: '/#/add', text: t('add') }),
    ),
    el(
      'section',
      { 'aria-labelledby': 'counts-title' },
      el('h2', { id: 'counts-title', text: t('counts.title') }),
      el(
        'dl',
        { class: 'party-counts' },
        countRows(party.counts).map((row) =>
          el(
            'div',
            { 'data-count': row.key },
            el('dd', { text: integer.format(row.value) }),
            el('dt', { text: t(row.key) }),
          ),
        ),
      ),
    ),
    el(
      'section',
      { 'aria-labelledby': 'map-title' },
      el('h2', { id: 'map-title', text: t('map.title') }),
      mapBox,
      el('p', { class: 'hint', text: party.emptyBlocks ? t('map.legend') : t('map.allDone') }),
    ),
    el(
      'section',
      { 'aria-labelledby': 'hours-title' },
      el('h2', { id: 'hours-title', text: t('hours.title') }),
      hours.length
        ? el(
            'table',
            { class: 'figures', id: 'hours' },
            el('caption', { text: t('hours.caption') }),
            el(
              'thead',
              {},
              el(
                'tr',
                {},
                el('th', { scope: 'col', text: t('col.hour') }),
                el('th', { scope: 'col', text: t('col.added') }),
              ),
            ),
            el(
              'tbody',
              {},
              hours.map((h) =>
                el('tr', {}, el('th', { scope: 'row', text: h.label }), el('td', { text: integer.format(h.added) })),
              ),
            ),
          )
        : el('p', { text: t('hours.none') }),
    ),
    el(
      'section',
      { 'aria-labelledby': 'share-title' },
      el('h2', { id: 'share-title', text: t('share.title') }),
      el(
        'div',
        { class: 'party-share' },
        el('img', { src: `/api/campaigns/${party.code}/qr.svg`, alt: t('share.qr'), width: '160', height: '160' }),
        el('div', {}, el('p', { text: t('share.text') }), el('p', {}, el('a', { href: link, text: link })), copy),
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
    status.textContent = t('updated', { time: clock.format(new Date()) });
    document.body.dataset.ready = 'true';
    return party.state !== 'ended';
  } catch (error) {
    status.textContent = t('error', { detail: error.message });
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
