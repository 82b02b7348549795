// A group's moderation log on its page: every action in its territory, newest first, with who did
// it and why; any action not yet reverted can be reverted from here (the revert is logged too).
import { h } from '../ui/dom.js';
import { problemLines } from './problem.js';
import { renderHistory } from './queue.js';

export function historyPanel({ api, t, group }) {
  const list = h('ol', { class: 'history', hidden: true });
  const note = h('p', { class: 'message', role: 'status', 'aria-live': 'polite' });
  const load = async () => {
    const entries = await api.get(`/api/moderation/groups/${group.id}/history`);
    renderHistory(list, entries, t, revert, { withSighting: true });
  };
  async function revert(actionId) {
    try {
      await api.post(`/api/moderation/actions/${actionId}/revert`, {});
      note.textContent = t('reverted');
    } catch (error) {
      // 409: a later action changed the sighting since; the server says which to revert first.
      note.textContent = problemLines(error, t).join(' ');
    }
    await load();
  }
  load().catch((error) => {
    note.textContent = problemLines(error, t).join(' ');
  });
  const title = `group-history-${group.id}`;
  return h(
    'section',
    { class: 'card group-history', 'aria-labelledby': title },
    h('h3', { id: title, text: t('groups.history') }),
    note,
    list,
  );
}
