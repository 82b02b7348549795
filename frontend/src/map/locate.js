import L from './leaflet-global.js';

/** The phone's position, once: { latlng, accuracy } or null. Nothing of it leaves the page. */
export function currentPosition({ timeout = 15000 } = {}) {
  if (!('geolocation' in navigator)) return Promise.resolve(null);
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (position) => resolve({ latlng: L.latLng(position.coords.latitude, position.coords.longitude), accuracy: position.coords.accuracy }),
      () => resolve(null),
      { enableHighAccuracy: true, timeout, maximumAge: 10000 },
    );
  });
}

/** Shows where the walker is, with the accuracy as a circle. */
export class LocationMarker {
  constructor(map) {
    this.map = map;
    this.layer = L.layerGroup().addTo(map);
  }

  show({ latlng, accuracy }) {
    this.layer.clearLayers();
    L.circle(latlng, { radius: accuracy, className: 'accuracy', interactive: false }).addTo(this.layer);
    L.circleMarker(latlng, { radius: 7, className: 'me', interactive: false }).addTo(this.layer);
  }

  clear() {
    this.layer.clearLayers();
  }
}
