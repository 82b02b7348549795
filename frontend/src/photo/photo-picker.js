import { h } from '../ui/dom.js';
import { downscale } from './downscale.js';

export const MAX_PHOTOS = 3;
let ids = 0;

/**
 * Up to three photos taken with the phone's camera, each redrawn small and without metadata as
 * soon as it is picked, shown with a "remove" button. `photos()` waits for any still being redrawn.
 */
export function photoPicker({ t, initial = [], max = MAX_PHOTOS, shrink = downscale, sent = [], thumbnail = null }) {
  const blobs = [...initial];
  // Photos already on the server (a correction of a pending sighting): kept unless removed.
  const kept = [...sent];
  const removed = [];
  const urls = new Map();
  const id = `photo-input-${++ids}`;
  const input = h('input', {
    id,
    type: 'file',
    accept: 'image/*',
    capture: 'environment',
    class: 'sr-only photo-input',
  });
  const label = h('label', { for: id, class: 'button photo-add', text: t('photo.add') });
  const previews = h('ul', { class: 'photo-previews' });
  const status = h('p', { class: 'hint', role: 'status' });
  let working = Promise.resolve();

  input.addEventListener('change', () => {
    const files = [...input.files];
    input.value = ''; // the same picture may be picked again after a removal
    working = working.then(() => add(files));
  });

  async function add(files) {
    status.textContent = t('photo.preparing');
    let unreadable = false;
    for (const file of files.slice(0, max - blobs.length - kept.length)) {
      const blob = await shrink(file);
      if (blob) blobs.push(blob);
      else unreadable = true;
    }
    status.textContent = unreadable ? t('photo.unreadable') : '';
    render();
  }

  function remove(blob) {
    blobs.splice(blobs.indexOf(blob), 1);
    URL.revokeObjectURL(urls.get(blob));
    urls.delete(blob);
    status.textContent = t('photo.removed');
    render();
    (blobs.length ? previews.querySelector('button') : input).focus();
  }

  function removeSent(photo) {
    kept.splice(kept.indexOf(photo), 1);
    removed.push(photo);
    status.textContent = t('photo.removed');
    render();
    (previews.querySelector('button') || input).focus();
  }

  function sentItem(photo, i) {
    const n = i + 1;
    const img = h('img', { alt: t('photo.preview', { n }) });
    thumbnail?.(img, photo);
    return h(
      'li',
      { class: 'photo sent', 'data-photo-id': photo.id },
      img,
      h('button', {
        type: 'button',
        class: 'button photo-remove',
        text: t('photo.remove'),
        'aria-label': t('walker.photoRemoveSent', { n }),
        on: { click: () => removeSent(photo) },
      }),
    );
  }

  function render() {
    previews.replaceChildren(
      ...kept.map(sentItem),
      ...blobs.map((blob, j) => {
        const i = j + kept.length;
        if (!urls.has(blob)) urls.set(blob, URL.createObjectURL(blob));
        const n = i + 1;
        return h(
          'li',
          { class: 'photo' },
          h('img', { src: urls.get(blob), alt: t('photo.preview', { n }) }),
          h('button', {
            type: 'button',
            class: 'button photo-remove',
            text: t('photo.remove'),
            'aria-label': t('photo.removeN', { n }),
            on: { click: () => remove(blob) },
          }),
        );
      }),
    );
    const full = blobs.length + kept.length >= max;
    input.disabled = full;
    label.hidden = full;
  }
  render();

  const element = h(
    'div',
    { class: 'field photos', 'data-field': 'photos' },
    h('p', { class: 'photos-title', text: t('photo.label', { max }) }),
    previews,
    input,
    label,
    h('p', { class: 'hint', text: t('photo.hint') }),
    status,
  );
  return {
    element,
    photos: async () => {
      await working;
      return [...blobs];
    },
    /** The server's photos the walker took back. */
    removed: () => [...removed],
  };
}
