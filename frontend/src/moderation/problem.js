// Turns an API refusal (problem+json) into sentences for the form that caused it.
import { ApiError } from './api.js';
import { TerritoryError } from './territory-file.js';

/** True when the API refused because the record changed since it was read (409 stale-version). */
export const isStale = (error) => error instanceof ApiError && error.status === 409 && /stale-version$/.test(error.problem?.type ?? '');

/**
 * The lines to show: the problem's detail, then each field error as "<label>: <message>". `labels`
 * maps a field's first segment (name, cityName, territory…) to its message key.
 */
export function problemLines(error, t, labels = {}) {
  if (error instanceof TerritoryError) return [t(error.key, error.values)];
  if (!(error instanceof ApiError)) return [t('error', { detail: error.message })];
  if (error.status === 413) return [t('groups.tooLarge')];
  const fields = error.problem?.errors ?? [];
  // The detail of a 422 repeats its field errors: the fields alone, named as the form names them.
  if (!fields.length) return [error.problem?.detail || error.problem?.title || t('error', { detail: error.message })];
  return fields.map(({ field = '', message }) => {
    const key = labels[field.split(/[.[]/)[0]];
    return t('field', { label: key ? t(key) : field, message });
  });
}
