// Builds elements without innerHTML, so no text from the server or the walker is ever parsed as HTML.

/**
 * h('button', { class: 'x', type: 'button', on: { click } }, 'text', child…)
 * `svg` sets trusted markup shipped with the app (the camera drawings).
 */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'on') for (const [type, fn] of Object.entries(value)) el.addEventListener(type, fn);
    else if (name === 'svg') el.innerHTML = value;
    else if (name === 'text') el.textContent = value;
    else if (name === 'value')
      el.value = value; // a textarea has no value attribute
    else if (name in el && typeof value !== 'string') el[name] = value;
    else el.setAttribute(name, value === true ? '' : value);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Fills the static shell's labelled elements: data-i18n (text), data-i18n-label (aria-label and title). */
export function translateShell(root, t) {
  for (const el of root.querySelectorAll('[data-i18n]')) el.textContent = t(el.dataset.i18n);
  for (const el of root.querySelectorAll('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle);
  for (const el of root.querySelectorAll('[data-i18n-label]')) {
    el.setAttribute('aria-label', t(el.dataset.i18nLabel));
    el.title = t(el.dataset.i18nLabel);
  }
}
