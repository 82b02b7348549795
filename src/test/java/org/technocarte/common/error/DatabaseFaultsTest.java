package org.technocarte.common.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.util.Optional;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

/** The SQLStates and wrappers that the database's faults arrive in, and what is not one. */
class DatabaseFaultsTest {

  private static DatabaseFaults.Kind kindOf(Throwable failure) {
    return DatabaseFaults.classify(failure).map(DatabaseFaults.Fault::kind).orElse(null);
  }

  private static SQLException state(String sqlState) {
    return new SQLException("server said no", sqlState);
  }

  @Test
  void shouldTellEachKindByItsSqlState() {
    assertEquals(DatabaseFaults.Kind.UNAVAILABLE, kindOf(state("08001")));
    assertEquals(DatabaseFaults.Kind.UNAVAILABLE, kindOf(state("08006")));
    assertEquals(DatabaseFaults.Kind.UNAVAILABLE, kindOf(state("57P01")));
    assertEquals(DatabaseFaults.Kind.UNAVAILABLE, kindOf(state("57P02")));
    assertEquals(DatabaseFaults.Kind.UNAVAILABLE, kindOf(state("57P03")));
    assertEquals(DatabaseFaults.Kind.BUSY, kindOf(state("53300")));
    assertEquals(DatabaseFaults.Kind.STATEMENT_TIMEOUT, kindOf(state("57014")));
    assertEquals(DatabaseFaults.Kind.STATEMENT_TIMEOUT, kindOf(state("55P03")));
  }

  @Test
  void shouldTellThePoolsOwnTimeouts() {
    assertEquals(DatabaseFaults.Kind.BUSY, kindOf(new SQLException("Sorry, acquisition timeout!")));
    assertEquals(
        DatabaseFaults.Kind.UNAVAILABLE,
        kindOf(new SQLException("Acquisition timeout while waiting for new connection")));
    assertEquals(
        DatabaseFaults.Kind.UNAVAILABLE, kindOf(new ConnectException("Connection refused")));
  }

  @Test
  void shouldFindTheFaultThroughItsWrappers() {
    Throwable hibernate = new PersistenceException("could not execute query", state("57014"));
    assertEquals(DatabaseFaults.Kind.STATEMENT_TIMEOUT, kindOf(new RuntimeException(hibernate)));
    Throwable export =
        new UncheckedIOException(new IOException("reading sightings failed", state("08006")));
    assertEquals(DatabaseFaults.Kind.UNAVAILABLE, kindOf(export));
    SQLException batch = state("22000");
    batch.setNextException(state("57P01"));
    assertEquals(DatabaseFaults.Kind.UNAVAILABLE, kindOf(batch));
    // What the transaction manager throws when the connection is cut at commit: the cause is
    // only in a suppressed exception.
    RollbackException rollback =
        new RollbackException("ARJUNA016053: Could not commit transaction.");
    XAException commit = new XAException("Error trying to transactionCommit local transaction");
    commit.initCause(state("57P01"));
    rollback.addSuppressed(commit);
    assertEquals(DatabaseFaults.Kind.UNAVAILABLE, kindOf(new RuntimeException(rollback)));
  }

  @Test
  void shouldLeaveBugsAndRefusalsOfTheDataToTheGeneralCase() {
    for (String sqlState : new String[] {"23505", "22P02", "42P01", "40001", "40P01", "XX000"}) {
      assertEquals(Optional.empty(), DatabaseFaults.classify(state(sqlState)), sqlState);
    }
    assertEquals(Optional.empty(), DatabaseFaults.classify(new IllegalStateException("bug")));
    RuntimeException loop = new RuntimeException("loop");
    RuntimeException other = new RuntimeException("other", loop);
    loop.initCause(other);
    assertEquals(Optional.empty(), DatabaseFaults.classify(loop));
  }

  @Test
  void shouldLogOneLineWithTheSqlStateAndNoStatement() {
    SQLException timeout =
        new SQLException(
            "ERROR: canceling statement due to statement timeout\n  Where: SQL statement \"SELECT"
                + " secret\"",
            "57014");
    String line = DatabaseFaults.classify(new PersistenceException(timeout)).get().logLine();
    assertEquals(
        "Answered 503 /problems/statement-timeout: SQLState 57014, SQLException: ERROR: canceling"
            + " statement due to statement timeout",
        line);
    assertTrue(!line.contains("secret") && !line.contains("\n"), line);
    ApiException answer = DatabaseFaults.classify(timeout).get().toApiException();
    assertEquals(503, answer.status());
    assertEquals(5L, answer.retryAfterSeconds());
    assertEquals("/problems/statement-timeout", answer.toProblem().type());
  }
}
