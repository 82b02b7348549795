import './stats.css';
import { chosenLanguage, translator } from './messages.js';
import { languageSwitch } from '../ui/catalogue.js';
import { showOverview } from './overview.js';
import { legacyCityPath } from '../cities/paths.js';

const language = chosenLanguage(navigator.languages);
const t = translator(language);
document.documentElement.lang = language;
for (const node of document.querySelectorAll('[data-t]')) node.textContent = t(node.dataset.t);
document.querySelector('.stats-bar').append(languageSwitch({ language, label: t('language') }));
document.title = `Technocarte · ${t('title')}`;

const integer = new Intl.NumberFormat(language);
const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 });
const format = { integer: (n) => integer.format(n), percent: (n) => percent.format(n) };

const main = document.getElementById('content');
const status = document.getElementById('status');

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

async function show() {
  status.textContent = t('loading');
  document.body.dataset.ready = 'false';
  try {
    showOverview(main, await getJson('/api/stats'), { t, format });
    status.textContent = '';
  } catch (error) {
    status.textContent = t('error', { detail: error.message });
  } finally {
    document.body.dataset.ready = 'true';
  }
}

/** A city's page used to be #/city/<code> here: old links land on its own page, /cities/<code>, now. */
function followMovedCity() {
  const moved = legacyCityPath(location.hash);
  if (moved) location.replace(moved);
  return Boolean(moved);
}

window.addEventListener('hashchange', followMovedCity);
if (!followMovedCity()) show();
