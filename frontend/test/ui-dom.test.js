// @vitest-environment jsdom
// The pages' one DOM builder (src/ui/dom.js): attributes, properties, events and children, never markup.
import { expect, test, vi } from 'vitest';
import { h, translateShell } from '../src/ui/dom.js';

test('sets attributes, properties and text, and never parses text as HTML', () => {
  const input = h('input', { type: 'number', name: 'height', min: 0, required: true, 'aria-label': 'Hauteur' });
  expect(input.outerHTML).toBe('<input type="number" name="height" min="0" required="" aria-label="Hauteur">');
  const p = h('p', { class: 'note', text: '<img src=x onerror=alert(1)>' });
  expect(p.children).toHaveLength(0);
  expect(p.textContent).toBe('<img src=x onerror=alert(1)>');
  const text = h('textarea', { value: 'déjà écrit' });
  expect(text.value).toBe('déjà écrit');
});

test('leaves out null, undefined and false, as attributes and as children', () => {
  const cityName = null;
  const li = h('li', { 'data-id': 4, hidden: false, title: undefined }, 'Comédie', cityName && h('span'), false, [
    ' · ',
    [h('span', { text: 'dôme' })],
  ]);
  expect(li.outerHTML).toBe('<li data-id="4">Comédie · <span>dôme</span></li>');
});

test('binds listeners given under `on`', () => {
  const click = vi.fn();
  const button = h('button', { type: 'button', on: { click } }, 'Approuver');
  button.click();
  expect(click).toHaveBeenCalledOnce();
  expect(button.getAttribute('on')).toBeNull();
});

test('options and checks keep their state; selects take their options as children', () => {
  const select = h(
    'select',
    { name: 'role' },
    ['member', 'admin'].map((role) => h('option', { value: role, selected: role === 'admin' }, role)),
  );
  expect(select.value).toBe('admin');
  expect(h('input', { type: 'checkbox', checked: true }).checked).toBe(true);
});

test("fills a static shell's labelled elements", () => {
  document.body.innerHTML = '<h1 data-i18n="app.title"></h1><button data-i18n-label="nav.mine"></button>';
  translateShell(document, (key) => `«${key}»`);
  expect(document.querySelector('h1').textContent).toBe('«app.title»');
  const button = document.querySelector('button');
  expect([button.getAttribute('aria-label'), button.title]).toEqual(['«nav.mine»', '«nav.mine»']);
});
