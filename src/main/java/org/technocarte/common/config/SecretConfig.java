package org.technocarte.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithParentName;
import java.util.Optional;

/**
 * The operator's secret (technocarte.secret, env TECHNOCARTE_SECRET), from which every instance
 * derives the same keys: the daily key of client addresses (with a random salt of the day kept in
 * the database until the day ends) and the key that signs proof-of-work challenges. Never logged,
 * never stored by the app.
 */
@ConfigMapping(prefix = "technocarte.secret")
public interface SecretConfig {

  /**
   * At least 32 characters, the same on every instance (e.g. {@code openssl rand -base64 32}).
   * Without it each process draws a random one at start: right for one instance only, as two
   * instances would then key the same address apart and refuse each other's challenges.
   */
  @WithParentName
  Optional<String> value();
}
