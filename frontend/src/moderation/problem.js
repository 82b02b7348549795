// Turns an API refusal (an ApiError of ui/api.js) into sentences for the form that caused it, in the
// moderation page's language: by the problem's stable `code` and each field error's `code`, never the
// English detail (that one is for API clients).
import { ApiError } from '../ui/api.js';
import { TerritoryError } from './territory-file.js';

/** One sentence for the problem as a whole, e.g. « courriel ou mot de passe incorrect. ». */
export function problemText(error, t, { context } = {}) {
  if (!(error instanceof ApiError)) return t('problem.network');
  if (error.status === 413) return t('groups.tooLarge');
  const code = error.code;
  if (code && context && t.has(`problem.${code}.${context}`)) return t(`problem.${code}.${context}`);
  if (code && t.has(`problem.${code}`)) return t(`problem.${code}`);
  return t('problem.unknown', { status: error.status });
}

/** Why one field was refused, by its code, the most precise wording first (per field, then general). */
export function fieldMessage(error, t) {
  const name = fieldName(error.field);
  if (error.code && name && t.has(`code.${error.code}.${name}`)) return t(`code.${error.code}.${name}`);
  if (error.code && t.has(`code.${error.code}`)) return t(`code.${error.code}`);
  return t('code.bad-format');
}

/** The last named segment of a JSON path: properties.height → height; territory.coordinates → territory. */
export function fieldName(path = '') {
  const parts = String(path)
    .split(/[.[\]]/)
    .filter((part) => part && !/^\d+$/.test(part));
  if (!parts.length) return '';
  if (parts[0] === 'properties' && parts[1]) return parts[1];
  if (parts[0] === 'territory' || parts[0] === 'geometry') return parts[0];
  return parts[parts.length - 1];
}

/** A field's label: from the form's own `labels` (its first segment), else the known names. */
function labelOf(path, t, labels) {
  const first = String(path).split(/[.[]/)[0];
  if (labels[first]) return t(labels[first]);
  const name = fieldName(path);
  for (const key of [`label.${name}`, `field.${name}`, `${name}.label`]) if (t.has(key)) return t(key);
  return name || path;
}

/**
 * The lines to show: each field error as "<label> : <why>", or the problem's sentence when it has
 * none. `labels` maps a field's first segment (name, cityName, territory…) to its message key.
 */
export function problemLines(error, t, labels = {}, options = {}) {
  if (error instanceof TerritoryError) return [t(error.key, error.values)];
  if (!(error instanceof ApiError)) return [t('problem.network')];
  const fields = error.errors;
  if (!fields.length) return [capitalise(problemText(error, t, options))];
  return fields.map((f) => t('field', { label: labelOf(f.field ?? '', t, labels), message: fieldMessage(f, t) }));
}

const capitalise = (text) => text.charAt(0).toUpperCase() + text.slice(1);
