package org.technocarte.sighting;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.geolatte.geom.crs.CrsRegistry;
import org.jboss.logging.Logger;

/**
 * Loads geolatte's registry of coordinate reference systems at start, in the background. Hibernate
 * Spatial binds every point through it, and its first use parses the whole EPSG registry: 4.7 s at
 * 100k rows, 6 s at 1M on 2 cores, all of it on the first walker's POST (deploy/bench/RESULTS.md).
 * Off the start-up path, so that the app is ready as soon as before; a POST that comes first waits
 * for the same class initialisation, no longer.
 */
@ApplicationScoped
class GeometryWarmUp {

  private static final Logger LOG = Logger.getLogger(GeometryWarmUp.class);

  void onStart(@Observes StartupEvent start) {
    Thread thread =
        new Thread(
            () -> {
              long t0 = System.nanoTime();
              CrsRegistry.getCoordinateReferenceSystemForEPSG(4326, null);
              LOG.debugf(
                  "geolatte's CRS registry loaded in %d ms", (System.nanoTime() - t0) / 1_000_000);
            },
            "geometry-warm-up");
    thread.setDaemon(true);
    thread.start();
  }
}
