import { h } from '../ui/dom.js';
import * as api from './api.js';
import { describe } from './detail.js';
import { photoGallery } from '../photo/photo-gallery.js';
import { removalForm } from './removal-form.js';

/**
 * The detail panel of an approved camera, with its "still there?" button and its "not there any
 * more?" report; a removed camera's shows when it was seen gone.
 */
export async function showCamera(id, { panel, t, language, config, announce, onConfirmed, centre }) {
  const loaded = await api.fetchOne(id);
  if (!loaded.ok) {
    panel.show(t('detail.notFound'), h('p', { text: loaded.offline ? t('error.network') : t('detail.notFound') }));
    return null;
  }
  // Approved photos, fetched once: a confirmation redraws the panel but not them.
  const photos = photoGallery(id, null, { t });
  render(loaded.sighting);
  return loaded.sighting;

  function render(sighting, message) {
    const details = describe(sighting, { t, language, staleAfterDays: config.staleAfterDays });
    if (sighting.properties.status !== 'approved')
      return panel.show(t('detail.title', { id: sighting.id }), details, photos);
    const status = h('p', { class: 'note', role: 'status', text: message || '' });
    const button = h('button', { type: 'button', class: 'button primary confirm', text: t('detail.confirm') });
    button.addEventListener('click', async () => {
      button.disabled = true;
      const result = await api.confirm(sighting.id);
      if (result.ok) {
        render(result.sighting, t('detail.confirmed'));
        announce(t('detail.confirmed'));
        onConfirmed?.(result.sighting);
      } else {
        button.disabled = false;
        status.textContent = t('detail.confirmError');
      }
    });
    panel.show(
      t('detail.title', { id: sighting.id }),
      details,
      photos,
      button,
      status,
      removalForm(sighting, { t, centre, announce }),
    );
  }
}
