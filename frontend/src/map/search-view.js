import { h } from '../ui/dom.js';

const TYPING_PAUSE_MS = 250;

/**
 * "Chercher une ville": the gazetteer shipped with the app answers (GET /api/places), no third
 * party. A choice moves the map to the city. `search(text)` gives { ok, places } | { retry } | { refused }.
 */
export function showSearch({ panel, t, search, onChoose }) {
  const input = h('input', {
    id: 'place-search',
    name: 'q',
    type: 'search',
    autocomplete: 'off',
    enterkeyhint: 'search',
    minlength: 2,
    maxlength: 80,
  });
  const results = h('ul', { class: 'place-results', 'aria-label': t('walker.search') });
  const note = h('p', { class: 'hint', role: 'status' });
  let asked = 0;

  async function run() {
    const text = input.value.trim();
    const mine = ++asked;
    if (text.length < 2) {
      results.replaceChildren();
      note.textContent = '';
      return;
    }
    const found = await search(text);
    if (mine !== asked) return; // a later keystroke asked again
    if (!found.ok) {
      note.textContent = t('walker.searchError');
      return;
    }
    note.textContent = found.places.length ? '' : t('walker.searchNone');
    results.replaceChildren(
      ...found.places.map((place) =>
        h(
          'li',
          {},
          h('button', {
            type: 'button',
            class: 'button place',
            'data-code': place.code,
            text: place.country === 'FR' ? place.name : `${place.name} (${place.country})`,
            on: { click: () => onChoose(place) },
          }),
        ),
      ),
    );
  }

  let timer;
  input.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(run, TYPING_PAUSE_MS);
  });
  const form = h(
    'form',
    { class: 'search-form', role: 'search' },
    h('label', { for: 'place-search', text: t('walker.searchLabel') }),
    h(
      'div',
      { class: 'row' },
      input,
      h('button', { type: 'submit', class: 'button primary', text: t('walker.searchButton') }),
    ),
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    clearTimeout(timer);
    run();
  });
  panel.show(t('walker.search'), form, note, results);
  input.focus();
}
