// The city page's evidence without the DOM: addresses, dates, the form's body, the API's field errors.

/** The design's kinds of evidence, in the order the form offers them. */
export const KINDS = ['council_deliberation', 'procurement_notice', 'prefectoral_order', 'press'];

/** The address to link to, only when it is a web address: never `javascript:` or `data:`. */
export function safeHref(url) {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Today in the visitor's calendar, YYYY-MM-DD: the latest date the form offers. */
export function today(now = new Date()) {
  const pad = (n) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/**
 * The body of POST or PATCH from the form's values: trimmed, an empty note left out when adding and
 * removed (null) when editing, the version the moderator edited added.
 */
export function evidenceBody(values, version) {
  const body = {
    kind: values.kind,
    title: (values.title || '').trim(),
    publishedOn: values.publishedOn,
    url: (values.url || '').trim(),
  };
  const note = (values.note || '').trim();
  if (note) body.note = note;
  else if (version !== undefined) body.note = null;
  if (version !== undefined) body.version = version;
  return body;
}

/** A problem's `errors` by field (the first message of each); the others under ''. */
export function fieldErrors(problem, fields = ['kind', 'title', 'publishedOn', 'url', 'note']) {
  const byField = {};
  for (const { field, message } of problem?.errors || []) {
    const key = fields.includes(field) ? field : '';
    if (!(key in byField)) byField[key] = key ? message : `${field}: ${message}`;
  }
  return byField;
}
