// The moderator's edit form of a queue item: every field of the sighting and its position.
// Only what the moderator changed is sent, so the audit log's before/after shows just that.
import { h } from '../ui/dom.js';
import { fieldMessage } from './problem.js';
import { AREAS, CAMERA_TYPES, MOUNTS, OPERATOR_TYPES, SURVEILLANCE_TYPES, ZONES } from '../sighting/fields.js';

const CHOICES = {
  surveillanceType: SURVEILLANCE_TYPES,
  cameraType: CAMERA_TYPES,
  mount: MOUNTS,
  area: AREAS,
  zone: ZONES,
  operatorType: OPERATOR_TYPES,
};
const REQUIRED = new Set(['surveillanceType', 'cameraType']);
const NUMBERS = { fieldOfView: { min: 1, max: 360, step: 1 }, height: { min: 0.1, max: 300, step: 0.1 } };
const TEXTS = { operator: 200, vsaEvidence: 4000, notes: 2000 };

/** Reads "90, 270" as [90, 270]; compass letters stay words for the server to read (NE → 45). */
export function parseDirections(text) {
  return String(text ?? '')
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map((word) => (/^\d+$/.test(word) ? Number(word) : word.toUpperCase()));
}

const same = (a, b) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

/**
 * The amendment a form's values make to a sighting: a GeoJSON Feature with only the changed
 * properties (null clears an optional one) and the geometry when the position moved; null when
 * nothing changed.
 */
export function changesFrom(sighting, values) {
  const before = sighting.properties;
  const after = {};
  for (const name of Object.keys(CHOICES)) {
    after[name] = values[name] || null;
  }
  for (const name of Object.keys(NUMBERS)) {
    after[name] = values[name] === '' || values[name] == null ? null : Number(values[name]);
  }
  for (const name of Object.keys(TEXTS)) {
    const text = String(values[name] ?? '').trim();
    after[name] = text === '' ? null : text;
  }
  after.directions = parseDirections(values.directions);
  after.vsaSuspected = Boolean(values.vsaSuspected);
  after.observedAt = values.observedAt || null;

  const properties = {};
  for (const [name, value] of Object.entries(after)) {
    const old =
      name === 'directions'
        ? (before.directions ?? [])
        : name === 'vsaSuspected'
          ? Boolean(before.vsaSuspected)
          : before[name];
    if (!same(old, value)) properties[name] = value;
  }
  const [oldLon, oldLat] = sighting.geometry.coordinates;
  const lon = Number(values.longitude);
  const lat = Number(values.latitude);
  const moved = values.longitude !== '' && values.latitude !== '' && (lon !== oldLon || lat !== oldLat);
  if (!Object.keys(properties).length && !moved) return null;
  const feature = { type: 'Feature', properties };
  if (moved) feature.geometry = { type: 'Point', coordinates: [lon, lat] };
  return feature;
}

/** The values of an edit form, by field name. */
export function formValues(form) {
  const values = Object.fromEntries(new FormData(form).entries());
  values.vsaSuspected = form.elements.vsaSuspected.checked;
  return values;
}

/**
 * The form, filled with the sighting. `save(changes, reason)` sends it and answers the problem
 * (or nothing); the problem's field errors are shown next to their fields.
 */
export function renderEditForm(sighting, t, save) {
  // Field names and values come from the same translator, in the page's language.
  const f = t;
  const p = sighting.properties;
  const id = (name) => `edit-${sighting.id}-${name}`;
  const field = (name, label, input) =>
    h(
      'div',
      { class: 'field', 'data-field': name },
      h('label', { for: id(name), text: label }),
      input,
      h('span', { class: 'field-error error', id: id(`${name}-error`) }),
    );

  const select = (name) =>
    field(
      name,
      f(`${name}.label`),
      h(
        'select',
        { id: id(name), name },
        REQUIRED.has(name) ? null : h('option', { value: '', text: f('field.unset') }),
        CHOICES[name].map((value) => h('option', { value, text: f(`${name}.${value}`), selected: p[name] === value })),
      ),
    );
  const number = (name) =>
    field(
      name,
      f(`field.${name}`),
      h('input', { id: id(name), name, type: 'number', inputmode: 'decimal', value: p[name] ?? '', ...NUMBERS[name] }),
    );
  const text = (name, label, multiline) =>
    field(
      name,
      label,
      multiline
        ? h('textarea', { id: id(name), name, rows: 3, maxlength: TEXTS[name] }, p[name] ?? '')
        : h('input', { id: id(name), name, type: 'text', maxlength: TEXTS[name], value: p[name] ?? '' }),
    );
  const [lon, lat] = sighting.geometry.coordinates;
  const coordinate = (name, value, min, max) =>
    field(
      name,
      t(`edit.${name}`),
      h('input', { id: id(name), name, type: 'number', inputmode: 'decimal', step: 'any', min, max, value }),
    );

  const status = h('p', { class: 'edit-status error', role: 'alert' });
  const form = h(
    'form',
    { class: 'edit-form', novalidate: true },
    h(
      'div',
      { class: 'edit-grid' },
      select('surveillanceType'),
      select('cameraType'),
      select('mount'),
      select('area'),
      select('zone'),
      select('operatorType'),
      text('operator', f('operator.label')),
      field(
        'directions',
        t('edit.directions'),
        h('input', { id: id('directions'), name: 'directions', type: 'text', value: (p.directions ?? []).join(', ') }),
      ),
      number('fieldOfView'),
      number('height'),
      field(
        'observedAt',
        f('field.observedAt'),
        h('input', { id: id('observedAt'), name: 'observedAt', type: 'date', value: p.observedAt ?? '' }),
      ),
      coordinate('latitude', lat, -90, 90),
      coordinate('longitude', lon, -180, 180),
    ),
    h(
      'label',
      { class: 'check' },
      h('input', { type: 'checkbox', name: 'vsaSuspected', checked: Boolean(p.vsaSuspected) }),
      ` ${f('field.vsaSuspected')}`,
    ),
    text('vsaEvidence', f('field.vsaEvidence'), true),
    text('notes', f('field.notes'), true),
    field('reason', t('edit.reason'), h('input', { id: id('reason'), name: 'reason', type: 'text', maxlength: 1000 })),
    h('button', { type: 'submit', class: 'save', text: t('edit.save') }),
    status,
  );
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    for (const node of form.querySelectorAll('.field-error')) node.textContent = '';
    status.textContent = '';
    const values = formValues(form);
    const changes = changesFrom(sighting, values);
    if (!changes) {
      status.textContent = t('edit.nothing');
      return;
    }
    const problem = await save(changes, values.reason.trim() || null);
    if (!problem) return;
    const unplaced = [];
    for (const error of problem.errors ?? []) {
      const name = fieldOf(error);
      const slot = name && form.querySelector(`#${CSS.escape(id(`${name}-error`))}`);
      if (slot) slot.textContent = fieldMessage(error, t);
      else unplaced.push(t('field', { label: error.field, message: fieldMessage(error, t) }));
    }
    const code =
      problem.code ??
      String(problem.type ?? '')
        .split('/')
        .pop();
    status.textContent = [t(t.has(`problem.${code}`) ? `problem.${code}` : 'problem.validation'), ...unplaced].join(
      ' · ',
    );
  });
  return form;
}

/** The form field a problem's error is about: properties.directions[1] → directions; the position's own. */
export function fieldOf(error) {
  const path = error.field ?? '';
  const match = /^properties\.(\w+)/.exec(path);
  if (match) return match[1];
  if (path.startsWith('geometry')) return /longitude/.test(error.message ?? '') ? 'longitude' : 'latitude';
  return null;
}
