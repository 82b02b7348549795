import { h } from '../ui/dom.js';
import { downscale } from './downscale.js';
import { coverEditor } from './cover-editor.js';

export const MAX_PHOTOS = 3;
let ids = 0;

/**
 * Up to three photos taken with the phone's camera, each redrawn small and without metadata as
 * soon as it is picked, shown with a "remove" button and a "cover" one: boxes dragged over faces,
 * plates, windows are painted into the redrawn photo (from the picked file again, each time they
 * change). `photos()` waits for any still being redrawn.
 */
export function photoPicker({ t, initial = [], max = MAX_PHOTOS, shrink = downscale, sent = [], thumbnail = null }) {
  // Each photo: the blob to send, the file it was redrawn from and the boxes covered in it.
  const entries = initial.map((blob) => ({ blob, file: blob, boxes: [] }));
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
  let editing = null; // the open covering tool's "apply", if any

  input.addEventListener('change', () => {
    const files = [...input.files];
    input.value = ''; // the same picture may be picked again after a removal
    working = working.then(() => add(files));
  });

  async function add(files) {
    status.textContent = t('photo.preparing');
    let unreadable = false;
    for (const file of files.slice(0, max - entries.length - kept.length)) {
      const blob = await shrink(file);
      if (blob) entries.push({ blob, file, boxes: [] });
      else unreadable = true;
    }
    status.textContent = unreadable ? t('photo.unreadable') : '';
    render();
  }

  function forget(blob) {
    URL.revokeObjectURL(urls.get(blob));
    urls.delete(blob);
  }

  function remove(entry) {
    entries.splice(entries.indexOf(entry), 1);
    forget(entry.blob);
    status.textContent = t('photo.removed');
    render();
    (entries.length ? previews.querySelector('button') : input).focus();
  }

  /** Opens the covering tool over the photo as picked; its boxes are then painted in anew. */
  function cover(entry, n, opener) {
    const source = URL.createObjectURL(entry.file);
    const close = () => {
      editing = null;
      URL.revokeObjectURL(source);
      editor.element.remove();
      previews.hidden = false;
    };
    const editor = coverEditor({
      src: source,
      alt: t('photo.preview', { n }),
      boxes: entry.boxes,
      t,
      onApply: (boxes) => apply(boxes),
      onCancel: () => {
        close();
        opener.focus();
      },
    });
    function apply(boxes) {
      close();
      status.textContent = t('photo.preparing');
      working = working.then(async () => {
        const blob = await shrink(entry.file, { boxes });
        if (blob) {
          forget(entry.blob);
          Object.assign(entry, { blob, boxes });
        }
        status.textContent = blob ? t('cover.done', { n: boxes.length }) : t('photo.unreadable');
        render();
        previews.querySelectorAll('.photo-cover')[entries.indexOf(entry)]?.focus();
      });
    }
    // Sent while the tool is still open: the boxes drawn so far are painted in all the same.
    editing = () => apply(editor.boxes());
    previews.hidden = true;
    previews.after(editor.element);
    editor.element.querySelector('.cover-apply').focus();
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
      ...entries.map((entry, j) => {
        const { blob } = entry;
        const i = j + kept.length;
        if (!urls.has(blob)) urls.set(blob, URL.createObjectURL(blob));
        const n = i + 1;
        const coverButton = h('button', {
          type: 'button',
          class: 'button photo-cover',
          text: t('cover.open'),
          'aria-label': t('cover.openN', { n }),
          on: { click: () => cover(entry, n, coverButton) },
        });
        return h(
          'li',
          { class: 'photo' },
          h('img', { src: urls.get(blob), alt: t('photo.preview', { n }) }),
          h('button', {
            type: 'button',
            class: 'button photo-remove',
            text: t('photo.remove'),
            'aria-label': t('photo.removeN', { n }),
            on: { click: () => remove(entry) },
          }),
          coverButton,
        );
      }),
    );
    const full = entries.length + kept.length >= max;
    input.disabled = full;
    input.hidden = full; // out of the accessibility tree with its hidden label
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
      editing?.();
      await working;
      return entries.map((entry) => entry.blob);
    },
    /** The server's photos the walker took back. */
    removed: () => [...removed],
  };
}
