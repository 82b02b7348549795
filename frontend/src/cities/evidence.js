// A city's VSA evidence: the list anyone reads and, for its groups' moderators, the form and the buttons that change it.
import { el } from '../stats/dom.js';
import { evidenceForm } from './evidence-form.js';
import { formatDay, safeHref } from './evidence-shape.js';

/**
 * The evidence section of `city` (GET /api/cities/{code}). With `city.canEdit`, `api` (its CSRF set)
 * adds, changes and deletes entries, then `reload()` shows the city again.
 */
export function evidenceSection(city, { t, language, api, reload }) {
  const base = `/api/cities/${encodeURIComponent(city.code)}/evidence`;
  const list = el('ul', { id: 'evidence', class: 'evidence' });
  const entries = city.evidence || [];
  const section = el(
    'section',
    { 'aria-labelledby': 'evidence-title' },
    el('h2', { id: 'evidence-title', text: t('evidence.title') }),
    entries.length ? list : el('p', { id: 'evidence-empty', text: t('evidence.empty') }),
  );
  for (const entry of entries) list.append(item(entry));
  if (city.canEdit) {
    section.append(evidenceForm({ t, send: (body) => api.post(base, body), done: reload }));
  }
  return section;

  function item(entry) {
    const href = safeHref(entry.url);
    const li = el(
      'li',
      { 'data-id': entry.id },
      el(
        'p',
        { class: 'evidence-meta' },
        el('span', { class: 'evidence-kind', text: t(`evidence.kind.${entry.kind}`) }),
        ' · ',
        el('time', { datetime: entry.publishedOn, text: formatDay(entry.publishedOn, language) }),
      ),
      // Same tab (the back button returns here); no referrer, no credit to the linked site's ranking.
      el(
        'p',
        { class: 'evidence-title' },
        href ? el('a', { href, rel: 'noopener noreferrer nofollow', text: entry.title }) : entry.title,
      ),
      entry.note ? el('p', { class: 'evidence-note', text: entry.note }) : null,
    );
    if (city.canEdit) li.append(buttons(entry, li));
    return li;
  }

  function buttons(entry, li) {
    const edit = el('button', {
      type: 'button',
      class: 'button secondary edit',
      text: t('evidence.editButton'),
      'aria-label': t('evidence.editLabel', { title: entry.title }),
    });
    const remove = el('button', {
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
          el('p', {
            class: 'form-message',
            role: 'alert',
            text: t(error.status === 409 ? 'evidence.stale' : 'evidence.failed', { detail: error.message }),
          }),
        );
      }
    });
    return el('p', { class: 'actions' }, edit, remove);
  }
}
