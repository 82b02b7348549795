import { h } from '../ui/dom.js';
import * as api from '../sighting/api.js';

/**
 * The photos of a sighting as thumbnails. A pending sighting's photos need its token in a header,
 * which an <img> cannot send: each thumbnail is fetched as a blob and shown from an object URL
 * (the Content-Security-Policy allows blob: images). Empty and hidden until there is a photo.
 */
export function photoGallery(id, token, { t }) {
  const list = h('ul', { class: 'photo-previews' });
  const section = h('section', { class: 'photos sent-photos', hidden: true }, h('h3', { text: t('photo.title') }), list);
  (async () => {
    const listed = await api.listPhotos(id, token);
    if (!listed.ok || !listed.photos.length) return;
    section.hidden = false;
    for (const [i, photo] of listed.photos.entries()) {
      const img = h('img', { alt: t('photo.preview', { n: i + 1 }), width: 96, height: Math.round((96 * photo.height) / photo.width) || 96 });
      list.append(h('li', { class: 'photo', 'data-photo-id': photo.id }, img));
      const blob = await api.photoBlob(photo.thumbnailHref, token);
      if (!blob) continue;
      const url = URL.createObjectURL(blob);
      img.addEventListener('load', () => URL.revokeObjectURL(url), { once: true });
      img.src = url;
    }
  })();
  return section;
}
