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
  const uid = `f${++ids}`;
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

  const directionId = `${uid}-direction`;
  const direction = h('input', {
    id: directionId,
    name: 'direction',
    type: 'number',
    min: 0,
    max: 359,
    step: 1,
    inputmode: 'numeric',
    value: initial.directions?.[0] ?? '',
  });
  direction.addEventListener('input', () => onDirection?.(readDirection()));
  const compass = compassAvailable() && h('button', { type: 'button', class: 'button', text: t('add.compass') });
  if (compass) {
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
        direction.value = heading;
        onDirection?.(heading);
      });
    });
  }

  const vsaId = `${uid}-vsa`;
  const vsa = h('input', { type: 'checkbox', id: vsaId, name: 'vsaSuspected', checked: !!initial.vsaSuspected });
  const evidence = text('vsaEvidence', t('add.vsaEvidence'), { multiline: true });
  evidence.hidden = !vsa.checked;
  vsa.addEventListener('change', () => {
    evidence.hidden = !vsa.checked;
  });

  const summary = h('p', { class: 'form-errors', role: 'alert', hidden: true });
  const submit = h('button', { type: 'submit', class: 'button primary big', text: submitLabel });
  const whyDisabled = h('p', { class: 'hint send-hint', id: `${uid}-send-hint`, hidden: true });
  // What a walker in the street answers first; everything else waits under "Plus de détails",
  // open at once when the sighting already has some of it (a correction, a waiting one).
  const filled =
    ['mount', 'zone', 'operator', 'operatorType', 'notes'].some((name) => initial[name]) ||
    !!initial.vsaSuspected ||
    !!photos?.querySelector?.('.photo');
  const more = h(
    'details',
    { class: 'more', open: filled },
    h('summary', { text: t('add.more') }),
    h('div', { class: 'two' }, select('mount', MOUNTS), select('zone', ZONES)),
    h('div', { class: 'two' }, text('operator', t('operator.label')), select('operatorType', OPERATOR_TYPES)),
    h(
      'p',
      { class: 'field check', 'data-field': 'vsaSuspected' },
      vsa,
      h('label', { for: vsaId, text: t('add.vsaSuspected') }),
    ),
    evidence,
    text('notes', t('add.notes'), { multiline: true }),
    photos,
  );
  const form = h(
    'form',
    { class: 'sighting-form', novalidate: true },
    summary,
    choices('surveillanceType', SURVEILLANCE_TYPES),
    choices('cameraType', CAMERA_TYPES, { pictures: true }),
    // Opened apart, so the form being filled in stays as it is; the guide works offline too.
    h(
      'p',
      { class: 'guide-link' },
      h('a', { href: '/guide/', target: '_blank', rel: 'noopener', text: t('guide.notSure') }),
    ),
    h(
      'div',
      { class: 'field direction', 'data-field': 'directions' },
      h('label', { for: directionId, text: t('add.direction') }),
      h('div', { class: 'row' }, direction, compass),
      h('p', { class: 'hint', text: t('add.directionHint') }),
    ),
    more,
    // Sticky at the bottom of the panel: "Envoyer" is always in sight, however long the form.
    h(
      'div',
      { class: 'actions sticky-actions' },
      whyDisabled,
      h('button', { type: 'button', class: 'button', text: t('add.cancel'), on: { click: onCancel } }),
      submit,
    ),
  );
  form.addEventListener('change', (event) => {
    if (event.target.name === 'cameraType') onCameraType?.(event.target.value);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    onSubmit(read());
  });

  function readDirection() {
    const value = direction.value.trim();
    if (value === '') return null;
    const n = Math.round(Number(value));
    return Number.isFinite(n) ? ((n % 360) + 360) % 360 : null;
  }

  /** Every writable property; null where the walker left it empty. */
  function read() {
    const data = new FormData(form);
    const value = (name) => (data.get(name) || '').toString().trim() || null;
    const d = readDirection();
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
  function showErrors(message, errors = []) {
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

  let sendable = true;
  let sending = false;
  const refresh = () => {
    submit.disabled = sending || !sendable;
    if (sendable) submit.removeAttribute('aria-describedby');
    else submit.setAttribute('aria-describedby', whyDisabled.id);
    whyDisabled.hidden = sendable;
  };

  function busy(on) {
    sending = on;
    submit.textContent = on ? t('add.sending') : submitLabel;
    refresh();
  }

  /** "Envoyer" waits for a position the walker saw placed; the reason shows beside it. */
  function setSendable(on, reason = '') {
    sendable = on;
    whyDisabled.textContent = reason;
    refresh();
  }

  /** Opens the folded details, where a refused field may hide. */
  function openDetails() {
    more.open = true;
  }

  return {
    element: form,
    read,
    showErrors,
    busy,
    setSendable,
    openDetails,
    setDirection: (d) => (direction.value = d ?? ''),
  };
}
