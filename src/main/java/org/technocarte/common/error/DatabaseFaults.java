package org.technocarte.common.error;

import java.net.ConnectException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Tells the database's expected faults (down, pool exhausted, a statement over its time limit) from
 * bugs. They reach the mapper wrapped (Hibernate's PersistenceException, the export's IOException,
 * CDI's wrappers, the transaction manager's suppressed ones), so the whole cause chain is read,
 * with each SQLException's SQLState.
 */
public final class DatabaseFaults {

  /** A fault of the database: what the client is told, and when to try again. */
  public enum Kind {
    UNAVAILABLE(
        ProblemType.DATABASE_UNAVAILABLE,
        "The database cannot be reached; try again in a moment",
        5),
    BUSY(
        ProblemType.DATABASE_BUSY, "Every database connection is in use; try again in a moment", 2),
    STATEMENT_TIMEOUT(
        ProblemType.STATEMENT_TIMEOUT,
        "The database did not answer in time; try again in a moment",
        5);

    private final ProblemType type;
    private final String detail;
    private final long retryAfterSeconds;

    Kind(ProblemType type, String detail, long retryAfterSeconds) {
      this.type = type;
      this.detail = detail;
      this.retryAfterSeconds = retryAfterSeconds;
    }

    public String code() {
      return type.code();
    }

    public long retryAfterSeconds() {
      return retryAfterSeconds;
    }
  }

  /**
   * A classified fault and, for the log, its cause in one line (SQLState and the first line of the
   * driver's message: never the statement nor its values).
   */
  public record Fault(Kind kind, String cause) {

    public ApiException toApiException() {
      return new ApiException(kind.type, null, kind.detail, null, kind.retryAfterSeconds);
    }

    /**
     * The one log line of this fault. Once the head of the answer has left (a download streaming),
     * no 503 can be sent: the mapper cuts the connection ({@link StartedAnswer#cut}) and the client
     * sees a cut file.
     */
    public String logLine() {
      return StartedAnswer.headSent()
          ? "Answer cut short (/problems/" + kind.code() + " after its head was sent): " + cause
          : "Answered 503 /problems/" + kind.code() + ": " + cause;
    }
  }

  // Agroal's messages; its SQLExceptions carry no SQLState.
  private static final String POOL_EXHAUSTED = "acquisition timeout";
  private static final String NO_NEW_CONNECTION = "waiting for new connection";

  private DatabaseFaults() {}

  /** The expected database fault behind {@code failure}, or empty for anything else. */
  public static Optional<Fault> classify(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Throwable> next = new ArrayDeque<>(List.of(failure));
    while (!next.isEmpty()) {
      Throwable t = next.pop();
      if (!seen.add(t)) {
        continue; // a cause chain that loops
      }
      if (t instanceof SQLException sql) {
        Kind kind = kindOf(sql);
        if (kind != null) {
          return Optional.of(new Fault(kind, describe(sql)));
        }
        if (sql.getNextException() != null) {
          next.push(sql.getNextException());
        }
      } else if (t instanceof ConnectException) {
        return Optional.of(new Fault(Kind.UNAVAILABLE, describe(t)));
      }
      if (t.getCause() != null) {
        next.push(t.getCause());
      }
      // The transaction manager attaches what failed during commit (the flush) as suppressed.
      for (Throwable suppressed : t.getSuppressed()) {
        next.push(suppressed);
      }
    }
    return Optional.empty();
  }

  private static Kind kindOf(SQLException e) {
    String state = e.getSQLState();
    if (state == null) {
      String message = e.getMessage() == null ? "" : e.getMessage().toLowerCase();
      if (message.contains(NO_NEW_CONNECTION)) {
        return Kind.UNAVAILABLE;
      }
      return message.contains(POOL_EXHAUSTED) ? Kind.BUSY : null;
    }
    if (state.startsWith("08")) {
      return Kind.UNAVAILABLE; // connection exception
    }
    return switch (state) {
      case "57P01", "57P02", "57P03" -> Kind.UNAVAILABLE; // shutdown, crash, cannot connect now
      case "53300" -> Kind.BUSY; // too many connections
      case "57014", "55P03" -> Kind.STATEMENT_TIMEOUT; // query canceled, lock not available
      default -> null;
    };
  }

  private static String describe(Throwable e) {
    String message = e.getMessage() == null ? "" : e.getMessage().strip();
    int newline = message.indexOf('\n');
    String firstLine = newline < 0 ? message : message.substring(0, newline);
    String state =
        e instanceof SQLException sql && sql.getSQLState() != null
            ? "SQLState " + sql.getSQLState() + ", "
            : "";
    return state + e.getClass().getSimpleName() + ": " + firstLine;
  }
}
