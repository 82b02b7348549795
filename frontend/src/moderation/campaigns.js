// A group's mapping parties on its page: the list (state, dates, link and QR code to share), and
// for its admins a form to run a new one over a zone drawn on the map (the whole territory unless
// redrawn) and a button to delete one.
import { h } from '../ui/dom.js';
import { formatDate } from '../ui/dates.js';
import { problemLines } from './problem.js';
import { territoryMap } from './territory-map.js';

/** The form's local date-time (datetime-local) as RFC 3339 with the browser's offset. */
export function withOffset(local, date = new Date(local)) {
  if (!local || Number.isNaN(date.getTime())) return local || null;
  const minutes = -date.getTimezoneOffset();
  const sign = minutes >= 0 ? '+' : '-';
  const pad = (n) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  return `${local.length === 16 ? `${local}:00` : local}${sign}${pad(minutes / 60)}:${pad(minutes % 60)}`;
}

export function campaignsPanel({ api, t, language, group, admin }) {
  const note = h('p', { class: 'message', role: 'status', 'aria-live': 'polite' });
  const list = h('ul', { class: 'campaigns' });
  const day = (instant) => formatDate(instant, language, { format: 'dayTime' });
  let map = null;

  async function load() {
    const parties = await api.get(`/api/groups/${group.id}/campaigns`);
    list.replaceChildren(
      ...parties.map((p) =>
        h(
          'li',
          { class: 'campaign', 'data-code': p.code },
          h('a', { href: `/campaign/#${p.code}`, text: p.name }),
          ` — ${t(`campaign.state.${p.state}`)} · ${day(p.startsAt)} → ${day(p.endsAt)}`,
          h('p', { class: 'meta', text: t('campaign.link', { link: new URL(p.link, location.origin).href }) }),
          h('img', { src: `/api/campaigns/${p.code}/qr.svg`, alt: t('campaign.qr'), width: '96', height: '96' }),
          admin &&
            h('button', {
              type: 'button',
              class: 'campaign-delete',
              text: t('campaign.delete'),
              on: {
                click: async () => {
                  if (!window.confirm(t('campaign.confirmDelete', { name: p.name }))) return;
                  await api.del(`/api/groups/${group.id}/campaigns/${p.id}`).catch(failed);
                  await load();
                },
              },
            }),
        ),
      ),
    );
    if (!parties.length) list.replaceChildren(h('li', { text: t('campaign.none') }));
  }

  function failed(error) {
    note.textContent = problemLines(error, t).join(' ; ');
  }

  const title = `group-campaigns-${group.id}`;
  const parts = [h('h3', { id: title, text: t('campaign.title') }), note, list];
  if (admin) {
    const box = h('div', { class: 'territory-map', role: 'region', 'aria-label': t('campaign.zone') });
    const form = h(
      'form',
      { class: 'campaign-form' },
      h('h4', { text: t('campaign.new') }),
      field(
        'name',
        t('campaign.name'),
        h('input', { id: 'campaign-name', name: 'name', required: true, maxlength: '200' }),
      ),
      field(
        'startsAt',
        t('campaign.start'),
        h('input', { id: 'campaign-startsAt', name: 'startsAt', type: 'datetime-local', required: true }),
      ),
      field(
        'endsAt',
        t('campaign.end'),
        h('input', { id: 'campaign-endsAt', name: 'endsAt', type: 'datetime-local', required: true }),
      ),
      field(
        'goal',
        t('campaign.goal'),
        h('textarea', { id: 'campaign-goal', name: 'goal', rows: '2', maxlength: '1000' }),
      ),
      h('p', { class: 'hint', text: t('campaign.zoneHint') }),
      box,
      h('button', { type: 'submit', text: t('campaign.create') }),
    );
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const data = new FormData(form);
      const body = {
        name: String(data.get('name') || ''),
        startsAt: withOffset(String(data.get('startsAt') || '')),
        endsAt: withOffset(String(data.get('endsAt') || '')),
        goal: String(data.get('goal') || '') || undefined,
        zone: (await map)?.territory() || undefined,
      };
      try {
        const created = await api.post(`/api/groups/${group.id}/campaigns`, body);
        note.textContent = t('campaign.created', { name: created.name });
        form.reset();
        await load();
      } catch (error) {
        failed(error);
      }
    });
    parts.push(form);
    map = territoryMap(box, { api, language, editable: true, territory: group.territory });
  }
  load().catch(failed);
  return h('section', { class: 'card group-campaigns', 'aria-labelledby': title }, parts);
}

function field(name, label, input) {
  return h('p', { class: 'field', 'data-field': name }, h('label', { for: input.id, text: label }), input);
}
