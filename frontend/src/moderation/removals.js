import { h } from '../ui/dom.js';
import { formatDate } from '../ui/dates.js';

/**
 * The open reports of cameras seen gone or moved in my territories: each with the camera, what the
 * passer-by saw, and the two decisions. `decide(report, sighting, 'confirm' | 'reject', reason)`.
 */
export function renderRemovals(list, reports, { t, language, decide }) {
  list.replaceChildren(
    ...reports.map(({ report, sighting }) => {
      const reason = h('input', {
        type: 'text',
        class: 'removal-reason',
        maxlength: '1000',
        'aria-label': t('removal.reason'),
        placeholder: t('removal.reason'),
      });
      const kind = t(`removal.kind.${report.kind}`);
      return h(
        'li',
        { class: 'item removal-item', 'data-id': String(report.id), tabindex: '-1' },
        h(
          'h3',
          {},
          h('a', { href: `/#/c/${sighting.id}`, text: t('removal.camera', { id: sighting.id }) }),
          ` — ${kind}`,
        ),
        h(
          'p',
          { class: 'meta' },
          t('removal.reported', { date: formatDate(report.reportedOn, language) }),
          sighting.properties.city?.name ? ` · ${sighting.properties.city.name}` : '',
        ),
        report.note && h('blockquote', { class: 'removal-note', text: report.note }),
        report.photo &&
          h(
            'p',
            { class: 'removal-photo' },
            h(
              'a',
              { href: report.photo.href, target: '_blank', rel: 'noopener' },
              h('img', { src: report.photo.thumbnailHref, alt: t('removal.photo'), width: 160 }),
            ),
          ),
        report.movedTo &&
          h('p', {
            class: 'meta',
            text: t('removal.movedTo', {
              lon: report.movedTo.coordinates[0].toFixed(5),
              lat: report.movedTo.coordinates[1].toFixed(5),
            }),
          }),
        h(
          'p',
          { class: 'actions' },
          h('button', {
            type: 'button',
            class: 'confirm-removal',
            text: t(report.kind === 'moved' ? 'removal.confirmMove' : 'removal.confirm'),
            on: { click: () => decide(report, sighting, 'confirm', reason.value) },
          }),
          h('button', {
            type: 'button',
            class: 'reject-removal',
            text: t('removal.reject'),
            on: { click: () => decide(report, sighting, 'reject', reason.value) },
          }),
          reason,
        ),
      );
    }),
  );
}
