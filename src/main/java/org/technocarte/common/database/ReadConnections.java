package org.technocarte.common.database;

import io.agroal.api.AgroalDataSource;
import io.quarkus.arc.InjectableInstance;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Where public reads get their connection: the read replica when one is configured and answers,
 * else the primary. Public reads are those of approved data, which may lag the primary by the
 * replication delay (the map, nearby cameras, exports, OGC items, tiles, statistics, cities);
 * writes and every read that must see its own write (edit-token reads, moderation, groups, login)
 * use the primary and never come here.
 *
 * <p>When the replica fails (no connection, or the connection lost during a read), the read runs
 * again on the primary and the replica is left alone for {@link ReadReplicaConfig#retryAfter()}: a
 * small circuit breaker, so a dead replica costs neither a failed request nor a connection attempt
 * on every request. A read that streams must therefore be written so that running it again goes on
 * where it stopped (see sighting.ApprovedSightings.stream).
 */
@ApplicationScoped
public class ReadConnections {

  private static final Logger LOG = Logger.getLogger(ReadConnections.class);

  /** The replica is up: no breaker time is set. */
  private static final long UP = Long.MIN_VALUE;

  /**
   * SQL states of a connection lost or refused: class 08, and the server shutting down or starting
   * (57P01 admin shutdown, 57P02 crash shutdown, 57P03 cannot connect now).
   */
  private static final Set<String> SERVER_GONE = Set.of("57P01", "57P02", "57P03");

  /**
   * A standby cancels a query whose rows the primary's vacuum removed (conflict with recovery): the
   * primary answers it, and the replica stays in use.
   */
  private static final String RECOVERY_CONFLICT = "40001";

  /** A read on one connection; it may run a second time, on the primary. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  private final AgroalDataSource primary;
  private final AgroalDataSource replica;
  private final long retryAfterNanos;
  private final AtomicLong downUntil = new AtomicLong(UP);

  public ReadConnections(
      AgroalDataSource primary,
      @io.quarkus.agroal.DataSource("read") InjectableInstance<AgroalDataSource> replica,
      ReadReplicaConfig config) {
    this.primary = primary;
    // Without quarkus.datasource.read.jdbc.url the named datasource is inactive.
    this.replica =
        replica.isResolvable() && replica.getHandle().getBean().isActive() ? replica.get() : null;
    this.retryAfterNanos = config.retryAfter().toNanos();
    if (this.replica != null) {
      LOG.info("Public reads use the read replica (datasource \"read\")");
    }
  }

  /** Runs a public read on the replica, or on the primary when there is none or it fails. */
  public <T> T read(Work<T> work) throws SQLException {
    Route route = route();
    if (route != Route.PRIMARY) {
      Connection connection;
      try {
        connection = replica.getConnection();
      } catch (SQLException e) {
        // Refused or lost: the replica is down. Otherwise its pool is only busy (every connection
        // in use past the acquisition timeout): this read spills over to the primary, the others
        // keep the replica.
        if (serverGone(e)) {
          trip(e);
        }
        return onPrimary(work);
      }
      try (connection) {
        T result = run(connection, work);
        if (route == Route.PROBE) {
          downUntil.set(UP);
          LOG.info("Read replica answers again: public reads use it");
        }
        return result;
      } catch (SQLException e) {
        if (serverGone(e)) {
          trip(e);
        } else if (!RECOVERY_CONFLICT.equals(e.getSQLState())) {
          throw e;
        }
      }
    }
    return onPrimary(work);
  }

  /** Whether a replica is configured (else every read is on the primary). */
  public boolean replicaConfigured() {
    return replica != null;
  }

  /** Whether public reads currently go to the replica. */
  public boolean replicaInUse() {
    return replica != null && downUntil.get() == UP;
  }

  private <T> T onPrimary(Work<T> work) throws SQLException {
    try (Connection connection = primary.getConnection()) {
      return run(connection, work);
    }
  }

  /**
   * Runs {@code work}; when an Error (not the database's answer, nor the app's own exception) stops
   * it, the connection is discarded rather than given back: an Error may strike inside the driver's
   * read of the socket (direct buffer memory used up, for one) and leave half a message of the
   * protocol unread. Given back, the connection would hand that rest to its next user ("Multiple
   * ResultSets were returned by the query"), and the pool's per-thread cache would give it to the
   * same worker thread request after request. An exception of the app's (a client gone in the
   * middle of a download) leaves the protocol whole: the statement is closed as usual.
   */
  private static <T> T run(Connection connection, Work<T> work) throws SQLException {
    try {
      return work.run(connection);
    } catch (Error e) {
      discard(connection, e);
      throw e;
    }
  }

  /**
   * Closes the driver's connection under the pool's wrapper, then asks it for something: the driver
   * answers SQL state 08003 (connection closed), which the pool's exception sorter for PostgreSQL
   * takes as fatal, so that the wrapper's close destroys the connection instead of pooling it and
   * the pool opens a new one when needed. (The wrapper's own {@code abort} would drop the wrapper
   * without ever giving the connection back: a leak.)
   */
  static void discard(Connection connection, Throwable cause) {
    try {
      connection.unwrap(Connection.class).abort(Runnable::run);
      connection.getAutoCommit();
    } catch (SQLException expected) {
      // The closed connection's answer: the pool has marked it.
    } catch (RuntimeException e) {
      cause.addSuppressed(e);
    }
  }

  /**
   * Validates every idle connection of both pools and destroys those that fail, in the background:
   * after an Error in a request that held a connection this class did not lend (Hibernate's, in a
   * transaction), that connection may be back in the pool with half a message unread.
   */
  public void sweep() {
    primary.flush(AgroalDataSource.FlushMode.INVALID);
    if (replica != null) {
      replica.flush(AgroalDataSource.FlushMode.INVALID);
    }
  }

  private enum Route {
    REPLICA,
    /** The replica's pause is over: this read tries it again for all the others. */
    PROBE,
    PRIMARY
  }

  /**
   * The replica when it is up; when its pause is over, one read tries it again while the others
   * stay on the primary until that try answers.
   */
  private Route route() {
    if (replica == null) {
      return Route.PRIMARY;
    }
    long until = downUntil.get();
    if (until == UP) {
      return Route.REPLICA;
    }
    long now = System.nanoTime();
    return now - until >= 0 && downUntil.compareAndSet(until, now + retryAfterNanos)
        ? Route.PROBE
        : Route.PRIMARY;
  }

  private void trip(SQLException e) {
    long previous = downUntil.getAndSet(System.nanoTime() + retryAfterNanos);
    // The pooled connections died with the replica: the next try must open a fresh one rather
    // than fail again on an old one (those in use are closed when given back).
    replica.flush(AgroalDataSource.FlushMode.GRACEFUL);
    if (previous == UP) {
      // One line per outage, no stack trace: an expected kind of failure.
      LOG.warnf(
          "Read replica unavailable (SQL state %s): public reads go to the primary, the replica"
              + " is tried again every %d s",
          e.getSQLState(), retryAfterNanos / 1_000_000_000L);
    }
  }

  /**
   * Whether the failure says the server or the connection is gone, rather than the query failed.
   */
  static boolean serverGone(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLTransientConnectionException
          || t instanceof SQLNonTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        if (state.startsWith("08") || SERVER_GONE.contains(state)) {
          return true;
        }
      }
    }
    return false;
  }
}
