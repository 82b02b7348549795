import { h } from '../ui/dom.js';
import { CAMERA_TYPES, MOUNTS, OPERATOR_TYPES, SURVEILLANCE_TYPES, ZONES } from '../sighting/fields.js';
import { picture } from '../sighting/pictures.js';
import { compassAvailable, startCompass } from './compass.js';

let ids = 0;

/**
 * The one short screen of a new camera: big choices first (what, which shape, which way), the rest
 * underneath. `read()` gives the properties to send; `showErrors()` marks what the server refused.
 */
export function sightingForm({
  t,
  initial = {},
  submitLabel,
  onSubmit,
  onCancel,
  onDirection,
  onCameraType,
  photos = null,
}) {
  const fields = fieldBuilders({ t, uid: `f${++ids}`, initial });
  const direction = directionField({ t, fields, initial, onDirection });
  const vsa = vsaFields({ t, fields, initial });
  const send = sendButton({ t, fields, submitLabel });
  const more = moreDetails({ t, fields, initial, vsa, photos });
  const form = h(
    'form',
    { class: 'sighting-form', novalidate: true },
    send.summary,
    fields.choices('surveillanceType', SURVEILLANCE_TYPES),
    fields.choices('cameraType', CAMERA_TYPES, { pictures: true }),
    // Opened apart, so the form being filled in stays as it is; the guide works offline too.
    h(
      'p',
      { class: 'guide-link' },
      h('a', { href: '/guide/', target: '_blank', rel: 'noopener', text: t('guide.notSure') }),
    ),
    direction.element,
    more,
    // Sticky at the bottom of the panel: "Envoyer" is always in sight, however long the form.
    h(
      'div',
      { class: 'actions sticky-actions' },
      send.whyDisabled,
      h('button', { type: 'button', class: 'button', text: t('add.cancel'), on: { click: onCancel } }),
      send.submit,
    ),
  );
  const read = () => readForm(form, direction, vsa.input);
  form.addEventListener('change', (event) => {
    if (event.target.name === 'cameraType') onCameraType?.(event.target.value);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onSubmit(read());
  });
  return {
    element: form,
    read,
    showErrors: (message, errors) => showErrors({ form, more, summary: send.summary }, message, errors),
    busy: send.busy,
    setSendable: send.setSendable,
    /** Opens the folded details, where a refused field may hide. */
    openDetails: () => {
      more.open = true;
    },
    setDirection: (d) => (direction.input.value = d ?? ''),
  };
}

/** The form's fields, each with ids of this form (`uid`) and the sighting's `initial` values. */
function fieldBuilders({ t, uid, initial }) {
  const choices = (name, values, { pictures = false } = {}) =>
    h(
      'fieldset',
      { class: `choices${pictures ? ' pictures' : ''}`, 'data-field': name },
      h('legend', { text: t(`${name}.label`) }),
      values.map((value) => {
        const id = `${uid}-${name}-${value}`;
        return h(
          'span',
          { class: 'choice' },
          h('input', {
            type: 'radio',
            name,
            id,
            value,
            checked: (initial[name] ?? (name === 'surveillanceType' ? 'camera' : 'unknown')) === value,
          }),
          h(
            'label',
            { for: id },
            pictures && h('span', { class: 'picture', svg: picture(value) }),
            h('span', { text: t(`${name}.${value}`) }),
          ),
        );
      }),
    );
  const select = (name, values) => {
    const id = `${uid}-${name}`;
    return h(
      'p',
      { class: 'field', 'data-field': name },
      h('label', { for: id, text: t(`${name}.label`) }),
      h(
        'select',
        { id, name },
        h('option', { value: '', text: t('field.unset') }),
        values.map((v) => h('option', { value: v, text: t(`${name}.${v}`), selected: initial[name] === v })),
      ),
    );
  };
  const text = (name, label, { multiline = false, value = initial[name] } = {}) => {
    const id = `${uid}-${name}`;
    return h(
      'p',
      { class: 'field', 'data-field': name },
      h('label', { for: id, text: label }),
      multiline
        ? h('textarea', { id, name, rows: 2, maxlength: name === 'notes' ? 2000 : 4000, value: value ?? '' })
        : h('input', { id, name, type: 'text', maxlength: 200, value: value ?? '', autocomplete: 'off' }),
    );
  };
  return { uid, choices, select, text };
}

/** Which way the camera looks, in degrees, typed or taken from the phone's compass. */
function directionField({ t, fields, initial, onDirection }) {
  const id = `${fields.uid}-direction`;
  const input = h('input', {
    id,
    name: 'direction',
    type: 'number',
    min: 0,
    max: 359,
    step: 1,
    inputmode: 'numeric',
    value: initial.directions?.[0] ?? '',
  });
  const read = () => {
    const value = input.value.trim();
    if (value === '') return null;
    const n = Math.round(Number(value));
    return Number.isFinite(n) ? ((n % 360) + 360) % 360 : null;
  };
  input.addEventListener('input', () => onDirection?.(read()));
  const compass = compassButton({ t, input, onDirection });
  const element = h(
    'div',
    { class: 'field direction', 'data-field': 'directions' },
    h('label', { for: id, text: t('add.direction') }),
    h('div', { class: 'row' }, input, compass),
    h('p', { class: 'hint', text: t('add.directionHint') }),
  );
  return { element, input, read };
}

/** Where the phone has a compass: a toggle that writes its heading into `input` as the walker turns. */
function compassButton({ t, input, onDirection }) {
  const compass = compassAvailable() && h('button', { type: 'button', class: 'button', text: t('add.compass') });
  if (!compass) return compass;
  let stop = null;
  compass.addEventListener('click', async () => {
    if (stop) {
      stop();
      stop = null;
      compass.setAttribute('aria-pressed', 'false');
      return;
    }
    compass.setAttribute('aria-pressed', 'true');
    stop = await startCompass((heading) => {
      input.value = heading;
      onDirection?.(heading);
    });
  });
  return compass;
}

/** "Suspected of VSA", and its evidence shown only while it is ticked. */
function vsaFields({ t, fields, initial }) {
  const id = `${fields.uid}-vsa`;
  const input = h('input', { type: 'checkbox', id, name: 'vsaSuspected', checked: !!initial.vsaSuspected });
  const evidence = fields.text('vsaEvidence', t('add.vsaEvidence'), { multiline: true });
  evidence.hidden = !input.checked;
  input.addEventListener('change', () => {
    evidence.hidden = !input.checked;
  });
  const check = h(
    'p',
    { class: 'field check', 'data-field': 'vsaSuspected' },
    input,
    h('label', { for: id, text: t('add.vsaSuspected') }),
  );
  return { input, check, evidence };
}

/**
 * What a walker in the street answers first stays outside; everything else waits under "Plus de
 * détails", open at once when the sighting already has some of it (a correction, a waiting one).
 */
function moreDetails({ t, fields, initial, vsa, photos }) {
  const filled =
    ['mount', 'zone', 'operator', 'operatorType', 'notes'].some((name) => initial[name]) ||
    !!initial.vsaSuspected ||
    !!photos?.querySelector?.('.photo');
  return h(
    'details',
    { class: 'more', open: filled },
    h('summary', { text: t('add.more') }),
    h('div', { class: 'two' }, fields.select('mount', MOUNTS), fields.select('zone', ZONES)),
    h(
      'div',
      { class: 'two' },
      fields.text('operator', t('operator.label')),
      fields.select('operatorType', OPERATOR_TYPES),
    ),
    vsa.check,
    vsa.evidence,
    fields.text('notes', t('add.notes'), { multiline: true }),
    photos,
  );
}

/**
 * "Envoyer", the sentence saying why it waits, and the summary of refused fields at the top.
 * `busy(on)` while sending; `setSendable(on, reason)`: it waits for a position the walker saw placed.
 */
function sendButton({ t, fields, submitLabel }) {
  const summary = h('p', { class: 'form-errors', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'button primary big', text: submitLabel });
  const whyDisabled = h('p', { class: 'hint send-hint', id: `${fields.uid}-send-hint`, hidden: true });
  let sendable = true;
  let sending = false;
  const refresh = () => {
    submit.disabled = sending || !sendable;
    if (sendable) submit.removeAttribute('aria-describedby');
    else submit.setAttribute('aria-describedby', whyDisabled.id);
    whyDisabled.hidden = sendable;
  };
  const busy = (on) => {
    sending = on;
    submit.textContent = on ? t('add.sending') : submitLabel;
    refresh();
  };
  const setSendable = (on, reason = '') => {
    sendable = on;
    whyDisabled.textContent = reason;
    refresh();
  };
  return { summary, submit, whyDisabled, busy, setSendable };
}

/** Every writable property; null where the walker left it empty. */
function readForm(form, direction, vsa) {
  const data = new FormData(form);
  const value = (name) => (data.get(name) || '').toString().trim() || null;
  const d = direction.read();
  return {
    surveillanceType: value('surveillanceType') || 'camera',
    cameraType: value('cameraType') || 'unknown',
    directions: d === null ? [] : [d],
    mount: value('mount'),
    zone: value('zone'),
    operator: value('operator'),
    operatorType: value('operatorType'),
    vsaSuspected: vsa.checked,
    vsaEvidence: vsa.checked ? value('vsaEvidence') : null,
    notes: value('notes'),
  };
}

/** Marks each refused field (properties.notes → the notes input) and sums them up at the top. */
function showErrors({ form, more, summary }, message, errors = []) {
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  for (const el of form.querySelectorAll('.field-error')) el.remove();
  summary.textContent = message;
  summary.hidden = !message;
  for (const error of errors) {
    const name = String(error.field)
      .replace(/^properties\./, '')
      .replace(/\[\d+\]$/, '');
    const box = form.querySelector(`[data-field="${name}"]`);
    if (!box) continue;
    if (more.contains(box)) more.open = true;
    box.querySelector('input, select, textarea')?.setAttribute('aria-invalid', 'true');
    box.append(h('span', { class: 'field-error', text: error.message }));
  }
}
