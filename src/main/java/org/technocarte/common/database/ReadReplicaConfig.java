package org.technocarte.common.database;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How public reads use the read replica (the datasource named {@code read}, configured with {@code
 * quarkus.datasource.read.*}); without its URL every read goes to the primary.
 */
@ConfigMapping(prefix = "technocarte.read-replica")
public interface ReadReplicaConfig {

  /**
   * After the replica failed to answer, public reads stay on the primary this long before one of
   * them tries the replica again: a dead replica then costs one refused connection per period, not
   * one per request.
   */
  @WithDefault("PT10S")
  Duration retryAfter();
}
