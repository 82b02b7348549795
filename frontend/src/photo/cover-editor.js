import './cover-editor.css';
import { h } from '../ui/dom.js';
import { fromDrag, MAX_BOXES, pointIn, toPercent } from './cover-boxes.js';

/**
 * Covers parts of a photo: drag a box over a face, a plate, a window (finger or mouse: pointer
 * events), tap a box's × to take it back, then apply. It only collects boxes (fractions of the
 * picture); whoever opened it paints them (the phone's canvas, or the server for moderators).
 * Shared by the walker's form and the moderation queue.
 *
 * `t` is the page's translator: both pages' catalogues have the cover.* messages.
 */
export function coverEditor({ src, alt, boxes: initial = [], t, onApply, onCancel }) {
  const boxes = initial.map((b) => ({ ...b }));
  const img = h('img', { src, alt, draggable: 'false' });
  const stage = h('div', { class: 'cover-stage' }, img);
  const status = h('p', { class: 'hint cover-status', role: 'status' });
  const apply = h('button', { type: 'button', class: 'button primary cover-apply', text: t('cover.apply') });
  const cancel = h('button', { type: 'button', class: 'button cover-cancel', text: t('cover.cancel') });
  const element = h(
    'div',
    { class: 'cover-editor' },
    h('p', { class: 'hint', text: t('cover.help') }),
    stage,
    status,
    h('div', { class: 'cover-actions' }, apply, cancel),
  );
  let draft = null;
  let start = null;

  function render() {
    stage.querySelectorAll('.cover-box').forEach((b) => b.remove());
    boxes.forEach((box, i) => {
      const remove = h('button', {
        type: 'button',
        class: 'cover-remove',
        'aria-label': t('cover.remove', { n: i + 1 }),
        text: '×',
      });
      remove.addEventListener('click', () => {
        boxes.splice(i, 1);
        render();
        apply.focus();
      });
      const el = h('div', { class: 'cover-box' }, remove);
      Object.assign(el.style, toPercent(box));
      stage.append(el);
    });
    status.textContent = boxes.length >= MAX_BOXES ? t('cover.full') : t('cover.count', { n: boxes.length });
  }

  stage.addEventListener('pointerdown', (event) => {
    if (event.target.closest('.cover-remove') || boxes.length >= MAX_BOXES) return;
    event.preventDefault();
    stage.setPointerCapture?.(event.pointerId);
    start = pointIn(stage.getBoundingClientRect(), event.clientX, event.clientY);
    draft = h('div', { class: 'cover-box cover-draft' });
    stage.append(draft);
  });
  stage.addEventListener('pointermove', (event) => {
    if (!start) return;
    const box = fromDrag(start, pointIn(stage.getBoundingClientRect(), event.clientX, event.clientY));
    if (box) Object.assign(draft.style, toPercent(box));
  });
  const end = (event) => {
    if (!start) return;
    const box = fromDrag(start, pointIn(stage.getBoundingClientRect(), event.clientX, event.clientY));
    start = null;
    draft.remove();
    draft = null;
    if (box && event.type === 'pointerup') boxes.push(box);
    render();
  };
  stage.addEventListener('pointerup', end);
  stage.addEventListener('pointercancel', end);
  apply.addEventListener('click', () => onApply(boxes.map((b) => ({ ...b }))));
  cancel.addEventListener('click', () => onCancel?.());
  render();
  return { element, boxes: () => boxes.map((b) => ({ ...b })) };
}
