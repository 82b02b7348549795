// One way to speak several languages: a page gives its messages per language, and gets back how to
// pick the reader's language and a translator. French is the default and the fallback.

/**
 * `catalogue({ fr: {...}, en: {...} })` → { pickLanguage(browserLanguages), translator(language), keysOf(language) }.
 * t('key', { n: 3 }) fills {n}; a key missing in one language falls back to French, then to the key.
 */
export function catalogue(messages, fallback = 'fr') {
  const pickLanguage = (preferred) => {
    for (const tag of preferred || []) {
      const base = String(tag).toLowerCase().split('-')[0];
      if (messages[base]) return base;
    }
    return fallback;
  };
  const translator = (language) => {
    const table = messages[language] || messages[fallback];
    return (key, vars) => {
      const text = table[key] ?? messages[fallback][key] ?? key;
      return vars ? text.replace(/\{(\w+)\}/g, (whole, name) => (name in vars ? String(vars[name]) : whole)) : text;
    };
  };
  return { pickLanguage, translator, keysOf: (language) => Object.keys(messages[language]) };
}
