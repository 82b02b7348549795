// The city pages: `/cities/` lists the cities, `/cities/<code>` shows one, its cameras and its VSA evidence.
import '../ui/page.css';
import './cities.css';
import { ApiError, createApi } from '../ui/api.js';
import * as messages from './messages.js';
import { numberFormat, openPage } from '../ui/page.js';
import { showCities } from './list.js';
import { showCity } from './city.js';
import { cityCode } from './paths.js';

const { language, t } = openPage(messages);
const format = numberFormat(language);

const main = document.getElementById('content');
const status = document.getElementById('status');
const api = createApi();
const code = cityCode(location.pathname);
let leave = () => {};

/** A moderator who may edit the city gets the session's CSRF token, which every change carries. */
async function withCsrf(city) {
  if (!city.canEdit) return city;
  try {
    api.setCsrf((await api.get('/api/auth/me')).csrfToken);
    return city;
  } catch {
    return { ...city, canEdit: false };
  }
}

/** Shows the page again (after a change: with `done` said to screen readers). */
async function show(done = '') {
  document.body.dataset.ready = 'false';
  status.textContent = t('cities.loading');
  try {
    leave();
    if (code) {
      const city = await withCsrf(await api.get(`/api/cities/${encodeURIComponent(code)}`));
      document.title = `Technocarte · ${city.name}`;
      leave = showCity(main, city, { t, format, language, api, reload: () => show(t('evidence.saved')) });
    } else {
      document.title = `Technocarte · ${t('page.cities')}`;
      leave = showCities(main, await api.get('/api/cities'), { t, format });
    }
    status.textContent = done;
  } catch (error) {
    main.replaceChildren();
    status.textContent =
      error instanceof ApiError && error.status === 404 ? t('city.notFound') : t('error', { detail: error.message });
  } finally {
    document.body.dataset.ready = 'true';
  }
}

show();
