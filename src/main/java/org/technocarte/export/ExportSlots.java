package org.technocarte.export;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Context;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;
import org.technocarte.common.config.TechnocarteConfig;
import org.technocarte.common.error.ApiException;
import org.technocarte.common.error.ProblemType;
import org.technocarte.safety.SharedStateException;

/**
 * How many exports stream at once, counted over every instance. Each holds a database connection
 * for its whole download (a million cameras take tens of seconds), so without a bound a crowd of
 * downloads would take every pooled connection and stall the map and the moderation queue. Beyond
 * the bound: 503 with Retry-After.
 *
 * <p>A slot is a lease on a row of export_slot: the download holds no connection for it (an export
 * takes one connection, not two), this instance renews its leases while they stream, and a slot
 * whose instance was killed (kill -9) comes back when its lease runs out, within {@link #LEASE}.
 */
@ApplicationScoped
public class ExportSlots {

  static final long RETRY_AFTER_SECONDS = 30;

  /** How long a lease lasts unrenewed; renewed every third of it. */
  static final Duration LEASE = Duration.ofSeconds(60);

  private static final Logger LOG = Logger.getLogger(ExportSlots.class);

  /** Takes are serialised by this lock (of the transaction), so two never pick the same slot. */
  private static final String LOCK = "SELECT pg_advisory_xact_lock(hashtext('export_slot'))";

  /**
   * The lowest slot below the size that nobody holds. Parameters: holder, instance, lease, size.
   */
  private static final String TAKE =
      """
      INSERT INTO export_slot AS s (slot, holder, instance, expires_at)
      SELECT n, ?, ?, now() + make_interval(secs => ?)
      FROM generate_series(0, ? - 1) n
      WHERE NOT EXISTS (SELECT 1 FROM export_slot h
                        WHERE h.slot = n AND h.holder IS NOT NULL AND h.expires_at > now())
      ORDER BY n LIMIT 1
      ON CONFLICT (slot) DO UPDATE
        SET holder = excluded.holder, instance = excluded.instance, expires_at = excluded.expires_at
      RETURNING slot
      """;

  private static final String RELEASE =
      "UPDATE export_slot SET holder = NULL, instance = NULL, expires_at = NULL"
          + " WHERE slot = ? AND holder = ?";
  private static final String RENEW =
      "UPDATE export_slot SET expires_at = now() + make_interval(secs => ?)"
          + " WHERE instance = ? AND holder IS NOT NULL";
  private static final String RELEASE_ALL =
      "UPDATE export_slot SET holder = NULL, instance = NULL, expires_at = NULL WHERE instance = ?";
  private static final String HELD =
      "SELECT count(*) FROM export_slot WHERE slot < ? AND holder IS NOT NULL AND expires_at > now()";

  private final int size;
  private final AgroalDataSource dataSource;
  private final UUID instance = UUID.randomUUID();
  private final AtomicInteger heldHere = new AtomicInteger();

  /** Gives back slots whose client hung up, off the event loop that tells of it. */
  private final ExecutorService releases =
      Executors.newSingleThreadExecutor(
          r -> {
            Thread thread = new Thread(r, "export-slot-release");
            thread.setDaemon(true);
            return thread;
          });

  public ExportSlots(TechnocarteConfig config, AgroalDataSource dataSource) {
    this.size = config.api().maxConcurrentExports();
    this.dataSource = dataSource;
  }

  /** A slot for one download, or 503 when all are taken. */
  public Slot take() {
    UUID holder = UUID.randomUUID();
    Integer slot;
    try (Connection connection = dataSource.getConnection()) {
      connection.setAutoCommit(false);
      try {
        try (PreparedStatement lock = connection.prepareStatement(LOCK)) {
          lock.execute();
        }
        try (PreparedStatement take = connection.prepareStatement(TAKE)) {
          take.setObject(1, holder);
          take.setObject(2, instance);
          take.setLong(3, LEASE.toSeconds());
          take.setInt(4, size);
          try (ResultSet row = take.executeQuery()) {
            slot = row.next() ? row.getInt(1) : null;
          }
        }
        connection.commit();
      } catch (SQLException e) {
        connection.rollback();
        throw e;
      } finally {
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new SharedStateException("taking an export slot failed", e);
    }
    if (slot == null) {
      throw new ApiException(
          ProblemType.EXPORTS_BUSY,
          "Too many downloads at once",
          size + " exports are streaming; try again in a moment",
          null,
          RETRY_AFTER_SECONDS);
    }
    heldHere.incrementAndGet();
    return new Slot(slot, holder);
  }

  /** Slots free now, over every instance. */
  public int available() {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(HELD)) {
      statement.setInt(1, size);
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return Math.max(0, size - row.getInt(1));
      }
    } catch (SQLException e) {
      throw new SharedStateException("counting export slots failed", e);
    }
  }

  /** Keeps this instance's leases alive while their downloads stream. */
  @Scheduled(every = "20s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void renew() {
    if (heldHere.get() > 0) {
      SharedStateException.purge(LOG, dataSource, RENEW, LEASE.toSeconds(), instance);
    }
  }

  /**
   * A stopping instance gives its slots back at once rather than when their leases run out (on the
   * shutdown event: the pool is still open then, not any more when beans are destroyed).
   */
  void releaseAll(@Observes ShutdownEvent stopping) {
    releases.shutdown();
    SharedStateException.purge(LOG, dataSource, RELEASE_ALL, instance);
  }

  private void release(int slot, UUID holder) {
    heldHere.decrementAndGet();
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(RELEASE)) {
      statement.setInt(1, slot);
      statement.setObject(2, holder);
      statement.executeUpdate();
    } catch (SQLException e) {
      // Not lost: the lease runs out by itself.
      LOG.warnf("giving an export slot back failed (%s); its lease will run out", e.getSQLState());
    }
  }

  /** A taken slot; closing it gives it back, once, however many times it is closed. */
  public final class Slot implements AutoCloseable {
    private final int slot;
    private final UUID holder;
    private final AtomicBoolean held = new AtomicBoolean(true);

    private Slot(int slot, UUID holder) {
      this.slot = slot;
      this.holder = holder;
    }

    @Override
    public void close() {
      if (held.compareAndSet(true, false)) {
        if (Context.isOnEventLoopThread() && !releases.isShutdown()) {
          releases.execute(() -> release(slot, holder));
        } else {
          release(slot, holder);
        }
      }
    }
  }
}
