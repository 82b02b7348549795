import { h } from '../ui/dom.js';
import * as api from '../sighting/api.js';

/** Fetches a photo or thumbnail into an <img> through an object URL; false when it failed. */
async function fill(img, href, token) {
  const blob = await api.photoBlob(href, token);
  if (!blob) return false;
  const url = URL.createObjectURL(blob);
  img.addEventListener('load', () => URL.revokeObjectURL(url), { once: true });
  img.src = url;
  return true;
}

/** The photo in large, in a modal dialog that Escape, the close button or a tap outside closes. */
function enlarge(photo, n, token, { t, opener }) {
  const img = h('img', { alt: t('walker.photoFull', { n }) });
  const close = h('button', { type: 'button', class: 'button', text: t('nav.close') });
  const dialog = h(
    'dialog',
    { class: 'photo-viewer', 'aria-label': t('walker.photoFull', { n }) },
    img,
    licence(t),
    close,
  );
  close.addEventListener('click', () => dialog.close());
  dialog.addEventListener('click', (event) => event.target === dialog && dialog.close());
  dialog.addEventListener('close', () => {
    dialog.remove();
    opener.focus();
  });
  document.body.append(dialog);
  dialog.showModal();
  close.focus();
  fill(img, photo.href, token);
}

/** The photos' licence, linked to its text (a link only: nothing is loaded from there). */
function licence(t) {
  return h(
    'p',
    { class: 'hint photo-licence' },
    h('a', {
      href: 'https://creativecommons.org/licenses/by-sa/4.0/',
      rel: 'license noopener noreferrer',
      target: '_blank',
      text: t('photo.licence'),
    }),
  );
}

/**
 * The photos of a sighting as thumbnails, with their licence; a tap shows one in large. A pending sighting's photos
 * need its token in a header, which an <img> cannot send: each is fetched as a blob and shown from
 * an object URL (the Content-Security-Policy allows blob: images). Hidden until there is a photo.
 */
export function photoGallery(id, token, { t }) {
  const list = h('ul', { class: 'photo-previews' });
  const section = h(
    'section',
    { class: 'photos sent-photos', hidden: true },
    h('h3', { text: t('photo.title') }),
    list,
    licence(t),
  );
  (async () => {
    const listed = await api.listPhotos(id, token);
    if (!listed.ok || !listed.photos.length) return;
    section.hidden = false;
    for (const [i, photo] of listed.photos.entries()) {
      const n = i + 1;
      const img = h('img', { alt: '', width: 96, height: Math.round((96 * photo.height) / photo.width) || 96 });
      const open = h(
        'button',
        { type: 'button', class: 'photo-open', 'aria-label': t('walker.photoOpen', { n }) },
        img,
      );
      open.addEventListener('click', () => enlarge(photo, n, token, { t, opener: open }));
      list.append(h('li', { class: 'photo', 'data-photo-id': photo.id }, open));
      await fill(img, photo.thumbnailHref, token);
    }
  })();
  return section;
}
