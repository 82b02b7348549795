import { viewportRequest } from './viewport.js';
import { request as call } from '../ui/api.js';

/**
 * Loads the approved sightings of the viewport on every `moveend`, cancelling the request still
 * under way (OSM's notes layer does the same), and never asks for a box the server would refuse.
 */
export class ViewportLoader {
  constructor(map, { filters, onData, onState }) {
    Object.assign(this, { map, filters, onData, onState });
    this.controller = null;
    map.on('moveend', () => this.reload());
  }

  async reload() {
    this.controller?.abort();
    const request = viewportRequest(this.map.getBounds(), this.filters());
    if (request.zoomIn) {
      this.controller = null;
      this.onData([]);
      this.onState('zoomIn');
      return;
    }
    const controller = new AbortController();
    this.controller = controller;
    this.onState('loading');
    try {
      const { data: collection, headers } = await call(request.url, {
        signal: controller.signal,
        headers: { Accept: 'application/geo+json' },
        withHeaders: true,
      });
      if (controller.signal.aborted) return;
      this.onData(collection.features || []);
      const offline = headers.get('X-Technocarte-Offline') === '1';
      this.onState(offline ? 'offline' : collection.truncated ? 'truncated' : 'ready', collection);
    } catch (error) {
      if (error.name !== 'AbortError') this.onState('error');
    }
  }
}
