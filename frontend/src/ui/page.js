// How a plain page (statistics, cities, a mapping party, the route) opens: in the reader's language
// (the switch's choice, else the browser's), its static texts filled, the switch in its bar.
import { languageSwitch } from './catalogue.js';

/**
 * `messages` is the page's catalogue ({ chosenLanguage, translator }). Fills `[data-t]` (text) and
 * `[data-t-label]` (aria-label) from it; answers { language, t }.
 */
export function openPage(messages, { root = document, bar = '.stats-bar' } = {}) {
  const language = messages.chosenLanguage(globalThis.navigator?.languages);
  const t = messages.translator(language);
  root.documentElement.lang = language;
  for (const node of root.querySelectorAll('[data-t]')) node.textContent = t(node.dataset.t);
  for (const node of root.querySelectorAll('[data-t-label]')) node.setAttribute('aria-label', t(node.dataset.tLabel));
  root.querySelector(bar).append(languageSwitch({ language, label: t('language') }));
  return { language, t };
}

/** Whole numbers and shares in the reader's language: { integer(n), percent(n) }. */
export function numberFormat(language) {
  const integer = new Intl.NumberFormat(language);
  const percent = new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 1 });
  return { integer: (n) => integer.format(n), percent: (n) => percent.format(n) };
}
