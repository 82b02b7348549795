import { h } from '../ui/dom.js';
import { formatDate } from '../ui/dates.js';
import { privateFragment } from './links.js';
import * as api from '../sighting/api.js';

function outboxItem(item, { t, onEdit, onDelete }) {
  const p = item.feature.properties;
  return h(
    'li',
    { class: `mine-item queued ${item.state}`, 'data-client-id': item.clientId },
    h('strong', { text: `${t(`cameraType.${p.cameraType}`)} · ${t(`surveillanceType.${p.surveillanceType}`)}` }),
    h('span', {
      text:
        item.state === 'refused'
          ? t('queue.refused', { reason: item.reason })
          : item.sighting
            ? t('queue.photosWaiting')
            : t('queue.waiting'),
    }),
    h(
      'span',
      { class: 'row' },
      h('button', { type: 'button', class: 'button', text: t('queue.edit'), on: { click: () => onEdit(item) } }),
      h('button', { type: 'button', class: 'button', text: t('queue.delete'), on: { click: () => onDelete(item) } }),
    ),
  );
}

/**
 * Each sent sighting's status as the server knows it now (pending, published, rejected, merged),
 * read with its own private token: no account, and nothing but that token identifies the phone.
 */
export function statusOf(loaded, t) {
  const status = loaded.ok ? loaded.sighting.properties.status : loaded.offline || loaded.retry ? 'unknown' : 'gone';
  const word = loaded.ok
    ? t(`status.${status}`)
    : t(status === 'unknown' ? 'walker.statusUnknown' : 'walker.statusGone');
  return { status, text: t('walker.statusLabel', { status: word }) };
}

function statusBadge(m, { t }) {
  const badge = h('span', { class: 'status-badge', 'data-status': 'loading', text: '…' });
  api.fetchOne(m.id, m.token).then((loaded) => {
    const { status, text } = statusOf(loaded, t);
    badge.dataset.status = status;
    badge.className = `status-badge status-${status}`;
    badge.textContent = text;
  });
  return badge;
}

/** "My sightings": those waiting on this phone, then those sent, each with its private link. */
export async function showMine({ panel, t, language, outbox, mine, onEdit, onDelete, highlight }) {
  const waiting = await outbox.list();
  const sent = (await mine.all()).sort((a, b) => b.sentAt.localeCompare(a.sentAt));
  const intro = highlight
    ? [
        h('h3', { text: t('queued.title') }),
        h('p', { class: 'lead', role: 'status', text: t('queued.text') }),
        h('a', { class: 'button primary big add-another', href: '#/add', text: t('nav.addAnother') }),
      ]
    : [];
  panel.show(
    t('mine.title'),
    intro,
    waiting.length
      ? [
          h('h3', { text: t('queue.count', { n: waiting.length }) }),
          h(
            'ul',
            { class: 'mine' },
            waiting.map((item) => outboxItem(item, { t, onEdit, onDelete })),
          ),
        ]
      : null,
    sent.length
      ? h(
          'ul',
          { class: 'mine' },
          sent.map((m) =>
            h(
              'li',
              { class: 'mine-item', 'data-id': m.id },
              h('strong', {
                text: `${t(`cameraType.${m.cameraType}`)} · ${t(`surveillanceType.${m.surveillanceType}`)}${m.city ? ` · ${m.city}` : ''}`,
              }),
              h('span', { text: t('mine.sentOn', { date: formatDate(m.sentAt, language) }) }),
              statusBadge(m, { t }),
              h('a', { class: 'button', href: privateFragment(m.id, m.token), text: `${t('mine.open')} n° ${m.id}` }),
            ),
          ),
        )
      : !waiting.length && h('p', { text: t('mine.empty') }),
    h('p', { class: 'hint', text: t('mine.privacy') }),
  );
}
