package org.technocarte.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import org.technocarte.common.config.TechnocarteConfig;
import org.technocarte.export.ExportSlots;

/**
 * Technocarte's own meters at /q/metrics, beside Quarkus' (HTTP requests by route and status, the
 * connection pool, the JVM): export slots and the moderation queue. None carries a client's address
 * or User-Agent.
 */
@Startup
@Singleton
public class OperationsMetrics {

  public OperationsMetrics(
      MeterRegistry registry,
      ExportSlots slots,
      TechnocarteConfig config,
      PendingSightings pending) {
    int size = config.api().maxConcurrentExports();
    Gauge.builder("technocarte.export.slots.max", () -> size)
        .description("Exports that may stream at once")
        .register(registry);
    Gauge.builder("technocarte.export.slots.in.use", slots, s -> size - s.available())
        .strongReference(true)
        .description("Exports streaming now")
        .register(registry);
    Gauge.builder("technocarte.sightings.pending", pending, PendingSightings::count)
        .strongReference(true)
        .description("Sightings waiting for moderation (counted every few seconds at most)")
        .register(registry);
    Gauge.builder(
            "technocarte.moderation.queue.oldest", pending, PendingSightings::oldestAgeSeconds)
        .strongReference(true)
        .baseUnit("seconds")
        .description("How long the oldest pending sighting has waited")
        .register(registry);
  }
}
