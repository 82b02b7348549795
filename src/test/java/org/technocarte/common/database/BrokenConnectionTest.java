package org.technocarte.common.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * A connection that may hold half a message of the protocol never serves another request. A public
 * read stopped by an Error (as when direct buffer memory runs out while the driver reads the
 * socket) destroys its connection, without leaking it from the pool; a connection given back by
 * some other path is swept out by {@link ReadConnections#sweep()}; a read that PostgreSQL itself
 * refuses keeps its connection.
 */
@QuarkusTest
class BrokenConnectionTest {

  @Inject ReadConnections reads;

  @Inject AgroalDataSource primary;

  private static int pid(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
      row.next();
      return row.getInt(1);
    }
  }

  private boolean backendAlive(int pid) throws SQLException {
    try (Connection connection = primary.getConnection();
        PreparedStatement statement =
            connection.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE pid = ?")) {
      statement.setInt(1, pid);
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        return row.getInt(1) > 0;
      }
    }
  }

  private int failingRead() {
    int[] used = new int[1];
    OutOfMemoryError cut =
        assertThrows(
            OutOfMemoryError.class,
            () ->
                reads.read(
                    connection -> {
                      used[0] = pid(connection);
                      throw new OutOfMemoryError("Cannot reserve 65536 bytes of direct memory");
                    }));
    assertEquals(0, cut.getSuppressed().length, "the connection was discarded cleanly");
    return used[0];
  }

  @Test
  void aReadStoppedByAnErrorDestroysItsConnection() throws Exception {
    int broken = failingRead();
    for (int i = 0; i < 5; i++) {
      assertNotEquals(broken, reads.read(BrokenConnectionTest::pid), "the broken one came back");
    }
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (backendAlive(broken) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertTrue(!backendAlive(broken), "the broken connection's server process is gone");
  }

  @Test
  void discardedConnectionsAreNotLeaked() throws SQLException {
    // More failures than the pool has connections (16): a leaked connection per failure would
    // leave none for the read after them.
    for (int i = 0; i < 20; i++) {
      failingRead();
    }
    assertTrue(reads.read(BrokenConnectionTest::pid) > 0);
  }

  @Test
  void aReadRefusedByPostgresqlKeepsItsConnection() throws SQLException {
    int before = reads.read(BrokenConnectionTest::pid);
    assertThrows(
        SQLException.class,
        () ->
            reads.read(
                connection -> {
                  try (Statement statement = connection.createStatement()) {
                    return statement.executeQuery("SELECT 1 / 0");
                  }
                }));
    assertEquals(
        before,
        reads.read(BrokenConnectionTest::pid),
        "the pool's per-thread cache gives the same connection again");
  }

  @Test
  void aSweepDropsABrokenConnectionGivenBackToThePool() throws Exception {
    long flushedBefore = primary.getMetrics().flushCount();
    int broken;
    // Its server process ended behind the driver's back (as half a message left unread, nothing
    // the pool sees when it is given back): it sits idle in the pool and in this thread's cache.
    try (Connection victim = primary.getConnection()) {
      broken = pid(victim);
      try (Connection other = primary.getConnection();
          PreparedStatement end = other.prepareStatement("SELECT pg_terminate_backend(?)")) {
        end.setInt(1, broken);
        end.execute();
      }
      long deadline = System.nanoTime() + 10_000_000_000L;
      while (backendAlive(broken) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
    }
    reads.sweep();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (primary.getMetrics().flushCount() == flushedBefore && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertTrue(primary.getMetrics().flushCount() > flushedBefore, "the sweep destroyed it");
    try (Connection connection = primary.getConnection()) {
      assertNotEquals(broken, pid(connection), "this thread's next connection works");
    }
  }
}
