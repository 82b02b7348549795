// The one way the pages write a date or a time: a few named formats, in the page's language (the
// translator's `t.language`, as every page has it). A calendar day of the API (YYYY-MM-DD) and the
// day of an instant are read in UTC, the API's days; times are in the reader's time zone, or the one
// given (a mapping party's hours).

/** The named formats: what each shows, « in French » and “in English”. */
const FORMATS = {
  /** « 28 novembre 2026 », “November 28, 2026”. */
  day: { dateStyle: 'long', timeZone: 'UTC' },
  /** « 28 nov. 2026, 14:05 », “Nov 28, 2026, 2:05 PM”. */
  dayTime: { dateStyle: 'medium', timeStyle: 'short' },
  /** « 28 novembre 2026 à 14:05 », “November 28, 2026 at 2:05 PM”. */
  longDayTime: { dateStyle: 'long', timeStyle: 'short' },
  /** « 14:05 », “2:05 PM”. */
  time: { timeStyle: 'short' },
  /** « sam. 14:00 », “Sat 02:00 PM”. */
  weekdayTime: { weekday: 'short', hour: '2-digit', minute: '2-digit' },
};

const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;
const formatters = new Map();

function formatter(language, format, timeZone) {
  const options = FORMATS[format];
  if (!options) throw new Error(`no date format ${format}`);
  const key = `${language}|${format}|${timeZone ?? ''}`;
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat(language, { timeZone, ...options });
    formatters.set(key, made);
  }
  return made;
}

/**
 * `value` (a calendar day YYYY-MM-DD, an ISO instant, a Date or milliseconds) in `format`: null when
 * there is none, the value itself when it is no date. A calendar day has no time: it is always
 * shown as a `day`. `timeZone` (an IANA name) replaces the reader's for the formats with a time.
 */
export function formatDate(value, language, { format = 'day', timeZone } = {}) {
  if (value === null || value === undefined || value === '') return null;
  const calendarDay = typeof value === 'string' && CALENDAR_DAY.test(value);
  const date = calendarDay ? new Date(`${value}T00:00:00Z`) : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return formatter(language, calendarDay ? 'day' : format, timeZone).format(date);
}

/**
 * When to try again, from a wait in seconds (a Retry-After): « dans 2 minutes », “in 2 minutes”. Rounded
 * up, never sooner than the wait: seconds under a minute, minutes up to an hour and a half, then hours.
 */
export function formatWait(seconds, language) {
  const wait = Math.max(1, Math.ceil(Number(seconds) || 0));
  const relative = new Intl.RelativeTimeFormat(language, { numeric: 'always' });
  if (wait < 60) return relative.format(wait, 'second');
  if (wait <= 90 * 60) return relative.format(Math.ceil(wait / 60), 'minute');
  return relative.format(Math.ceil(wait / 3600), 'hour');
}
