import './moderation.css';
import { ApiError, createApi } from '../ui/api.js';
import { chosenLanguage, translator } from './messages.js';
import { languageSwitch } from '../ui/catalogue.js';
import { renderHistory, renderItem, renderPhotos } from './queue.js';
import { queueMap } from './queue-map.js';
import { problemLines, problemText } from './problem.js';
import { h } from '../ui/dom.js';
import { runImport } from './import.js';
import { renderRemovals } from './removals.js';
import { mountGroups } from './groups.js';
import { groupsRoute } from './groups-route.js';

// The page's language: the switch's choice, else the browser's. One language per screen.
const language = chosenLanguage(navigator.languages);
const t = translator(language);
document.documentElement.lang = language;
for (const node of document.querySelectorAll('[data-t]')) node.textContent = t(node.dataset.t);
document
  .querySelector('.mod-bar')
  .append(h('label', { class: 'language' }, languageSwitch({ language, label: t('language.label') })));

const api = createApi();
const groupsView = mountGroups({
  api,
  t,
  language,
  section: document.getElementById('groups'),
  queue: document.getElementById('work'),
  nav: document.getElementById('mod-nav'),
  onSignedOut: () => showLogin(),
});
const $ = (id) => document.getElementById(id);
const message = (text) => {
  $('message').textContent = text;
};

/** An invitation link: /moderation/#/join/<token> (the token never reaches a server log). */
function invitation() {
  const match = /^#\/join\/([A-Za-z0-9_-]{20,128})$/.exec(window.location.hash);
  return match ? match[1] : null;
}

async function start() {
  if (invitation()) {
    $('join').hidden = false;
    $('join').querySelector('input').focus();
    return;
  }
  try {
    const me = await api.get('/api/auth/me');
    enter(me);
  } catch (error) {
    if (error instanceof ApiError && error.status === 401) showLogin();
    else message(t('error', { detail: problemText(error, t) }));
  }
}

function showLogin() {
  signedIn = null;
  $('login').hidden = false;
  $('work').hidden = true;
  $('logout').hidden = true;
  $('who').textContent = '';
  groupsView.leave();
  $('login').querySelector('input').focus();
}

// Who is signed in (GET /api/auth/me), or null.
let signedIn = null;

async function enter(me) {
  signedIn = me;
  api.setCsrf(me.csrfToken);
  $('login').hidden = true;
  $('work').hidden = false;
  $('logout').hidden = false;
  $('who').textContent = me.displayName;
  await fillImportGroups();
  await groupsView.enter(me);
  await loadQueue();
}

/**
 * The groups one may import into: theirs, or every group for a site admin; and their mapping
 * parties, to filter the queue by one (and approve its sightings together).
 */
async function fillImportGroups() {
  const groups = (await api.get('/api/groups')).filter((g) => signedIn.siteAdmin || signedIn.roles[g.id]);
  $('import-group').replaceChildren(...groups.map((g) => h('option', { value: g.id, text: g.name })));
  const parties = await Promise.all(groups.map((g) => api.get(`/api/groups/${g.id}/campaigns`).catch(() => [])));
  const chosen = $('queue-campaign').value;
  $('queue-campaign').replaceChildren(
    h('option', { value: '', text: t('filter.anyCampaign') }),
    ...parties.flat().map((p) => h('option', { value: p.id, text: p.name, selected: String(p.id) === chosen })),
  );
}

// Back from the Groups screens, the queue and the import's groups are read again: a group may
// have been created or its territory changed meanwhile.
window.addEventListener('hashchange', () => {
  if (signedIn && groupsRoute(window.location.hash).view === 'queue' && !invitation()) {
    fillImportGroups()
      .then(loadQueue)
      .catch((error) =>
        error instanceof ApiError && error.status === 401
          ? showLogin()
          : message(t('error', { detail: problemText(error, t) })),
      );
  }
});

// The queue is read a page at a time (oldest first); "show the next ones" appends the next page.
const PAGE = 100;
let maps = [];
let next = null;
let shown = 0;
let config = null;

/** The filters' query: city code, age, suspected VSA, with photos. */
function filterQuery() {
  const form = new FormData($('queue-filters'));
  const query = new URLSearchParams({ limit: String(PAGE) });
  const city = String(form.get('city') ?? '').trim();
  if (city) query.set('city', city);
  if (form.get('age')) query.set('age', form.get('age'));
  if (form.get('vsaSuspected')) query.set('vsaSuspected', 'true');
  if (form.get('photos')) query.set('photos', 'true');
  if (form.get('campaign')) query.set('campaign', form.get('campaign'));
  return query;
}

// Each read's number: an answer that comes after a newer read was asked for is dropped, so two
// reads at once (a reload during the first) never show an entry twice.
let reads = 0;

async function loadQueue({ more = false } = {}) {
  const read = ++reads;
  config ??= await api.get('/api/config').catch(() => ({}));
  const query = filterQuery();
  if (more && next) query.set('after', next);
  const { data: items, headers } = await api.getPage(`/api/moderation/queue?${query}`);
  if (read !== reads) return;
  const queue = $('queue');
  if (!more) {
    for (const map of maps) map.remove();
    maps = [];
    shown = 0;
    queue.replaceChildren();
  }
  const entries = items.map((item) => renderItem(item, t, actions));
  queue.append(...entries);
  shown += items.length;
  next = headers.get('X-Next-Cursor');
  const total = Number(headers.get('X-Total-Count') ?? shown);
  $('queue-title').textContent = `${t('queue.title')} — ${t('queue.count', { n: total })}`;
  $('queue-total').textContent = t('queue.total', { shown, total });
  $('queue-more').hidden = !next;
  if (!shown) message(t('queue.empty'));
  if (!more) queue.querySelector('.item')?.focus();
  // Each small map is drawn when its entry scrolls into view: a page of 100 stays light.
  items.forEach((item, i) => {
    const box = entries[i].querySelector('.queue-map');
    const draw = () => maps.push(queueMap(box, item, { config }));
    if (typeof IntersectionObserver === 'undefined') return draw();
    const watch = new IntersectionObserver((seen) => {
      if (seen.some((entry) => entry.isIntersecting)) {
        watch.disconnect();
        draw();
      }
    });
    watch.observe(box);
    return undefined;
  });
  for (const container of entries.map((entry) => entry.querySelector('.photos'))) {
    api
      .get(`/api/sightings/${container.dataset.id}/photos`)
      .then((list) => renderPhotos(container, list.photos, t, erasePhoto, coverPhoto))
      .catch(() => container.replaceChildren());
  }
  if (!more) await loadRemovals();
}

/** The open reports of cameras seen gone or moved, below the queue. */
async function loadRemovals() {
  const reports = await api.get('/api/moderation/removal-reports');
  $('removals-title').textContent = `${t('removals.title')} — ${t('queue.count', { n: reports.length })}`;
  $('removals-empty').hidden = reports.length > 0;
  renderRemovals($('removals'), reports, { t, language, decide: decideRemoval });
}

/** Confirms (the camera becomes removed, or moves) or rejects a report, with the camera's version. */
function decideRemoval(report, sighting, decision, reason) {
  return act(
    () =>
      api.post(`/api/moderation/removal-reports/${report.id}/${decision}`, {
        version: sighting.properties.version,
        reason: reason || undefined,
      }),
    () => t(`removal.${decision}ed`, { id: sighting.id }),
  );
}

/** Erases a photo for good, with the reason the moderator gives (logged). */
function erasePhoto(photo) {
  const reason = window.prompt(t('photo.reason'));
  if (reason === null) return undefined;
  return act(
    () => api.del(`/api/moderation/photos/${photo.id}?reason=${encodeURIComponent(reason)}`),
    () => t('photo.erased'),
  );
}

/** Covers boxes of a photo (in its pixels); the server redraws it and keeps no original. */
function coverPhoto(photo, boxes) {
  const reason = window.prompt(t('photo.coverReason'));
  if (reason === null) return undefined;
  return act(
    () => api.post(`/api/moderation/photos/${photo.id}/redaction`, { boxes, reason }),
    () => t('photo.covered', { n: boxes.length }),
  );
}

/** Runs an action; a 409 means someone else acted first: say so and reload. */
async function act(run, done) {
  try {
    const result = await run();
    message(done(result));
    await loadQueue();
  } catch (error) {
    await failed(error);
  }
}

async function failed(error) {
  if (error instanceof ApiError && error.status === 409 && ['stale-version', 'wrong-status'].includes(error.code)) {
    message(t('stale'));
    await loadQueue();
  } else if (error instanceof ApiError && error.status === 401) {
    showLogin();
  } else {
    message(t('error', { detail: problemLines(error, t).join(' ; ') }));
  }
}

const actions = {
  approve: (s) =>
    act(
      () => api.post(`/api/moderation/sightings/${s.id}/approve`, { version: s.properties.version }),
      () => t('approved', { id: s.id }),
    ),
  reject: (s, reason, comment) =>
    act(
      () =>
        api.post(`/api/moderation/sightings/${s.id}/reject`, {
          version: s.properties.version,
          reason,
          comment,
        }),
      () => t('rejected', { id: s.id }),
    ),
  merge: (s, target) =>
    act(
      () =>
        api.post(`/api/moderation/sightings/${s.id}/merge`, {
          version: s.properties.version,
          targetId: target,
        }),
      () => t('merged', { id: s.id, target }),
    ),
  /** Saves an edit; a refused one (422) answers its problem, for the form to show by field. */
  edit: async (s, changes, reason) => {
    try {
      await api.patch(`/api/moderation/sightings/${s.id}`, { version: s.properties.version, reason, changes });
    } catch (error) {
      if (error instanceof ApiError && error.status === 422) return error.problem;
      await failed(error);
      return null;
    }
    message(t('edited', { id: s.id }));
    await loadQueue();
    return null;
  },
  history: async (s, list) => {
    const entries = await api.get(`/api/moderation/sightings/${s.id}/history`);
    renderHistory(list, entries, t, (actionId) =>
      act(
        () => api.post(`/api/moderation/actions/${actionId}/revert`, {}),
        () => t('reverted'),
      ),
    );
  },
};

$('login').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  try {
    const me = await api.post('/api/auth/login', {
      email: form.get('email'),
      password: form.get('password'),
    });
    $('login-error').textContent = '';
    event.target.reset();
    await enter(me);
  } catch (error) {
    $('login-error').textContent = t('login.failed', { detail: problemText(error, t) });
  }
});

$('join').addEventListener('submit', async (event) => {
  event.preventDefault();
  const form = new FormData(event.target);
  let joined = false;
  try {
    await api.post('/api/groups/join', {
      token: invitation(),
      email: form.get('email'),
      displayName: form.get('displayName'),
      password: form.get('password'),
    });
    joined = true;
    // The new member is logged in with what they just chose, and lands on their queue.
    const me = await api.post('/api/auth/login', { email: form.get('email'), password: form.get('password') });
    history.replaceState(null, '', '/moderation/#/');
    $('join').hidden = true;
    event.target.reset();
    await enter(me);
    message(t('join.welcome'));
  } catch (error) {
    if (joined) {
      history.replaceState(null, '', '/moderation/');
      $('join').hidden = true;
      showLogin();
      $('login').querySelector('input[name=email]').value = form.get('email');
      $('login-note').textContent = t('join.done');
    } else {
      const fields = error instanceof ApiError && error.errors.length;
      $('join-error').textContent = t('join.failed', {
        detail: fields ? problemLines(error, t).join(' ; ') : problemText(error, t, { context: 'invitation' }),
      });
    }
  }
});

$('logout').addEventListener('click', async () => {
  await api.post('/api/auth/logout', {}).catch(() => {});
  api.setCsrf(null);
  showLogin();
});

$('refresh').addEventListener('click', () => loadQueue());
$('queue-more').addEventListener('click', () => loadQueue({ more: true }).catch(failed));
$('queue-filters').addEventListener('submit', (event) => {
  event.preventDefault();
  message('');
  loadQueue().catch(failed);
});

$('bulk').addEventListener('click', () => {
  const picked = [...document.querySelectorAll('.pick:checked')].map((box) => ({
    id: Number(box.dataset.id),
    version: Number(box.dataset.version),
  }));
  if (!picked.length) return message(t('bulk.none'));
  return act(
    () => api.post('/api/moderation/approvals', { sightings: picked }),
    (done) => t('bulk.done', { n: done.length }),
  );
});

$('import-file').addEventListener('change', async (event) => {
  const file = event.target.files[0];
  if (file) {
    await runImport(api, Number($('import-group').value), file, {
      progress: $('import-progress'),
      report: $('import-report'),
      t,
    });
    await loadQueue();
  }
});

// Laptop shortcuts: j/k move between sightings, a approve, r reject, m merge, e edit, h history.
document.addEventListener('keydown', (event) => {
  if (event.target.matches('input, select, textarea') || event.ctrlKey || event.metaKey) return;
  const items = [...document.querySelectorAll('.item')];
  const current = document.activeElement?.closest('.item');
  const index = items.indexOf(current);
  const click = (selector) => current?.querySelector(selector)?.click();
  switch (event.key) {
    case 'j':
      items[Math.min(index + 1, items.length - 1)]?.focus();
      break;
    case 'k':
      items[Math.max(index - 1, 0)]?.focus();
      break;
    case 'a':
      click('.approve');
      break;
    case 'r':
      current?.querySelector('.reason')?.focus();
      break;
    case 'm':
      click('.merge');
      break;
    case 'h':
      click('.history-button');
      break;
    case 'e':
      if (current) {
        current.querySelector('.edit').open = true;
        current.querySelector('.edit select')?.focus();
      }
      break;
    default:
      return;
  }
  event.preventDefault();
});

start();
