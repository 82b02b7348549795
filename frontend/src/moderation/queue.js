import { coverEditor } from '../photo/cover-editor.js';
import { toPixels } from '../photo/cover-boxes.js';
import { h } from '../ui/dom.js';
import { REJECT_REASONS } from './messages.js';
import { formatDate } from '../ui/dates.js';
import { renderEditForm } from './edit-form.js';

/** A sighting's kind in the page's language: « Caméra · Dôme · Montpellier ». */
export function titleOf(p, t) {
  return [
    p.surveillanceType && t(`surveillanceType.${p.surveillanceType}`),
    p.cameraType && t(`cameraType.${p.cameraType}`),
    p.city?.name,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** A logged reason, its leading reason code (not_surveillance: …) in the page's language. */
export function reasonText(reason, t) {
  const match = /^([a-z_]+)(?::\s*(.*))?$/s.exec(reason ?? '');
  if (match && REJECT_REASONS.includes(match[1]))
    return [t(`reason.${match[1]}`), match[2]].filter(Boolean).join(' : ');
  return reason;
}

/** One queue entry: the pending sighting, its nearby cameras, and the moderator's actions. */
export function renderItem(item, t, actions) {
  const s = item.sighting;
  const p = s.properties;
  const title = titleOf(p, t);
  const language = t.language;
  // No reason chosen in advance: a reject without a choice must not mean "duplicate".
  const reason = h(
    'select',
    { 'aria-label': t('reject.reason'), class: 'reason', required: true },
    h('option', { value: '', text: t('reason.choose'), selected: true }),
    REJECT_REASONS.map((r) => h('option', { value: r, text: t(`reason.${r}`) })),
  );
  const rejectNote = h('p', { class: 'reject-error error', role: 'alert' });
  const comment = h('input', {
    type: 'text',
    'aria-label': t('reject.comment'),
    placeholder: t('reject.comment'),
    maxlength: 1000,
  });
  const history = h('ol', { class: 'history', hidden: true });
  const candidates = item.candidates.length
    ? h(
        'ul',
        { class: 'candidates', 'aria-label': t('candidates') },
        item.candidates.map((c) =>
          h(
            'li',
            {},
            `#${c.id} ${t(`cameraType.${c.properties.cameraType}`)} · ${t(`status.${c.properties.status}`)} · ${t('observed', { date: formatDate(c.properties.observedAt, language) ?? '?' })} `,
            h('button', {
              type: 'button',
              class: 'merge',
              'data-target': c.id,
              on: { click: () => actions.merge(s, c.id) },
              text: t('merge', { id: c.id }),
            }),
          ),
        ),
      )
    : h('p', { class: 'candidates none', text: t('candidates.none') });
  return h(
    'li',
    { class: 'item', tabindex: 0, 'data-id': s.id, 'aria-label': `#${s.id} ${title}` },
    h(
      'label',
      { class: 'select' },
      h('input', { type: 'checkbox', class: 'pick', 'data-id': s.id, 'data-version': p.version }),
      ` ${t('select')}`,
    ),
    h('h3', {}, `#${s.id} `, title, p.vsaSuspected ? h('span', { class: 'vsa', text: ` ${t('vsa')}` }) : null),
    h(
      'p',
      { class: 'meta' },
      `${t('observed', { date: formatDate(p.observedAt, language) ?? '?' })} · ${s.geometry.coordinates[1].toFixed(5)}, ${s.geometry.coordinates[0].toFixed(5)}`,
      p.directions?.length ? ` · ${p.directions.join('°, ')}°` : '',
      p.operator ? ` · ${p.operator}` : '',
    ),
    p.notes ? h('p', { class: 'notes', text: p.notes }) : null,
    p.vsaEvidence ? h('p', { class: 'notes', text: p.vsaEvidence }) : null,
    h('div', { class: 'queue-map', 'data-id': s.id, role: 'region', 'aria-label': t('queue.map', { id: s.id }) }),
    h('div', { class: 'photos', 'data-id': s.id }),
    h('p', { class: 'candidates-title', text: t('candidates') }),
    candidates,
    h(
      'div',
      { class: 'actions' },
      h('button', { type: 'button', class: 'approve', on: { click: () => actions.approve(s) }, text: t('approve') }),
      reason,
      comment,
      h('button', {
        type: 'button',
        class: 'reject',
        on: {
          click: () => {
            // Checked here first, in the page's words; the server checks the same.
            rejectNote.textContent = !reason.value
              ? t('reject.chooseReason')
              : reason.value === 'other' && !comment.value.trim()
                ? t('reject.commentRequired')
                : '';
            if (rejectNote.textContent) (reason.value ? comment : reason).focus();
            else actions.reject(s, reason.value, comment.value);
          },
        },
        text: t('reject'),
      }),
      h('button', {
        type: 'button',
        class: 'history-button',
        on: { click: () => actions.history(s, history) },
        text: t('history'),
      }),
    ),
    rejectNote,
    h(
      'details',
      { class: 'edit' },
      h('summary', { text: t('edit') }),
      renderEditForm(s, t, (changes, why) => actions.edit(s, changes, why)),
    ),
    history,
  );
}

/**
 * The log of a sighting (or of a group, `withSighting` naming the sighting of each action), newest
 * first, each action with a revert button unless reverted.
 */
export function renderHistory(list, entries, t, revert, { withSighting = false } = {}) {
  if (!entries.length) {
    list.replaceChildren(h('li', { text: t('history.empty') }));
    list.hidden = false;
    return;
  }
  list.replaceChildren(
    ...entries.map((a) =>
      h(
        'li',
        {},
        `${formatDate(a.createdAt, t.language, { format: 'dayTime' }) ?? '?'} · ${withSighting ? `#${a.sightingId} · ` : ''}${a.actor ?? '?'} · ${t(`action.${a.action}`)}${a.reason ? ` (${reasonText(a.reason, t)})` : ''} `,
        a.revertedBy
          ? null
          : h('button', { type: 'button', class: 'revert', on: { click: () => revert(a.id) }, text: t('revert') }),
      ),
    ),
  );
  list.hidden = false;
}

/**
 * The photos of a pending sighting, each with a button to erase it for good and one to cover
 * parts of it (faces, plates, windows): the boxes dragged in the tool go to `cover(photo, boxes)`
 * in the stored photo's pixels, the server paints them.
 */
export function renderPhotos(container, photos, t, erase, cover) {
  container.replaceChildren(
    ...photos.map((photo) => {
      const figure = h('figure', { class: 'photo' });
      const open = h('button', {
        type: 'button',
        class: 'cover-open',
        text: t('photo.cover'),
        on: {
          click: () => {
            const editor = coverEditor({
              src: photo.href,
              alt: t('photo.alt'),
              t,
              onApply: (boxes) =>
                boxes.length &&
                cover(
                  photo,
                  boxes.map((b) => toPixels(b, photo.width, photo.height)),
                ),
              onCancel: () => {
                editor.element.remove();
                open.hidden = false;
                open.focus();
              },
            });
            open.hidden = true;
            figure.append(editor.element);
            editor.element.querySelector('.cover-apply').focus();
          },
        },
      });
      figure.append(
        h('img', { src: photo.thumbnailHref, alt: t('photo.alt'), width: 160 }),
        h('button', { type: 'button', class: 'erase', on: { click: () => erase(photo) }, text: t('photo.erase') }),
        open,
      );
      return figure;
    }),
  );
}
