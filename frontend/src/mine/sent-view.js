import { h } from '../ui/dom.js';
import * as api from '../sighting/api.js';
import { describe } from '../sighting/detail.js';
import { privateLink } from './links.js';
import { photoGallery } from '../photo/photo-gallery.js';

/** The walker's own sighting, opened through its private link: status, the link, and "correct". */
export async function showSent({ id, token }, { panel, t, language, config, onAmend, mine }) {
  const loaded = await api.fetchOne(id, token);
  if (!loaded.ok) {
    panel.show(t('sent.notFound'), h('p', { text: loaded.offline ? t('error.network') : t('sent.notFound') }));
    return null;
  }
  const sighting = loaded.sighting;
  // Opened from a link on another phone: keep it in "my sightings" here too.
  if (!(await mine.all()).some((m) => String(m.id) === String(id))) {
    await mine.put({
      clientId: `link-${id}`,
      id: sighting.id,
      token,
      sentAt: new Date().toISOString(),
      cameraType: sighting.properties.cameraType,
      surveillanceType: sighting.properties.surveillanceType,
      city: sighting.properties.city?.name ?? null,
    });
  }
  const link = privateLink(id, token);
  const linkId = 'private-link';
  const copied = h('span', { class: 'note', role: 'status' });
  const pending = sighting.properties.status === 'pending';
  panel.show(
    t('sent.title'),
    h('p', { class: 'lead', text: pending ? t('sent.pending') : t(`status.${sighting.properties.status}`) }),
    h(
      'div',
      { class: 'private-link' },
      h('label', { for: linkId, text: t('sent.link') }),
      h('input', { id: linkId, type: 'text', readonly: true, value: link, on: { focus: (e) => e.target.select() } }),
      h('p', { class: 'hint', text: t('sent.linkHelp') }),
      h('button', {
        type: 'button',
        class: 'button',
        text: t('sent.copy'),
        on: {
          click: async () => {
            try {
              await navigator.clipboard.writeText(link);
              copied.textContent = t('sent.copied');
            } catch {
              document.getElementById(linkId).select();
            }
          },
        },
      }),
      copied,
    ),
    pending
      ? h('button', {
          type: 'button',
          class: 'button primary big amend',
          text: t('sent.amend'),
          on: { click: () => onAmend(sighting, token) },
        })
      : h('p', { text: t('sent.notPending') }),
    describe(sighting, { t, language, staleAfterDays: config.staleAfterDays, compact: true }),
    photoGallery(id, token, { t }),
    h('a', { class: 'button primary big add-another', href: '#/add', text: t('nav.addAnother') }),
    h('a', { class: 'button big', href: '#/', text: t('nav.back') }),
  );
  return sighting;
}
