package org.technocarte.operations;

import io.agroal.api.AgroalDataSource;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * The moderation queue as metrics see it: how many sightings wait and since when. Counted at most
 * once per {@link OperationsConfig#countEvery()}, off the scraping thread, so that a scrape costs
 * no query (and none waits on a database that is down); a scrape reads the last count.
 */
@ApplicationScoped
public class PendingSightings {

  private static final Logger LOG = Logger.getLogger(PendingSightings.class);

  /** Served by the (status, created_at) index: it reads only the pending rows. */
  private static final String COUNT =
      "SELECT count(*), min(created_at) FROM sighting WHERE status = 'pending'";

  /** A count and when it was made; NaN before the first one. */
  private record Snapshot(double count, double oldestAgeSeconds, Instant countedAt) {}

  private final AgroalDataSource dataSource;
  private final Duration every;
  private final Clock clock = Clock.systemUTC();
  private final ExecutorService counter =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "technocarte-pending-count");
            thread.setDaemon(true);
            return thread;
          });
  private final AtomicBoolean counting = new AtomicBoolean();
  private volatile Snapshot last = new Snapshot(Double.NaN, Double.NaN, Instant.EPOCH);

  public PendingSightings(AgroalDataSource dataSource, OperationsConfig config) {
    this.dataSource = dataSource;
    this.every = config.countEvery();
  }

  /** Sightings waiting for moderation, at the last count. */
  public double count() {
    refreshIfStale();
    return last.count;
  }

  /** Age of the oldest of them in seconds, at the last count (0 when none waits). */
  public double oldestAgeSeconds() {
    refreshIfStale();
    return last.oldestAgeSeconds;
  }

  private void refreshIfStale() {
    if (last.countedAt.plus(every).isAfter(clock.instant())) {
      return;
    }
    if (counting.compareAndSet(false, true)) {
      counter.execute(
          () -> {
            try {
              last = countNow();
            } catch (SQLException | RuntimeException e) {
              // The last count stays; the database's outage is logged by the requests it fails.
              LOG.debugf("Counting pending sightings failed: %s", e.getMessage());
            } finally {
              counting.set(false);
            }
          });
    }
  }

  private Snapshot countNow() throws SQLException {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(COUNT);
        ResultSet rows = statement.executeQuery()) {
      rows.next();
      Instant now = clock.instant();
      Timestamp oldest = rows.getTimestamp(2);
      double age =
          oldest == null ? 0 : Math.max(0, Duration.between(oldest.toInstant(), now).toSeconds());
      return new Snapshot(rows.getLong(1), age, now);
    }
  }

  @PreDestroy
  void stop() {
    counter.shutdownNow();
  }
}
