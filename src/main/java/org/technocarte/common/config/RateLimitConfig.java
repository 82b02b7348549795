package org.technocarte.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * Limits per client address on what writes, counted over every instance (the buckets are in
 * PostgreSQL). The address itself is never kept: buckets are keyed by an HMAC of it under a key of
 * the day that lives in memory only, made from technocarte.secret and a salt deleted with its day.
 *
 * <p>Generous by default: a mapping walk puts a dozen phones behind one address, and carrier NAT
 * puts strangers behind one too. Behind Tor every visitor comes from the same local address.
 */
@ConfigMapping(prefix = "technocarte.rate-limit")
public interface RateLimitConfig {

  /** Off only where something else limits the rate (a proxy in front). */
  @WithDefault("true")
  boolean enabled();

  /** New sightings (POST /api/sightings). */
  Limit submission();

  /** "Still there" confirmations. */
  Limit confirmation();

  /** Photo uploads. */
  Limit photo();

  /**
   * Routes measured or found (POST /api/routes/exposure and /least-watched, one bucket for both):
   * the most CPU-heavy public requests, a least-watched way being a dozen shortest-path searches.
   */
  Limit route();

  /** A token bucket: a burst that refills at a steady rate. */
  interface Limit {
    /** Requests allowed at once, the bucket's size. */
    @WithDefault("60")
    int burst();

    /** Requests per hour once the burst is spent, the refill rate. */
    @WithDefault("300")
    int perHour();
  }
}
