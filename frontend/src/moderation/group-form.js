// The form that creates a group (site admins) or changes one (its admins): name, city, territory
// drawn on the map or read from a GeoJSON file. Refusals are shown beside the form, in words.
import { h } from '../ui/dom.js';
import { parseTerritory, polygonsOf, TerritoryError } from './territory-file.js';
import { territoryMap } from './territory-map.js';
import { problemLines } from './problem.js';

const LABELS = { name: 'groups.name', cityName: 'groups.city', territory: 'groups.territory' };
let formCount = 0;

/**
 * Options: api, t, language, group (absent to create), onSave(body) → Promise (the caller sends it
 * and handles a stale version). Returns { node, ready, destroy }.
 */
export function groupForm({ api, t, language, group = null, onSave }) {
  const id = `group-form-${++formCount}`;
  const errors = h('div', { class: 'form-errors', role: 'alert' });
  const summary = h('p', { class: 'territory-summary', 'aria-live': 'polite' });
  const file = h('input', {
    type: 'file',
    id: `${id}-file`,
    class: 'territory-file',
    accept: '.geojson,.json,application/geo+json,application/json',
  });
  const box = h('div', { class: 'territory-map', role: 'region', 'aria-label': t('groups.map') });
  const form = h(
    'form',
    { class: 'card group-form', id, novalidate: true },
    h('h2', { text: t(group ? 'groups.edit' : 'groups.new') }),
    h(
      'label',
      {},
      h('span', { text: t('groups.name') }),
      h('input', { name: 'name', required: true, maxlength: 120, value: group?.name ?? '' }),
    ),
    h(
      'label',
      {},
      h('span', { text: t('groups.city') }),
      h('input', { name: 'cityName', maxlength: 200, value: group?.cityName ?? '' }),
    ),
    h(
      'fieldset',
      { class: 'territory' },
      h('legend', { text: t('groups.territory') }),
      h('p', { class: 'hint', text: t('groups.territoryHint') }),
      h('label', { for: file.id }, h('span', { text: t('groups.upload') })),
      file,
      box,
      summary,
    ),
    h('button', { type: 'submit', class: 'save', text: t(group ? 'groups.save' : 'groups.create') }),
    errors,
  );

  const say = (lines) =>
    errors.replaceChildren(
      ...(lines.length
        ? [
            h(
              'ul',
              {},
              lines.map((line) => h('li', { text: line })),
            ),
          ]
        : []),
    );
  let map = null;
  const describe = () => {
    try {
      const n = polygonsOf(map?.territory()).length;
      summary.textContent = n ? t('groups.polygons', { n }) : t('groups.noTerritory');
    } catch (error) {
      summary.textContent = problemLines(error, t).join(' ');
    }
  };
  const ready = territoryMap(box, {
    api,
    language,
    editable: true,
    territory: group?.territory,
    onChange: describe,
  }).then((created) => {
    map = created;
    describe();
    return created;
  });

  file.addEventListener('change', async () => {
    const chosen = file.files[0];
    if (!chosen) return;
    try {
      map.show(parseTerritory(await chosen.text()));
      say([]);
      describe();
    } catch (error) {
      say(problemLines(error, t));
    }
  });

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData(form);
    const name = String(data.get('name')).trim();
    try {
      if (!name) throw new TerritoryError('groups.nameRequired');
      const territory = map.territory();
      if (!territory) throw new TerritoryError('groups.territoryRequired');
      say([]);
      if (!(await confirmTerritory(territory))) {
        say([t('groups.notSaved')]);
        return;
      }
      await onSave({ name, cityName: String(data.get('cityName')).trim(), territory });
    } catch (error) {
      say(problemLines(error, t, LABELS));
    }
  });

  /** Asks the server what the territory would overlap and how large it is; warns before saving. */
  async function confirmTerritory(territory) {
    const check = await api.post('/api/groups/territory-check', { territory, groupId: group?.id ?? null });
    const warnings = [];
    if (check.overlaps.length)
      warnings.push(t('groups.overlap', { names: check.overlaps.map((o) => o.name).join(', ') }));
    if (check.largerThanRegion)
      warnings.push(t('groups.tooWide', { km2: Math.round(check.areaKm2).toLocaleString(language) }));
    return !warnings.length || window.confirm(t('groups.confirmSave', { warnings: warnings.join(' ') }));
  }

  return { node: form, ready, destroy: () => map?.destroy() };
}
