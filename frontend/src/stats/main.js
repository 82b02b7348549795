import './stats.css';
import { pickLanguage, translator } from './messages.js';
import { showOverview } from './overview.js';
import { showCity } from './city.js';

const language = pickLanguage(navigator.languages);
const t = translator(language);
document.documentElement.lang = language;
for (const node of document.querySelectorAll('[data-t]')) node.textContent = t(node.dataset.t);
document.title = `Technocarte · ${t('title')}`;

const integer = new Intl.NumberFormat(language);
const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 });
const format = { integer: (n) => integer.format(n), percent: (n) => percent.format(n) };

const main = document.getElementById('content');
const status = document.getElementById('status');
let leave = () => {};

async function getJson(path) {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  if (!response.ok) {
    const problem = await response.json().catch(() => ({}));
    const error = new Error(problem.detail || problem.title || `HTTP ${response.status}`);
    error.status = response.status;
    throw error;
  }
  return response.json();
}

/** `#/city/<code>` shows one city; anything else, the overview. */
export function route(hash) {
  const match = /^#\/city\/([^/]+)$/.exec(hash || '');
  return match ? { city: decodeURIComponent(match[1]) } : {};
}

async function show() {
  leave();
  leave = () => {};
  const { city } = route(location.hash);
  status.textContent = t('loading');
  document.body.dataset.ready = 'false';
  try {
    if (city) {
      try {
        leave = showCity(main, await getJson(`/api/cities/${encodeURIComponent(city)}`), { t, format });
      } catch (error) {
        if (error.status !== 404) throw error;
        main.replaceChildren();
        status.textContent = t('city.notFound');
        return;
      }
    } else {
      leave = showOverview(main, await getJson('/api/stats'), { t, format });
    }
    status.textContent = '';
  } catch (error) {
    status.textContent = t('error', { detail: error.message });
  } finally {
    document.body.dataset.ready = 'true';
  }
}

window.addEventListener('hashchange', () => {
  // Moves focus to the new view's heading, so a screen reader hears the change.
  show().then(() => {
    const heading = document.querySelector('main h2');
    heading?.setAttribute('tabindex', '-1');
    heading?.focus();
  });
});
show();
