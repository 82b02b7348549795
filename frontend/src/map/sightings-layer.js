import L from './cluster.js';
import { clusterIcon, cameraIcon } from './icons.js';
import { STREET_ZOOM, showsWedges } from './viewport.js';
import { wedges } from './wedge.js';
import { fieldOfView } from '../sighting/fields.js';
import { isStale } from '../sighting/stale.js';

/** The approved cameras on the map: clustered below street zoom, with their fields of view above. */
export class SightingsLayer {
  constructor(map, { t, staleAfterDays, onSelect }) {
    Object.assign(this, { map, t, staleAfterDays, onSelect });
    this.features = [];
    this.clusters = L.markerClusterGroup({
      disableClusteringAtZoom: STREET_ZOOM,
      showCoverageOnHover: false,
      spiderfyOnMaxZoom: false,
      chunkedLoading: true,
      iconCreateFunction: (cluster) =>
        clusterIcon(
          cluster.getChildCount(),
          cluster.getAllChildMarkers().some((m) => m.options.vsa),
          t,
        ),
    }).addTo(map);
    this.fields = L.layerGroup().addTo(map);
    map.on('zoomend', () => this.#drawFields());
  }

  setData(features) {
    this.features = features;
    const markers = features.map((feature) => this.#marker(feature));
    this.clusters.clearLayers();
    this.clusters.addLayers(markers);
    this.#drawFields();
  }

  #marker(feature) {
    const p = feature.properties;
    const [lon, lat] = feature.geometry.coordinates;
    const stale = isStale(p, this.staleAfterDays);
    const label = [
      this.t(`cameraType.${p.cameraType}`),
      this.t(`surveillanceType.${p.surveillanceType}`),
      p.vsaSuspected && this.t('detail.vsa'),
      stale && this.t('detail.stale'),
    ]
      .filter(Boolean)
      .join(', ');
    const marker = L.marker([lat, lon], {
      icon: cameraIcon(p, { stale }),
      title: `${label} (${feature.id})`,
      vsa: p.vsaSuspected,
      riseOnHover: true,
    });
    marker.on('click', () => this.onSelect(feature));
    // Leaflet makes markers focusable buttons; Enter and Space open them as a click does.
    marker.on('add', () =>
      marker.getElement()?.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === ' ') {
          event.preventDefault();
          this.onSelect(feature);
        }
      }),
    );
    return marker;
  }

  #drawFields() {
    this.fields.clearLayers();
    if (!showsWedges(this.map.getZoom())) return;
    for (const feature of this.features) {
      const p = feature.properties;
      const [lon, lat] = feature.geometry.coordinates;
      for (const outline of wedges([lat, lon], p.directions, fieldOfView(p))) {
        L.polygon(outline, { className: p.vsaSuspected ? 'fov fov-vsa' : 'fov', interactive: false }).addTo(
          this.fields,
        );
      }
    }
  }
}
