package org.technocarte.common.database;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/**
 * A read that fails on anything but the database's answer (here an OutOfMemoryError, as when direct
 * buffer memory runs out while the socket is read) leaves its connection out of the pool: the next
 * read of the same thread gets another server process, not a connection that may hold half a
 * message of the protocol. A read that PostgreSQL itself refuses keeps its connection.
 */
@QuarkusTest
class BrokenReadTest {

  @Inject ReadConnections reads;

  private int backend() throws SQLException {
    return reads.read(BrokenReadTest::pid);
  }

  private static int pid(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery("SELECT pg_backend_pid()")) {
      row.next();
      return row.getInt(1);
    }
  }

  @Test
  void aReadCutShortByAnErrorIsNotGivenBackToThePool() throws SQLException {
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
    assertEquals(0, cut.getSuppressed().length, "the connection was aborted cleanly");
    for (int i = 0; i < 5; i++) {
      assertNotEquals(used[0], backend(), "the broken connection came back from the pool");
    }
  }

  @Test
  void aReadRefusedByPostgresqlKeepsItsConnection() throws SQLException {
    int before = backend();
    assertThrows(
        SQLException.class,
        () ->
            reads.read(
                connection -> {
                  try (Statement statement = connection.createStatement()) {
                    return statement.executeQuery("SELECT 1 / 0");
                  }
                }));
    assertEquals(before, backend(), "the pool's per-thread cache gives the same connection again");
  }
}
