import { formatDate, h } from '../ui/dom.js';
import { fieldOfView } from './fields.js';
import { picture } from './pictures.js';
import { isStale } from './stale.js';

/** Every field of a sighting, as a description list, in the reader's language. */
export function describe(sighting, { t, language, staleAfterDays }) {
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
      h('div', { class: 'badges' }, p.vsaSuspected && h('span', { class: 'badge badge-vsa', text: t('detail.vsa') }), stale && h('span', { class: 'badge badge-stale', text: t('detail.stale') })),
    ),
    h(
      'dl',
      {},
      rows.map(([label, value]) => [h('dt', { text: t(label) }), h('dd', { class: label === 'field.checkDate' ? 'check-date' : null, text: value ?? t('field.unset') })]),
    ),
  );
}
