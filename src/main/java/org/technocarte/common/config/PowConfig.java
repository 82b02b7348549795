package org.technocarte.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Proof of work asked of a new sighting: the browser spends about a second of computation, which
 * costs a walker nothing and a flood of fake sightings a lot, without knowing who anyone is.
 */
@ConfigMapping(prefix = "technocarte.pow")
public interface PowConfig {

  /**
   * Leading zero bits required of SHA-256(challenge + nonce); 0 turns the proof off. Each bit
   * doubles the work: 17 is about 131,000 hashes on average, 0.2–0.5 s for the page's solver on a
   * server core, about a second on a mid-range phone.
   */
  @WithDefault("17")
  int difficulty();

  /** How long a challenge may be solved and used. */
  @WithDefault("PT10M")
  Duration ttl();
}
