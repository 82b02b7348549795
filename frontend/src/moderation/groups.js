// The "Groups" part of the moderation page, on its own routes beside the queue:
//   #/groups        the groups one may see (all of them for a site admin), and "new group"
//   #/groups/new    create a group (site admins)
//   #/groups/<id>   one group: its admins change it, invite and remove members; moderators read it
// Anything else is the queue. (#/join/<token> stays the invitation, handled before login.)
import './groups.css';
import { ApiError, isStaleVersion } from '../ui/api.js';
import { h } from '../ui/dom.js';
import { groupForm } from './group-form.js';
import { historyPanel } from './group-history.js';
import { campaignsPanel } from './campaigns.js';
import { membersPanel } from './members.js';
import { problemLines } from './problem.js';
import { territoryMap } from './territory-map.js';
import { groupsRoute, roleIn } from './groups-route.js';

/**
 * Options: api, t, language, section (where groups are shown), queue (the queue's section, hidden
 * while groups are), nav, onSignedOut(). Returns { enter(me), leave() }.
 */
export function mountGroups(options) {
  const screen = {
    ...options,
    me: null,
    cleanup: () => {},
    // What the last action did, said once on the next screen.
    flash: '',
    // Each render's number: a screen whose answers come after a newer render is dropped.
    generation: 0,
    status: h('p', { class: 'message', role: 'status', 'aria-live': 'polite' }),
  };
  const { nav, section } = options;
  window.addEventListener('hashchange', () => render(screen));
  return {
    enter(signedIn) {
      screen.me = signedIn;
      nav.hidden = false;
      return render(screen);
    },
    leave() {
      screen.me = null;
      screen.cleanup();
      screen.cleanup = () => {};
      nav.hidden = true;
      section.hidden = true;
      section.replaceChildren();
    },
  };
}

/** Shows the screen of the fragment: the queue (groups hidden), the list, a new group, one group. */
async function render(screen) {
  const { me, section, t, onSignedOut } = screen;
  if (!me) return;
  screen.cleanup();
  screen.cleanup = () => {};
  const current = ++screen.generation;
  screen.status.textContent = screen.flash;
  screen.flash = '';
  const route = groupsRoute(window.location.hash);
  markCurrentLink(screen.nav, route);
  screen.queue.hidden = route.view !== 'queue';
  section.hidden = route.view === 'queue';
  if (route.view === 'queue') return;
  try {
    const stale = () => current !== screen.generation;
    if (route.view === 'list') await showList(screen, stale);
    else if (route.view === 'new' && me.siteAdmin) showCreate(screen);
    else if (route.view === 'group') await showGroup(screen, route.id, stale);
    else window.location.hash = '#/groups';
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) onSignedOut();
    else section.replaceChildren(h('p', { class: 'error', role: 'alert', text: problemLines(error, t).join(' ') }));
  }
}

/** The menu's link to where the moderator is ("Groupes" or the queue) is the current page. */
function markCurrentLink(nav, route) {
  for (const link of nav.querySelectorAll('a')) {
    const here = (link.getAttribute('href') === '#/groups') === (route.view !== 'queue');
    if (here) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

async function showList(screen, stale) {
  const { api, t, me, section } = screen;
  const groups = (await api.get('/api/groups')).filter((g) => roleIn(me, g.id));
  if (stale()) return;
  section.replaceChildren(
    h('h2', { id: 'groups-title', text: t('groups.title') }),
    screen.status,
    me.siteAdmin && h('p', {}, h('a', { class: 'button new-group', href: '#/groups/new', text: t('groups.new') })),
    groups.length
      ? h(
          'ul',
          { class: 'group-list', 'aria-labelledby': 'groups-title' },
          groups.map((group) => groupRow(screen, group)),
        )
      : h('p', { text: t('groups.none') }),
  );
}

function groupRow({ t, me }, group) {
  return h(
    'li',
    { class: 'card group-row', 'data-id': group.id },
    h('a', { href: `#/groups/${group.id}`, class: 'group-name', text: group.name }),
    group.cityName && h('span', { class: 'meta', text: group.cityName }),
    h('span', { class: 'meta', text: t(`role.${roleIn(me, group.id)}`) }),
  );
}

function showCreate(screen) {
  const { api, t, language, section } = screen;
  const form = groupForm({
    api,
    t,
    language,
    onSave: async (body) => {
      const created = await api.post('/api/groups', body);
      screen.flash = t('groups.created', { name: created.name });
      window.location.hash = '#/groups';
    },
  });
  section.replaceChildren(h('p', {}, h('a', { href: '#/groups', text: t('groups.back') })), form.node);
  screen.cleanup = form.destroy;
  form.ready.then(() => form.node.querySelector('input').focus());
}

/** One group: its form for its admins, its territory for its moderators; members, parties, history. */
async function showGroup(screen, id, stale) {
  const { api, t, language, me, section } = screen;
  const group = await api.get(`/api/groups/${id}`);
  if (stale()) return;
  const role = roleIn(me, id);
  const admin = role === 'admin';
  const parts = [
    h('p', {}, h('a', { href: '#/groups', text: t('groups.back') })),
    h('h2', { text: group.name }),
    screen.status,
  ];
  const shown = admin ? groupEditor(screen, group) : territoryView(screen, group);
  parts.push(shown.node);
  if (role)
    parts.push(
      membersPanel({ api, t, language, group, admin }),
      campaignsPanel({ api, t, language, group, admin }),
      historyPanel({ api, t, group }),
    );
  if (me.siteAdmin) parts.push(deletePanel(screen, group));
  section.replaceChildren(...parts);
  screen.cleanup = shown.destroy;
}

/** For the group's admins: the form that changes it (a stale version is said, then shown again). */
function groupEditor(screen, group) {
  const { api, t, language } = screen;
  return groupForm({
    api,
    t,
    language,
    group,
    onSave: async (body) => {
      try {
        await api.patch(`/api/groups/${group.id}`, { ...body, version: group.version });
        screen.flash = t('groups.saved');
      } catch (error) {
        if (!isStaleVersion(error)) throw error;
        screen.flash = t('groups.stale');
      }
      await render(screen);
    },
  });
}

/** For the others: the group's city and territory, read only. */
function territoryView({ api, t, language }, group) {
  const box = h('div', { class: 'territory-map', role: 'region', 'aria-label': t('groups.map') });
  const node = h(
    'section',
    { class: 'card' },
    group.cityName && h('p', { text: group.cityName }),
    h('p', { class: 'hint', text: t('groups.readOnly') }),
    box,
  );
  const map = territoryMap(box, { api, language, territory: group.territory });
  return { node, destroy: () => map.then((m) => m.destroy()) };
}

/** For site admins: delete the group, after confirming; its actions stay in the history. */
function deletePanel(screen, group) {
  const { api, t } = screen;
  const note = h('p', { class: 'error', role: 'alert' });
  const button = h('button', {
    type: 'button',
    class: 'delete-group danger',
    text: t('groups.delete'),
    on: {
      click: async () => {
        if (!window.confirm(t('groups.deleteConfirm', { name: group.name }))) return;
        try {
          await api.del(`/api/groups/${group.id}`);
          screen.flash = t('groups.deleted', { name: group.name });
          window.location.hash = '#/groups';
        } catch (error) {
          note.textContent = problemLines(error, t).join(' ');
        }
      },
    },
  });
  return h('section', { class: 'card group-delete' }, button, note);
}
