// A group's members and, for its admins, their roles, one-time invitation links and removals. No mail server:
// the admin copies the link and passes it on themselves.
import { h } from '../ui/dom.js';
import { formatDate } from '../ui/dates.js';
import { problemLines } from './problem.js';

const ROLES = ['moderator', 'admin'];

/** The full invitation link of an API invitation's path, on this site. */
export const invitationLink = (invitation, origin) => `${origin}${invitation.path}`;

/** Options: api, t, language, group, admin (may manage). Returns the panel's element. */
export function membersPanel({ api, t, language, group, admin }) {
  const list = h('ul', { class: 'members' });
  const status = h('p', { class: 'message', role: 'status', 'aria-live': 'polite' });

  async function load() {
    try {
      const members = await api.get(`/api/groups/${group.id}/members`);
      list.replaceChildren(
        ...(members.length ? members.map(row) : [h('li', { class: 'hint', text: t('members.none') })]),
      );
    } catch (error) {
      status.textContent = problemLines(error, t).join(' ');
    }
  }

  function row(member) {
    return h(
      'li',
      { class: 'member', 'data-user': member.userId },
      h('span', { class: 'member-name', text: member.displayName }),
      h('span', { class: 'member-email', text: member.email }),
      admin ? roleSelect(member) : h('span', { class: `role role-${member.role}`, text: t(`role.${member.role}`) }),
      admin &&
        h('button', {
          type: 'button',
          class: 'remove',
          text: t('members.remove'),
          'aria-label': t('members.removeWho', { name: member.displayName }),
          on: { click: () => remove(member) },
        }),
    );
  }

  /** For admins: the member's role, changed as soon as another is picked. */
  function roleSelect(member) {
    const select = h(
      'select',
      { class: 'member-role', 'aria-label': t('members.roleOf', { name: member.displayName }) },
      ROLES.map((r) => h('option', { value: r, text: t(`role.${r}`), selected: r === member.role })),
    );
    select.addEventListener('change', async () => {
      try {
        const changed = await api.patch(`/api/groups/${group.id}/members/${member.userId}`, { role: select.value });
        status.textContent = t('members.roleChanged', { name: member.displayName, role: t(`role.${changed.role}`) });
      } catch (error) {
        status.textContent = problemLines(error, t).join(' ');
      }
      await load();
    });
    return select;
  }

  async function remove(member) {
    if (!window.confirm(t('members.confirm', { name: member.displayName, group: group.name }))) return;
    try {
      await api.del(`/api/groups/${group.id}/members/${member.userId}`);
      status.textContent = t('members.removed', { name: member.displayName });
    } catch (error) {
      status.textContent = problemLines(error, t).join(' ');
    }
    await load();
  }

  load();
  return h(
    'section',
    { class: 'card members-panel', 'aria-labelledby': `members-${group.id}` },
    h('h2', { id: `members-${group.id}`, text: t('members.title') }),
    list,
    status,
    admin && invitationForm({ api, t, group, language }),
  );
}

function invitationForm({ api, t, group, language }) {
  const result = h('div', { class: 'invitation', 'aria-live': 'polite' });
  const role = h(
    'select',
    { name: 'role', id: `invite-role-${group.id}` },
    ROLES.map((r) => h('option', { value: r, text: t(`role.${r}`) })),
  );
  const form = h(
    'form',
    { class: 'invite-form' },
    h('h3', { text: t('invite.title') }),
    h('p', { class: 'hint', text: t('invite.hint') }),
    h('label', { for: role.id }, h('span', { text: t('invite.role') })),
    role,
    h('button', { type: 'submit', class: 'invite', text: t('invite.create') }),
    result,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try {
      const invitation = await api.post(`/api/groups/${group.id}/invites`, { role: role.value });
      const link = h('input', {
        type: 'text',
        class: 'invite-link',
        readonly: true,
        value: invitationLink(invitation, window.location.origin),
        'aria-label': t('invite.link'),
      });
      const copied = h('span', { class: 'copied', role: 'status' });
      result.replaceChildren(
        h('p', {
          text: t('invite.ready', {
            role: t(`role.${invitation.role}`),
            date: formatDate(invitation.expiresAt, language, { format: 'longDayTime' }),
          }),
        }),
        h(
          'div',
          { class: 'link-row' },
          link,
          h('button', {
            type: 'button',
            class: 'copy',
            text: t('invite.copy'),
            on: {
              click: async () => {
                link.select();
                copied.textContent = (await copy(link.value)) ? t('invite.copied') : t('invite.copyByHand');
              },
            },
          }),
        ),
        copied,
      );
      link.focus();
      link.select();
    } catch (error) {
      result.replaceChildren(h('p', { class: 'error', text: problemLines(error, t).join(' ') }));
    }
  });
  return form;
}

/** The clipboard API needs a secure context (https or localhost): elsewhere the link stays selected. */
async function copy(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    return false;
  }
}
