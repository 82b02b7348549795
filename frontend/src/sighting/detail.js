import { h } from '../ui/dom.js';
import { formatDate } from '../ui/dates.js';
import { fieldOfView } from './fields.js';
import { picture } from './pictures.js';
import { isStale } from './stale.js';

const URL_IN_TEXT = /\bhttps?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]]/g;

/** Text cut into plain pieces and http(s) links: [{ text } | { url }]. */
export function linkParts(text) {
  const parts = [];
  let last = 0;
  for (const match of String(text).matchAll(URL_IN_TEXT)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index) });
    parts.push({ url: match[0] });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

/** Text with its links made real links, opened apart and telling the other site nothing. */
function linkify(text) {
  return linkParts(text).map((part) =>
    part.url ? h('a', { href: part.url, rel: 'noopener noreferrer', target: '_blank', text: part.url }) : part.text,
  );
}

/** The entry of the look-alike guide (/guide/) that a camera type or a plate reader links to. */
const GUIDED = {
  'surveillanceType.label': (p) => (p.surveillanceType === 'alpr' ? 'alpr' : null),
  'cameraType.label': (p) => (['fixed', 'dome', 'panning'].includes(p.cameraType) ? p.cameraType : null),
};

/** A value that links to its entry of the guide, or the plain value when the guide has none. */
function guideLink(anchor, value, t) {
  if (!anchor) return value;
  return h('a', {
    href: `/guide/#${anchor}`,
    class: 'guide-type',
    title: t('guide.typeHelp', { type: value }),
    text: value,
  });
}

/** Rows of the public detail that the walker's form never asks for, nor sets. */
const NOT_ASKED = new Set([
  'field.fieldOfView',
  'area.label',
  'field.height',
  'field.source',
  'field.createdAt',
  'field.updatedAt',
  'field.checkDate',
]);

/**
 * Every field of a sighting, as a description list, in the reader's language. `compact` (the
 * walker's own sighting) keeps only what the form asked and was filled in.
 */
export function describe(sighting, { t, language, staleAfterDays, compact = false }) {
  const p = sighting.properties;
  const word = (group, value) => (value ? t(`${group}.${value}`) : null);
  const rows = [
    ['surveillanceType.label', word('surveillanceType', p.surveillanceType)],
    ['cameraType.label', word('cameraType', p.cameraType)],
    ['field.directions', p.directions?.length ? p.directions.map((d) => t('degrees', { n: d })).join(', ') : null],
    ['field.fieldOfView', t('degrees', { n: fieldOfView(p) })],
    ['mount.label', word('mount', p.mount)],
    ['area.label', word('area', p.area)],
    ['zone.label', word('zone', p.zone)],
    ['operator.label', p.operator],
    ['operatorType.label', word('operatorType', p.operatorType)],
    ['field.height', p.height ? t('metres', { n: p.height }) : null],
    ['field.vsaSuspected', p.vsaSuspected ? t('yes') : t('no')],
    ['field.vsaEvidence', p.vsaEvidence],
    ['field.notes', p.notes],
    ['field.city', p.city?.name],
    ['field.observedAt', formatDate(p.observedAt, language)],
    ['field.checkDate', formatDate(p.checkDate, language) || t('detail.neverChecked')],
    ['field.status', word('status', p.status)],
    p.removedOn && ['field.removedOn', formatDate(p.removedOn, language)],
    ['field.source', [word('source', p.source), p.sourceRef].filter(Boolean).join(' · ') || null],
    ['field.createdAt', formatDate(p.createdAt, language)],
    ['field.updatedAt', formatDate(p.updatedAt, language)],
  ];
  const stale = p.status === 'approved' && isStale(p, staleAfterDays);
  return h(
    'div',
    { class: 'detail' },
    h(
      'div',
      { class: 'detail-head' },
      h('span', { class: `picture${p.vsaSuspected ? ' vsa' : ''}`, svg: picture(p.cameraType) }),
      h(
        'div',
        { class: 'badges' },
        p.vsaSuspected && h('span', { class: 'badge badge-vsa', text: t('detail.vsa') }),
        stale && h('span', { class: 'badge badge-stale', text: t('detail.stale') }),
        p.status === 'removed' && h('span', { class: 'badge badge-stale', text: t('status.removed') }),
      ),
    ),
    h(
      'dl',
      {},
      rows
        .filter(Boolean)
        .filter(
          ([label, value]) =>
            !compact || (value !== null && value !== undefined && value !== '' && !NOT_ASKED.has(label)),
        )
        .map(([label, value]) => [
          h('dt', { text: t(label) }),
          label === 'field.vsaEvidence' && value
            ? h('dd', { class: 'evidence' }, linkify(value))
            : GUIDED[label] && value
              ? h('dd', {}, guideLink(GUIDED[label](p), value, t))
              : h('dd', { class: label === 'field.checkDate' ? 'check-date' : null, text: value ?? t('field.unset') }),
        ]),
    ),
  );
}
