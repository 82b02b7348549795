// The form that adds a piece of VSA evidence or changes one; it sends, then says what the API refused, field by field.
import { h } from '../ui/dom.js';
import { KINDS, evidenceBody, fieldErrors, today } from './evidence-shape.js';

const FIELDS = ['kind', 'title', 'publishedOn', 'url', 'note'];

/**
 * A form for `city`: empty to add, filled with `entry` to change it. `send(body)` calls the API;
 * `done()` runs after success, `cancel()` (when editing) on "Cancel".
 */
export function evidenceForm({ t, entry, send, done, cancel }) {
  const editing = Boolean(entry);
  const prefix = editing ? `evidence-edit-${entry.id}` : 'evidence-new';
  const hints = {};
  const control = (name, input) => {
    hints[name] = h('span', { class: 'field-error', id: `${prefix}-${name}-error` });
    input.setAttribute('id', `${prefix}-${name}`);
    input.setAttribute('name', name);
    input.setAttribute('aria-describedby', hints[name].id);
    return h(
      'p',
      { class: 'field' },
      h('label', { for: `${prefix}-${name}`, text: t(`evidence.field.${name}`) }),
      input,
      hints[name],
    );
  };
  const kind = h(
    'select',
    { required: true },
    KINDS.map((k) => h('option', { value: k, text: t(`evidence.kind.${k}`) })),
  );
  const title = h('input', { type: 'text', required: true, maxlength: '300' });
  const publishedOn = h('input', { type: 'date', required: true, max: today() });
  const url = h('input', { type: 'url', required: true, maxlength: '2000', placeholder: 'https://' });
  const note = h('textarea', { maxlength: '2000', rows: '3' });
  if (editing) {
    kind.value = entry.kind;
    title.value = entry.title;
    publishedOn.value = entry.publishedOn;
    url.value = entry.url;
    note.value = entry.note || '';
  }
  const message = h('p', { class: 'form-message', role: 'alert' });
  const form = h(
    'form',
    { class: 'evidence-form', id: `${prefix}-form`, novalidate: true },
    h(
      'fieldset',
      {},
      h('legend', { text: t(editing ? 'evidence.edit' : 'evidence.add') }),
      control('kind', kind),
      control('title', title),
      control('publishedOn', publishedOn),
      control('url', url),
      control('note', note),
      message,
      h(
        'p',
        { class: 'actions' },
        h('button', { type: 'submit', class: 'button', text: t(editing ? 'evidence.save' : 'evidence.submit') }),
        editing ? h('button', { type: 'button', class: 'button secondary cancel', text: t('evidence.cancel') }) : null,
      ),
    ),
  );
  form.querySelector('.cancel')?.addEventListener('click', () => cancel?.());

  const show = (errors) => {
    for (const name of FIELDS) {
      // The page's own words for a refused field: the API's messages are in English.
      hints[name].textContent = errors[name] ? t(`evidence.invalid.${name}`) : '';
      if (errors[name]) form.elements[name].setAttribute('aria-invalid', 'true');
      else form.elements[name].removeAttribute('aria-invalid');
    }
    message.textContent = errors[''] || '';
  };

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const values = Object.fromEntries(FIELDS.map((name) => [name, form.elements[name].value]));
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    show({});
    try {
      await send(evidenceBody(values, editing ? entry.version : undefined));
      if (!editing) form.reset();
      await done();
    } catch (error) {
      if (error.status === 422) {
        const errors = fieldErrors(error.problem);
        show(errors);
        const first = FIELDS.find((name) => errors[name]);
        if (first) form.elements[first].focus();
      } else if (error.status === 409) {
        show({ '': t('evidence.stale') });
      } else {
        show({ '': t('evidence.failed', { detail: error.message }) });
      }
    } finally {
      button.disabled = false;
    }
  });
  return form;
}
