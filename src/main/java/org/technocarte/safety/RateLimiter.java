package org.technocarte.safety;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.technocarte.common.config.RateLimitConfig;

/**
 * Token buckets in memory, one per kind and address key. When the day's secret changes the old
 * buckets are dropped with it, so nothing keyed by an old secret outlives its day.
 */
@ApplicationScoped
public class RateLimiter {

  /** Above this many buckets, full ones (idle clients) are swept out. */
  private static final int SWEEP_ABOVE = 50_000;

  private final RateLimitConfig config;
  private final AddressKeys keys;
  private final LongSupplier nanos;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
  private volatile LocalDate day;

  @Inject
  public RateLimiter(RateLimitConfig config, AddressKeys keys) {
    this(config, keys, System::nanoTime);
  }

  RateLimiter(RateLimitConfig config, AddressKeys keys, LongSupplier nanos) {
    this.config = config;
    this.keys = keys;
    this.nanos = nanos;
  }

  /**
   * Takes one token for this address, or answers how many seconds to wait before one is there.
   *
   * @return 0 when allowed, else the seconds to wait (at least 1)
   */
  public long take(RateLimited.Kind kind, String address) {
    if (!config.enabled()) {
      return 0;
    }
    AddressKeys.Key key = keys.of(address);
    if (!key.day().equals(day)) {
      buckets.clear();
      day = key.day();
    }
    RateLimitConfig.Limit limit = limit(kind);
    long now = nanos.getAsLong();
    if (buckets.size() > SWEEP_ABOVE) {
      buckets.values().removeIf(b -> b.isFull(now));
    }
    Bucket bucket =
        buckets.computeIfAbsent(
            kind.name() + ':' + key.value(), k -> new Bucket(limit.burst(), limit.perHour(), now));
    return bucket.take(now);
  }

  private RateLimitConfig.Limit limit(RateLimited.Kind kind) {
    return switch (kind) {
      case SUBMISSION -> config.submission();
      case CONFIRMATION -> config.confirmation();
      case PHOTO -> config.photo();
    };
  }

  /** A bucket of `capacity` tokens refilled at `perHour`. */
  static final class Bucket {
    private final double capacity;
    private final double perNano;
    private double tokens;
    private long updated;

    Bucket(int capacity, int perHour, long now) {
      this.capacity = Math.max(1, capacity);
      this.perNano = Math.max(1, perHour) / 3.6e12;
      this.tokens = this.capacity;
      this.updated = now;
    }

    synchronized long take(long now) {
      refill(now);
      if (tokens >= 1) {
        tokens -= 1;
        return 0;
      }
      return Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1e9));
    }

    synchronized boolean isFull(long now) {
      refill(now);
      return tokens >= capacity;
    }

    private void refill(long now) {
      tokens = Math.min(capacity, tokens + (now - updated) * perNano);
      updated = now;
    }
  }
}
