import L from '../map/leaflet-global.js';
import { bearing, destination, wedge } from '../map/wedge.js';

const HANDLE_DISTANCE_M = 18;

/**
 * The new camera on the map: a pin the walker drags (or moves by tapping the map), and an arrow
 * handle dragged around it to set the direction, with the field of view drawn between them.
 */
export class Pin {
  constructor(map, { t, onMove, onDirection, onPlace = () => {} }) {
    Object.assign(this, { map, onMove, onDirection, onPlace });
    this.layer = L.layerGroup().addTo(map);
    this.direction = null;
    this.fov = 60;
    this.pin = L.marker(map.getCenter(), {
      draggable: true,
      autoPan: true,
      zIndexOffset: 2000, // above the known cameras it may stand next to
      title: t('add.pin'),
      icon: L.divIcon({ className: 'pin', html: '<span></span>', iconSize: [34, 34], iconAnchor: [17, 34] }),
    }).addTo(this.layer);
    this.handle = L.marker(map.getCenter(), {
      draggable: true,
      zIndexOffset: 2000,
      title: t('add.directionHandle'),
      icon: L.divIcon({ className: 'direction-handle', html: '<span>➤</span>', iconSize: [36, 36] }),
    }).addTo(this.layer);
    this.field = L.polygon([], { className: 'fov fov-new', interactive: false }).addTo(this.layer);
    this.pin.on('drag', () => this.#moved());
    this.pin.on('dragend', () => {
      this.onMove(this.position());
      this.onPlace(this.position());
    });
    this.handle.on('drag', () => {
      this.direction = bearing(this.#at(), [this.handle.getLatLng().lat, this.handle.getLatLng().lng]);
      this.#draw({ keepHandle: true });
      this.onDirection(this.direction);
    });
    this.handle.on('dragend', () => this.#draw());
    // The walker's own choice: a tap on the map or a drag of the pin (moveTo alone is the app's).
    this.clickToMove = (event) => {
      this.moveTo(event.latlng);
      this.onPlace(this.position());
    };
    map.on('click', this.clickToMove);
  }

  position() {
    return this.pin.getLatLng();
  }

  moveTo(latlng) {
    this.pin.setLatLng(latlng);
    this.#moved();
    this.onMove(this.position());
  }

  /** A pin not placed yet is drawn faded: it only shows where a tap would put it. */
  setPlaced(placed) {
    this.pin.getElement()?.classList.toggle('unplaced', !placed);
    this.placed = placed;
  }

  setDirection(direction, fov) {
    this.direction = direction;
    if (fov) this.fov = fov;
    this.#draw();
  }

  remove() {
    this.map.off('click', this.clickToMove);
    this.layer.remove();
  }

  #at() {
    const { lat, lng } = this.pin.getLatLng();
    return [lat, lng];
  }

  #moved() {
    this.#draw();
  }

  #draw({ keepHandle = false } = {}) {
    const d = this.direction ?? 0;
    if (!keepHandle) this.handle.setLatLng(destination(this.#at(), d, HANDLE_DISTANCE_M));
    const arrow = this.handle.getElement()?.firstElementChild;
    if (arrow) arrow.style.transform = `rotate(${d - 90}deg)`;
    this.field.setLatLngs(
      this.direction === null ? [] : wedge(this.#at(), d, Math.min(this.fov, 359), HANDLE_DISTANCE_M),
    );
  }
}
