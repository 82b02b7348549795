import en from './en.js';
import fr from './fr.js';
import { catalogue } from '../ui/catalogue.js';

// The walker's strings, through the catalogue every page uses: the language chosen on a page's
// switch (kept in this browser), else the browser's, else French.
const walker = catalogue({ fr, en });
export const DEFAULT_LANGUAGE = 'fr';

/** The first of the browser's preferred languages that we speak; French otherwise. */
export const pickLanguage = walker.pickLanguage;

/** A translator for one language: t('map.count', { n: 3 }); missing keys fall back to French, then the key. */
export const translator = walker.translator;

const browser = typeof navigator === 'undefined' ? [] : navigator.languages || [navigator.language];
export const language = walker.chosenLanguage(browser);
export const t = translator(language);
