package org.technocarte.operations;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** What /q/metrics reports beyond Quarkus' own meters. */
@ConfigMapping(prefix = "technocarte.metrics")
public interface OperationsConfig {

  /**
   * How often the moderation queue is counted for the metrics at most: a scrape every few seconds
   * then costs no query over the sightings table.
   */
  @WithDefault("PT30S")
  Duration countEvery();
}
