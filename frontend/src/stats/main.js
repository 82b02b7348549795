import '../ui/page.css';
import * as messages from './messages.js';
import { JSON_TYPE, request } from '../ui/api.js';
import { numberFormat, openPage } from '../ui/page.js';
import { showOverview } from './overview.js';
import { legacyCityPath } from './legacy.js';

const { language, t } = openPage(messages);
document.title = `Technocarte · ${t('title')}`;
const format = numberFormat(language);

const main = document.getElementById('content');
const status = document.getElementById('status');

async function show() {
  status.textContent = t('loading');
  document.body.dataset.ready = 'false';
  try {
    showOverview(main, await request('/api/stats', { headers: { Accept: JSON_TYPE } }), { t, format });
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
