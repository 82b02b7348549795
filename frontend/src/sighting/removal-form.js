import { h } from '../ui/dom.js';
import { photoPicker } from '../photo/photo-picker.js';
import * as api from './api.js';

/** Farther than this from the camera, the server takes a "moved" camera for a new one. */
export const MAX_MOVE_METRES = 200;

/**
 * The body of a removal report from the form's choices: a camera gone, or moved to the centre of
 * the map the walker aimed at ([lon, lat], 6 decimals, about 10 cm).
 */
export function removalReport({ kind, note, centre }) {
  const text = (note || '').trim();
  const report = { kind, note: text || undefined };
  if (kind === 'moved') report.movedTo = [Number(centre.lng.toFixed(6)), Number(centre.lat.toFixed(6))];
  return report;
}

/**
 * "Not there any more?" under an approved camera's detail: gone, or moved to where the map's centre
 * is, with an optional note and one optional photo (redrawn and coverable on the phone like any
 * other, sent with the report's token right after it). Nothing about who reports is sent; the
 * territory's group decides, and the photo is erased once it has.
 */
export function removalForm(
  sighting,
  { t, centre, report = api.reportRemoval, upload = api.uploadReportPhoto, announce, picker = photoPicker },
) {
  const photo = picker({ t, max: 1 });
  const status = h('p', { class: 'note', role: 'status' });
  const choice = (value, checked) =>
    h(
      'p',
      { class: 'field check' },
      h('input', { type: 'radio', name: 'removal-kind', id: `removal-${value}`, value, checked }),
      h('label', { for: `removal-${value}`, text: t(`removal.${value}`) }),
    );
  const note = h('textarea', { id: 'removal-note', name: 'note', rows: 2, maxlength: 1000 });
  const send = h('button', { type: 'submit', class: 'button primary', text: t('removal.send') });
  const form = h(
    'form',
    { class: 'removal-form', novalidate: true },
    h(
      'fieldset',
      { class: 'choices' },
      h('legend', { text: t('removal.what') }),
      choice('gone', true),
      choice('moved', false),
    ),
    h('p', { class: 'hint', id: 'removal-moved-hint', text: t('removal.movedHint', { n: MAX_MOVE_METRES }) }),
    h('p', { class: 'field' }, h('label', { for: 'removal-note', text: t('removal.note') }), note),
    photo.element,
    send,
    status,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const kind = form.querySelector('input[name="removal-kind"]:checked').value;
    send.disabled = true;
    status.textContent = t('removal.sending');
    const blobs = await photo.photos();
    const result = await report(sighting.id, removalReport({ kind, note: note.value, centre: centre() }));
    if (result.ok) {
      // The report counts even if its photo does not get through: say so rather than resend it.
      const sent = blobs.length
        ? await upload(sighting.id, result.report.id, result.report.reportToken, blobs[0])
        : { ok: true };
      const thanks = sent.ok ? t('removal.thanks') : t('removal.thanksNoPhoto');
      form.replaceChildren(h('p', { class: 'note', role: 'status', text: thanks }));
      announce?.(thanks);
      return;
    }
    send.disabled = false;
    status.textContent = result.refused ? t('removal.refused', { reason: result.reason }) : t('removal.error');
  });
  return h('details', { class: 'removal' }, h('summary', { text: t('removal.open') }), form);
}
