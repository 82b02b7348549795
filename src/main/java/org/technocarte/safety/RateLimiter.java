package org.technocarte.safety;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;
import org.technocarte.common.config.RateLimitConfig;

/**
 * Token buckets, one per kind and address key, in PostgreSQL so that every instance draws from the
 * same bucket. Refill and take are one statement (an upsert that returns whether a token was
 * there), so two instances taking at once cannot both take the last token.
 *
 * <p>A full bucket is the same as none: the purge deletes buckets once they are full again, and all
 * of a past day's (their keys are of a secret that no longer exists). A flood of distinct addresses
 * therefore leaves at most the rows of the last refill time, about 12 minutes at the defaults.
 */
@ApplicationScoped
public class RateLimiter {

  private static final Logger LOG = Logger.getLogger(RateLimiter.class);

  /**
   * Parameters: kind, key, day, capacity, tokens per second. The refilled amount is r; a token is
   * taken when r >= 1, leaving t. full_at is when the bucket will be full again.
   */
  static final String TAKE =
      """
      INSERT INTO rate_bucket AS b
        (kind, key, day, capacity, per_second, tokens, allowed, updated_at, full_at)
      SELECT kind, key, day, capacity, per_second, capacity - 1, true, now(),
             now() + make_interval(secs => 1 / per_second)
      FROM (VALUES (?, ?, ?::date, ?::float8, ?::float8)) p (kind, key, day, capacity, per_second)
      ON CONFLICT (kind, key) DO UPDATE SET
        (capacity, per_second, tokens, allowed, updated_at, full_at) = (
          SELECT excluded.capacity, excluded.per_second, t, r >= 1, now(),
                 now() + make_interval(secs => (excluded.capacity - t) / excluded.per_second)
          FROM (SELECT r, CASE WHEN r >= 1 THEN r - 1 ELSE r END AS t
                FROM (SELECT least(excluded.capacity,
                        b.tokens + extract(epoch FROM now() - b.updated_at) * excluded.per_second)
                      AS r) refill) taken)
      RETURNING allowed, tokens
      """;

  private static final String PURGE = "DELETE FROM rate_bucket WHERE full_at < now() OR day < ?";

  private final RateLimitConfig config;
  private final AddressKeys keys;
  private final AgroalDataSource dataSource;

  public RateLimiter(RateLimitConfig config, AddressKeys keys, AgroalDataSource dataSource) {
    this.config = config;
    this.keys = keys;
    this.dataSource = dataSource;
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
    RateLimitConfig.Limit limit = limit(kind);
    double capacity = Math.max(1, limit.burst());
    double perSecond = Math.max(1, limit.perHour()) / 3600.0;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(TAKE)) {
      statement.setString(1, kind.name());
      statement.setString(2, key.value());
      statement.setObject(3, key.day());
      statement.setDouble(4, capacity);
      statement.setDouble(5, perSecond);
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        if (row.getBoolean(1)) {
          return 0;
        }
        double tokens = row.getDouble(2);
        return Math.max(1, (long) Math.ceil((1 - tokens) / perSecond));
      }
    } catch (SQLException e) {
      throw new SharedStateException("taking a rate-limit token failed", e);
    }
  }

  private RateLimitConfig.Limit limit(RateLimited.Kind kind) {
    return switch (kind) {
      case SUBMISSION -> config.submission();
      case CONFIRMATION -> config.confirmation();
      case PHOTO -> config.photo();
      case ROUTE -> config.route();
    };
  }

  /** Deletes full buckets and those of past days. */
  @Scheduled(every = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void purge() {
    SharedStateException.purge(LOG, dataSource, PURGE, LocalDate.now(ZoneOffset.UTC));
  }
}
