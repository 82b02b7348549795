import './guide.css';
import { h } from '../ui/dom.js';
import { language, t } from '../i18n/index.js';
import { ENTRIES, formChoices, PAGE } from './content.js';
import { drawing } from './drawings.js';
import { registerServiceWorker } from '../offline/register.js';
import { languageSwitch } from '../ui/catalogue.js';

const page = PAGE[language] || PAGE.fr;
document.documentElement.lang = language;
document.title = `Technocarte · ${page.title}`;
document.getElementById('guide-back').textContent = page.back;
document.querySelector('.guide-bar').append(languageSwitch({ language, label: t('menu.language') }));
document.getElementById('guide').replaceChildren(...guide().flat());
registerServiceWorker();

function entry(item) {
  const text = item[language] || item.fr;
  return h(
    'section',
    { class: `guide-entry${item.lookAlike ? ' look-alike' : ''}`, id: item.id, 'aria-labelledby': `${item.id}-title` },
    h('h3', { id: `${item.id}-title`, text: text.title }),
    h(
      'figure',
      { class: 'guide-drawing' },
      h('span', { class: 'guide-svg', svg: drawing(item.id) }),
      h('figcaption', { class: 'sr-only', text: page.drawing.replace('{title}', text.title) }),
    ),
    h('h4', { text: page.look }),
    h(
      'ul',
      {},
      text.look.map((line) => h('li', { text: line })),
    ),
    h('h4', { text: page.confuse }),
    h('p', { text: text.confuse }),
    h('h4', { text: page.choose }),
    text.choose && h('p', { text: text.choose }),
    !item.form && h('p', { class: 'guide-not-added', text: page.notAdded }),
    item.form &&
      h(
        'ul',
        { class: 'guide-form', 'data-form': JSON.stringify(item.form) },
        formChoices(item.form, t).map((line) => h('li', { text: line })),
      ),
  );
}

function guide() {
  const cameras = ENTRIES.filter((e) => !e.lookAlike);
  const lookAlikes = ENTRIES.filter((e) => e.lookAlike);
  const link = (e) => h('li', {}, h('a', { href: `#${e.id}`, text: (e[language] || e.fr).title }));
  return [
    h('h1', { text: page.title }),
    h('p', { class: 'guide-intro', text: page.intro }),
    h(
      'nav',
      { 'aria-label': page.contents },
      h('ul', { class: 'guide-contents' }, [...cameras, ...lookAlikes].map(link)),
    ),
    h('h2', { text: page.cameras }),
    cameras.map(entry),
    h('h2', { text: page.lookAlikes }),
    lookAlikes.map(entry),
    h('p', { class: 'guide-unsure', text: page.unsure }),
  ];
}
