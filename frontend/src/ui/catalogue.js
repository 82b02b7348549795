// One way to speak several languages: a page gives its messages per language, and gets back how to
// pick the reader's language and a translator. French is the default and the fallback.

/**
 * `catalogue({ fr: {...}, en: {...} })` → { pickLanguage(browserLanguages), chosenLanguage(browserLanguages),
 * translator(language), keysOf(language) }.
 * t('key', { n: 3 }) fills {n}; a key missing in one language falls back to `shared` (another
 * catalogue's translator, for the words pages have in common), then French, then the key.
 * `t.has(key)` says whether the page or `shared` knows the key; `t.language` is the language.
 * `unfilled` (when given) replaces a {name} without a value; else the placeholder stays.
 */
export function catalogue(messages, { fallback = 'fr', shared = null, unfilled } = {}) {
  const fill = (text, vars) => {
    if (unfilled !== undefined) return text.replace(/\{(\w+)\}/g, (_, name) => String(vars?.[name] ?? unfilled));
    return vars ? text.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole)) : text;
  };
  const pickLanguage = (preferred) => {
    for (const tag of preferred || []) {
      const base = String(tag).toLowerCase().split('-')[0];
      if (messages[base]) return base;
    }
    return fallback;
  };
  const translator = (language) => {
    const lang = messages[language] ? language : fallback;
    const table = messages[lang];
    const common = shared?.(lang);
    const known = (key) => (common ? common(key) !== key : false);
    const t = (key, vars) => {
      let text = table[key];
      if (text === undefined) text = known(key) ? common(key) : (messages[fallback][key] ?? key);
      return fill(String(text), vars);
    };
    t.language = lang;
    t.has = (key) => table[key] !== undefined || known(key);
    return t;
  };
  /** The language chosen on a page's switch when we speak it, else the browser's. */
  const chosenLanguage = (preferred, storage) => {
    const stored = storedLanguage(storage);
    return stored && messages[stored] ? stored : pickLanguage(preferred);
  };
  return { pickLanguage, chosenLanguage, translator, keysOf: (language) => Object.keys(messages[language]) };
}

const STORED = 'technocarte.language';

/** The languages a page may be read in, by their own names. */
export const LANGUAGES = { fr: 'Français', en: 'English' };

/** The language chosen with a page's switch (kept in this browser), or null. */
export function storedLanguage(storage = globalThis.localStorage) {
  try {
    const stored = storage?.getItem(STORED);
    return stored && LANGUAGES[stored] ? stored : null;
  } catch {
    return null;
  }
}

export function storeLanguage(language, storage = globalThis.localStorage) {
  try {
    storage?.setItem(STORED, language);
  } catch {
    // private browsing: the choice lasts for this page only
  }
}

/**
 * The language switch of a page's header: the languages by their own names; a choice is kept in
 * this browser (every page of the site reads it) and the page reloads in it.
 */
export function languageSwitch({ language, label, reload = () => globalThis.location.reload() }) {
  const select = document.createElement('select');
  select.setAttribute('aria-label', label);
  select.id = 'language';
  for (const [code, name] of Object.entries(LANGUAGES)) {
    const option = document.createElement('option');
    Object.assign(option, { value: code, textContent: name, selected: code === language, lang: code });
    select.append(option);
  }
  select.addEventListener('change', () => {
    storeLanguage(select.value);
    reload();
  });
  return select;
}
