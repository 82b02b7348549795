// The "Groups" part of the moderation page, on its own routes beside the queue:
//   #/groups        the groups one may see (all of them for a site admin), and "new group"
//   #/groups/new    create a group (site admins)
//   #/groups/<id>   one group: its admins change it, invite and remove members; moderators read it
// Anything else is the queue. (#/join/<token> stays the invitation, handled before login.)
import './groups.css';
import { ApiError } from './api.js';
import { el } from './dom.js';
import { groupForm } from './group-form.js';
import { historyPanel } from './group-history.js';
import { campaignsPanel } from './campaigns.js';
import { membersPanel } from './members.js';
import { isStale, problemLines } from './problem.js';
import { territoryMap } from './territory-map.js';
import { groupsRoute, roleIn } from './groups-route.js';

/**
 * Options: api, t, language, section (where groups are shown), queue (the queue's section, hidden
 * while groups are), nav, onSignedOut(). Returns { enter(me), leave() }.
 */
export function mountGroups({ api, t, language, section, queue, nav, onSignedOut }) {
  let me = null;
  let cleanup = () => {};
  // What the last action did, said once on the next screen.
  let flash = '';
  // Each render's number: a screen whose answers come after a newer render is dropped.
  let generation = 0;
  const status = el('p', { class: 'message', role: 'status', 'aria-live': 'polite' });

  async function render() {
    if (!me) return;
    cleanup();
    cleanup = () => {};
    const current = ++generation;
    status.textContent = flash;
    flash = '';
    const route = groupsRoute(window.location.hash);
    for (const link of nav.querySelectorAll('a')) {
      const here = (link.getAttribute('href') === '#/groups') === (route.view !== 'queue');
      if (here) link.setAttribute('aria-current', 'page');
      else link.removeAttribute('aria-current');
    }
    queue.hidden = route.view !== 'queue';
    section.hidden = route.view === 'queue';
    if (route.view === 'queue') return;
    try {
      const stale = () => current !== generation;
      if (route.view === 'list') await showList(stale);
      else if (route.view === 'new' && me.siteAdmin) showCreate();
      else if (route.view === 'group') await showGroup(route.id, stale);
      else window.location.hash = '#/groups';
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) onSignedOut();
      else section.replaceChildren(el('p', { class: 'error', role: 'alert', text: problemLines(error, t).join(' ') }));
    }
  }

  async function showList(stale) {
    const groups = (await api.get('/api/groups')).filter((g) => roleIn(me, g.id));
    if (stale()) return;
    section.replaceChildren(
      el('h2', { id: 'groups-title', text: t('groups.title') }),
      status,
      me.siteAdmin && el('p', {}, el('a', { class: 'button new-group', href: '#/groups/new', text: t('groups.new') })),
      groups.length
        ? el('ul', { class: 'group-list', 'aria-labelledby': 'groups-title' }, groups.map(groupRow))
        : el('p', { text: t('groups.none') }),
    );
  }

  function groupRow(group) {
    return el(
      'li',
      { class: 'card group-row', 'data-id': group.id },
      el('a', { href: `#/groups/${group.id}`, class: 'group-name', text: group.name }),
      group.cityName && el('span', { class: 'meta', text: group.cityName }),
      el('span', { class: 'meta', text: t(`role.${roleIn(me, group.id)}`) }),
    );
  }

  function showCreate() {
    const form = groupForm({
      api,
      t,
      language,
      onSave: async (body) => {
        const created = await api.post('/api/groups', body);
        flash = t('groups.created', { name: created.name });
        window.location.hash = '#/groups';
      },
    });
    section.replaceChildren(el('p', {}, el('a', { href: '#/groups', text: t('groups.back') })), form.node);
    cleanup = form.destroy;
    form.ready.then(() => form.node.querySelector('input').focus());
  }

  async function showGroup(id, stale) {
    const group = await api.get(`/api/groups/${id}`);
    if (stale()) return;
    const role = roleIn(me, id);
    const admin = role === 'admin';
    const parts = [
      el('p', {}, el('a', { href: '#/groups', text: t('groups.back') })),
      el('h2', { text: group.name }),
      status,
    ];
    let destroy;
    if (admin) {
      const form = groupForm({
        api,
        t,
        language,
        group,
        onSave: async (body) => {
          try {
            await api.patch(`/api/groups/${id}`, { ...body, version: group.version });
            flash = t('groups.saved');
          } catch (error) {
            if (!isStale(error)) throw error;
            flash = t('groups.stale');
          }
          await render();
        },
      });
      parts.push(form.node);
      destroy = form.destroy;
    } else {
      const box = el('div', { class: 'territory-map', role: 'region', 'aria-label': t('groups.map') });
      parts.push(
        el(
          'section',
          { class: 'card' },
          group.cityName && el('p', { text: group.cityName }),
          el('p', { class: 'hint', text: t('groups.readOnly') }),
          box,
        ),
      );
      const map = territoryMap(box, { api, language, territory: group.territory });
      destroy = () => map.then((m) => m.destroy());
    }
    if (role)
      parts.push(
        membersPanel({ api, t, language, group, admin }),
        campaignsPanel({ api, t, language, group, admin }),
        historyPanel({ api, t, group }),
      );
    if (me.siteAdmin) parts.push(deletePanel(group));
    section.replaceChildren(...parts);
    cleanup = destroy;
  }

  /** For site admins: delete the group, after confirming; its actions stay in the history. */
  function deletePanel(group) {
    const note = el('p', { class: 'error', role: 'alert' });
    const button = el('button', {
      type: 'button',
      class: 'delete-group danger',
      text: t('groups.delete'),
      onclick: async () => {
        if (!window.confirm(t('groups.deleteConfirm', { name: group.name }))) return;
        try {
          await api.del(`/api/groups/${group.id}`);
          flash = t('groups.deleted', { name: group.name });
          window.location.hash = '#/groups';
        } catch (error) {
          note.textContent = problemLines(error, t).join(' ');
        }
      },
    });
    return el('section', { class: 'card group-delete' }, button, note);
  }

  window.addEventListener('hashchange', () => render());

  return {
    enter(signedIn) {
      me = signedIn;
      nav.hidden = false;
      return render();
    },
    leave() {
      me = null;
      cleanup();
      cleanup = () => {};
      nav.hidden = true;
      section.hidden = true;
      section.replaceChildren();
    },
  };
}
