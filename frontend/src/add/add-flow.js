import { h } from '../ui/dom.js';
import { findPosition } from '../map/locate.js';
import { placement } from './position.js';
import { fieldOfView } from '../sighting/fields.js';
import * as api from '../sighting/api.js';
import { newSubmission } from '../offline/outbox.js';
import { privateFragment } from '../mine/links.js';
import { askNearby } from './nearby-prompt.js';
import { sightingForm } from './form.js';
import { Pin } from './pin.js';
import { creationProperties, newClientId } from './submission.js';
import { photoPicker } from '../photo/photo-picker.js';

const STREET = 18;

/**
 * Adding a camera: place the pin (located, tapped or dragged), fill one short screen, check the
 * cameras already known around, then send — or keep it in the outbox when the network is down.
 * The same screen edits a sighting waiting in the outbox, or amends a sent one with its token.
 */
export class AddFlow {
  constructor({ map, panel, t, config, outbox, announce, locationMarker, navigate, onConfirmed }) {
    Object.assign(this, { map, panel, t, config, outbox, announce, locationMarker, navigate, onConfirmed });
    this.pin = null;
  }

  /** mode: 'new' | { queued: item } | { amend: sighting, token } */
  start(mode = 'new') {
    this.stop();
    const t = this.t;
    const initial = mode.queued?.feature.properties || mode.amend?.properties || {};
    const where = mode.queued?.feature.geometry || mode.amend?.geometry;
    this.mode = mode;
    this.clientId = mode.queued?.clientId || newClientId();
    document.body.classList.add('adding');
    this.pin = new Pin(this.map, {
      t,
      onMove: () => {},
      onDirection: (d) => this.form.setDirection(d),
      onPlace: () => {
        this.#placed({ source: 'map', zoom: this.map.getZoom() });
        // A tap at country zoom places nothing: the pin goes on following the map's centre.
        if (this.state.placed) this.chosenBy = 'walker';
      },
    });
    this.chosenBy = null;
    this.state = { placed: false, message: 'add.locating' };
    this.positionNote = h('p', { class: 'position-status', role: 'status', 'aria-live': 'polite' });
    // Photos go with a new or waiting sighting; a correction shows those sent, to keep or take back.
    this.photos = photoPicker({
      t,
      initial: mode.queued?.photos || [],
      sent: mode.sentPhotos || [],
      thumbnail: async (img, photo) => {
        const blob = await api.photoBlob(photo.thumbnailHref, mode.token);
        if (blob) img.src = URL.createObjectURL(blob);
      },
    });
    this.form = sightingForm({
      t,
      initial,
      photos: this.photos?.element,
      submitLabel: mode.amend ? t('add.save') : t('add.send'),
      onSubmit: (properties) => this.#submit(properties),
      onCancel: () =>
        this.navigate(mode.amend ? privateFragment(mode.amend.id, mode.token) : mode.queued ? '#/mine' : '#/'),
      onDirection: (d) => this.pin.setDirection(d),
      onCameraType: (cameraType) => this.pin.setDirection(this.pin.direction, fieldOfView({ cameraType })),
    });
    this.pin.setDirection(
      initial.directions?.[0] ?? null,
      fieldOfView({ cameraType: initial.cameraType || 'unknown' }),
    );
    this.#showForm();
    if (where) {
      const [lon, lat] = where.coordinates;
      this.pin.moveTo([lat, lon]);
      this.map.setView([lat, lon], Math.max(this.map.getZoom(), STREET));
      this.chosenBy = 'record';
      this.#placed({ source: 'record' });
    } else {
      this.pin.moveTo(this.map.getCenter());
      this.#placed({ source: 'none' });
      this.#locate();
    }
  }

  stop() {
    this.pin?.remove();
    this.pin = null;
    if (this.followCentre) this.map.off('moveend', this.followCentre);
    this.followCentre = null;
    document.body.classList.remove('adding');
  }

  /** Shows where the pin stands and whether it may be sent from there. */
  #placed(event) {
    this.state = placement(event, this.state);
    this.positionNote.textContent = this.t(this.state.message, this.state.vars);
    this.positionNote.dataset.placed = String(this.state.placed);
    this.pin?.setPlaced(this.state.placed);
    this.form?.setSendable(this.state.placed, this.t('walker.needPosition'));
  }

  async #locate() {
    this.positionNote.textContent = this.t('add.locating');
    const pin = this.pin;
    const here = await findPosition();
    if (!this.pin || this.pin !== pin) return; // the walker left the add screen meanwhile
    if (!here.ok) {
      this.announce(this.t(here.denied ? 'walker.locateDenied' : 'walker.locateFailed'));
      this.#placed({ source: 'failed', denied: here.denied });
      if (this.chosenBy) return;
      // Without a fix, the pin follows the centre of the map the walker moves to the camera.
      this.followCentre = () => {
        if (this.chosenBy === 'walker' || !this.pin) return;
        this.chosenBy = 'centre';
        this.pin.moveTo(this.map.getCenter());
        this.#placed({ source: 'map', zoom: this.map.getZoom() });
      };
      this.map.on('moveend', this.followCentre);
      return;
    }
    this.locationMarker.show(here);
    if (this.chosenBy === 'walker') return; // tapped before the fix came: the walker's choice stands
    this.chosenBy = 'gps';
    this.map.setView(here.latlng, Math.max(this.map.getZoom(), STREET));
    this.pin.moveTo(here.latlng);
    this.#placed({ source: 'gps', accuracy: here.accuracy });
  }

  #showForm() {
    this.panel.show(
      this.mode.amend ? this.t('sent.amend') : this.t('add.title'),
      h('p', { class: 'hint', text: this.t('add.where') }),
      this.positionNote,
      this.form.element,
    );
    this.form.setSendable(this.state.placed, this.t('walker.needPosition'));
  }

  #feature(properties) {
    const { lat, lng } = this.pin.position();
    const round = (x) => Math.round(x * 1e7) / 1e7;
    return { type: 'Feature', geometry: { type: 'Point', coordinates: [round(lng), round(lat)] }, properties };
  }

  async #submit(properties) {
    if (!this.state.placed) return; // the button is disabled; Enter in a field must not bypass it
    this.form.busy(true);
    try {
      if (this.mode.amend) await this.#amend(properties);
      else await this.#send(properties);
    } finally {
      this.form?.busy(false);
    }
  }

  async #amend(properties) {
    const { amend: sighting, token } = this.mode;
    const result = await api.amend(
      sighting.id,
      token,
      this.#feature({ ...properties, version: sighting.properties.version }),
    );
    if (result.ok) {
      const removed = await Promise.all(
        this.photos.removed().map((photo) => api.deletePhoto(sighting.id, token, photo.id)),
      );
      const added = [];
      for (const blob of await this.photos.photos()) added.push(await api.uploadPhoto(sighting.id, token, blob));
      const allDone = [...removed, ...added].every((r) => r.ok);
      this.announce(this.t(allDone ? 'sent.amended' : 'walker.photosSaveError'));
      this.navigate(privateFragment(sighting.id, token));
    } else {
      this.form.showErrors(result.retry ? this.t('error.network') : this.t('add.invalid'), result.errors);
    }
  }

  async #send(properties) {
    const feature = this.#feature(creationProperties(properties));
    if (!this.mode.queued && navigator.onLine !== false) {
      const { lat, lng } = this.pin.position();
      const radius = this.config.duplicateRadiusMetres;
      const near = await api.nearby([lat, lng], radius);
      if (near.ok && near.features.length) {
        const chosen = await askNearby(this.panel, near.features, { t: this.t, at: [lat, lng], radius });
        if (chosen) return this.#confirm(chosen);
        this.#showForm();
      }
    }
    const photos = await this.photos.photos();
    if (this.mode.queued) await this.outbox.update(this.clientId, feature, photos);
    else if (!(await this.outbox.get(this.clientId)))
      await this.outbox.add(newSubmission(feature, this.clientId, new Date(), photos));
    else await this.outbox.update(this.clientId, feature, photos);
    let sent = await this.outbox.flush();
    let item = await this.outbox.get(this.clientId);
    if (item?.state === 'waiting' && navigator.onLine !== false) {
      sent = await this.outbox.flush(); // a background flush had started before this one was added
      item = await this.outbox.get(this.clientId);
    }
    const mine = sent.find((s) => s.item.clientId === this.clientId);
    if (mine) return this.navigate(privateFragment(mine.sighting.id, mine.sighting.properties.editToken));
    if (item?.state === 'refused') {
      await this.outbox.remove(this.clientId); // the walker is here to fix it: no need to keep it
      const failure = { errors: [], ...item };
      return this.form.showErrors(`${this.t('add.invalid')} — ${failure.reason}`, item.errors || []);
    }
    if (!item) return this.navigate('#/mine'); // sent by the background flush meanwhile
    this.navigate(`#/q/${this.clientId}`);
  }

  async #confirm(chosen) {
    const result = await api.confirm(chosen.id);
    if (!result.ok) {
      this.#showForm();
      this.form.showErrors(this.t('detail.confirmError'));
      return;
    }
    this.onConfirmed?.(result.sighting);
    this.stop();
    this.panel.show(
      this.t('detail.confirmed'),
      h('p', { class: 'confirmed-message', role: 'status', text: this.t('nearby.confirmed', { id: chosen.id }) }),
      h('a', {
        class: 'button primary big',
        href: `#/c/${chosen.id}`,
        text: this.t('detail.title', { id: chosen.id }),
      }),
      h('a', { class: 'button big', href: '#/', text: this.t('nav.back') }),
    );
  }
}
