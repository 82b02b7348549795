// A city's VSA evidence: the list anyone reads and, for its groups' moderators, the form and the buttons that change it.
import { h } from '../ui/dom.js';
import { evidenceForm } from './evidence-form.js';
import { safeHref } from './evidence-shape.js';
import { formatDate } from '../ui/dates.js';

/**
 * The evidence section of `city` (GET /api/cities/{code}). With `city.canEdit`, `api` (its CSRF set)
 * adds, changes and deletes entries, then `reload()` shows the city again.
 */
export function evidenceSection(city, { t, language, api, reload }) {
  const base = `/api/cities/${encodeURIComponent(city.code)}/evidence`;
  const list = h('ul', { id: 'evidence', class: 'evidence' });
  const entries = city.evidence || [];
  const section = h(
    'section',
    { 'aria-labelledby': 'evidence-title' },
    h('h2', { id: 'evidence-title', text: t('evidence.title') }),
    entries.length ? list : h('p', { id: 'evidence-empty', text: t('evidence.empty') }),
  );
  for (const entry of entries) list.append(item(entry));
  if (city.canEdit) {
    section.append(evidenceForm({ t, send: (body) => api.post(base, body), done: reload }));
  }
  return section;

  function item(entry) {
    const href = safeHref(entry.url);
    const li = h(
      'li',
      { 'data-id': entry.id },
      h(
        'p',
        { class: 'evidence-meta' },
        h('span', { class: 'evidence-kind', text: t(`evidence.kind.${entry.kind}`) }),
        ' · ',
        h('time', { datetime: entry.publishedOn, text: formatDate(entry.publishedOn, language) }),
      ),
      // Same tab (the back button returns here); no referrer, no credit to the linked site's ranking.
      h(
        'p',
        { class: 'evidence-title' },
        href ? h('a', { href, rel: 'noopener noreferrer nofollow', text: entry.title }) : entry.title,
      ),
      entry.note ? h('p', { class: 'evidence-note', text: entry.note }) : null,
    );
    if (city.canEdit) li.append(buttons(entry, li));
    return li;
  }

  function buttons(entry, li) {
    const edit = h('button', {
      type: 'button',
      class: 'button secondary edit',
      text: t('evidence.editButton'),
      'aria-label': t('evidence.editLabel', { title: entry.title }),
    });
    const remove = h('button', {
      type: 'button',
      class: 'button danger delete',
      text: t('evidence.delete'),
      'aria-label': t('evidence.deleteLabel', { title: entry.title }),
    });
    edit.addEventListener('click', () => {
      const form = evidenceForm({
        t,
        entry,
        send: (body) => api.patch(`${base}/${entry.id}`, body),
        done: reload,
        cancel: () => {
          form.replaceWith(li);
          edit.focus();
        },
      });
      li.replaceWith(form);
      form.querySelector('input[name=title]').focus();
    });
    // Two steps instead of a confirm() dialog: the second press deletes.
    remove.addEventListener('click', async () => {
      if (!remove.dataset.armed) {
        remove.dataset.armed = 'true';
        remove.textContent = t('evidence.confirmDelete');
        remove.setAttribute('aria-label', t('evidence.confirmDeleteLabel', { title: entry.title }));
        return;
      }
      remove.disabled = true;
      try {
        await api.del(`${base}/${entry.id}?version=${entry.version}`);
        await reload();
      } catch (error) {
        remove.disabled = false;
        li.append(
          h('p', {
            class: 'form-message',
            role: 'alert',
            text: t(error.status === 409 ? 'evidence.stale' : 'evidence.failed', { detail: error.message }),
          }),
        );
      }
    });
    return h('p', { class: 'actions' }, edit, remove);
  }
}
