import en from './en.js';
import fr from './fr.js';

const CATALOGUES = { fr, en };
export const DEFAULT_LANGUAGE = 'fr';

/** The first of the browser's preferred languages that we speak; French otherwise. */
export function pickLanguage(preferred) {
  for (const tag of preferred || []) {
    const base = String(tag).toLowerCase().split('-')[0];
    if (CATALOGUES[base]) return base;
  }
  return DEFAULT_LANGUAGE;
}

/** A translator for one language: t('map.count', { n: 3 }); missing keys fall back to French, then the key. */
export function translator(language) {
  const messages = CATALOGUES[language] || CATALOGUES[DEFAULT_LANGUAGE];
  return function t(key, vars) {
    const text = messages[key] ?? CATALOGUES[DEFAULT_LANGUAGE][key] ?? key;
    if (!vars) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole));
  };
}

const browser = typeof navigator === 'undefined' ? [] : navigator.languages || [navigator.language];
export const language = pickLanguage(browser);
export const t = translator(language);
