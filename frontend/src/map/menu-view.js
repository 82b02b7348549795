import { h } from '../ui/dom.js';
import { languageSwitch } from '../ui/catalogue.js';

/** The other pages of the site, as the menu lists them: their address and the key of their name. */
export const PAGES = [
  ['/route/', 'menu.route'],
  ['/guide/', 'menu.guide'],
  ['/stats/', 'menu.stats'],
  ['/cities/', 'menu.cities'],
  ['/ogc', 'menu.data'],
  ['/moderation/', 'menu.groups'],
];

/**
 * The menu of the bar: the language of the interface (the browser's by default; a choice is kept
 * in this browser for every page) and the site's other pages.
 */
export function showMenu({ panel, t, language, reload }) {
  const select = languageSwitch({ language, label: t('menu.language'), reload });
  panel.show(
    t('menu.title'),
    h('p', { class: 'field' }, h('label', { for: select.id, text: t('menu.language') }), select),
    h(
      'nav',
      { 'aria-label': t('menu.pages') },
      h(
        'ul',
        { class: 'menu-pages' },
        PAGES.map(([href, key]) => h('li', {}, h('a', { href, text: t(key) }))),
      ),
    ),
  );
}
