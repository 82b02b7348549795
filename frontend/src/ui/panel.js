import { h } from './dom.js';

/**
 * The one panel of the app: a bottom sheet on a phone, a side column on a desktop. Showing
 * something moves the focus to its heading; Escape or the close button hides it.
 */
export class Panel {
  constructor(element, { t, onClose, onLayout = () => {} }) {
    this.element = element;
    this.t = t;
    this.onClose = onClose;
    this.onLayout = onLayout;
    element.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') this.onClose();
    });
  }

  /** Replaces the content: a title and nodes. Returns the body element. */
  show(title, ...content) {
    const heading = h('h2', { id: 'panel-title', tabindex: '-1', text: title });
    const close = h(
      'button',
      {
        type: 'button',
        class: 'icon-button close',
        'aria-label': this.t('nav.close'),
        title: this.t('nav.close'),
        on: { click: () => this.onClose() },
      },
      '×',
    );
    const body = h('div', { class: 'panel-body' }, content);
    this.element.replaceChildren(h('div', { class: 'panel-head' }, heading, close), body);
    this.element.hidden = false;
    this.element.scrollTop = 0; // a new screen starts at its top, not where the last one was scrolled
    document.body.classList.add('with-panel');
    this.onLayout();
    heading.focus({ preventScroll: true });
    return body;
  }

  hide() {
    this.element.hidden = true;
    this.element.replaceChildren();
    document.body.classList.remove('with-panel');
    this.onLayout();
  }

  get open() {
    return !this.element.hidden;
  }
}

/** A short message for screen readers and eyes: role=status, replaced each time. */
export function announcer(element) {
  let timer;
  return (text, { keep = false } = {}) => {
    clearTimeout(timer);
    element.textContent = text || '';
    element.hidden = !text;
    if (text && !keep) timer = setTimeout(() => announcerClear(element), 6000);
  };
}

function announcerClear(element) {
  element.textContent = '';
  element.hidden = true;
}
