package org.technocarte.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.technocarte.common.DatabaseFaultsTestSupport.assertFault;
import static org.technocarte.common.DatabaseFaultsTestSupport.assertOneLineEach;
import static org.technocarte.common.DatabaseFaultsTestSupport.ownConnection;
import static org.technocarte.common.DatabaseFaultsTestSupport.readTheMap;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A table locked by someone else (a migration, an operator's maintenance): the statements waiting
 * for it are cancelled at the statement timeout and the requests answered 503, never left hanging.
 */
@QuarkusTest
@TestProfile(StatementTimeoutTest.ShortTimeout.class)
class StatementTimeoutTest {

  public static class ShortTimeout implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "technocarte.database.statement-timeout", "PT0.5S",
          "technocarte.database.export-statement-timeout", "PT30S");
    }
  }

  @Inject AgroalDataSource pool;

  @Test
  void shouldLimitStatementsOnEveryPooledConnectionIncludingThoseFlywayUsed() throws Exception {
    List<Connection> held = new ArrayList<>();
    try {
      for (int i = 0; i < 4; i++) {
        Connection connection = pool.getConnection();
        held.add(connection);
        try (Statement show = connection.createStatement();
            ResultSet limit = show.executeQuery("SHOW statement_timeout")) {
          limit.next();
          assertEquals("500ms", limit.getString(1), "connection " + i + " of the pool");
        }
      }
    } finally {
      for (Connection connection : held) {
        connection.close();
      }
    }
  }

  @Test
  void shouldAnswer503WhenAStatementWaitsPastItsLimit() throws Exception {
    readTheMap().statusCode(200);
    AppLog log = AppLog.mark();
    try (Connection locker = ownConnection()) {
      locker.setAutoCommit(false);
      try (Statement lock = locker.createStatement()) {
        lock.execute("LOCK TABLE sighting IN ACCESS EXCLUSIVE MODE");
        assertFault(readTheMap(), "statement-timeout");
        assertFault(given().get("/api/sightings/1").then(), "statement-timeout");
      } finally {
        locker.rollback();
      }
    }
    assertOneLineEach(log, "statement-timeout", 2);
    readTheMap().statusCode(200);
  }

  @Test
  void shouldAnswer503WhenAnExportWaitsForALockPastTheStatementLimit() throws Exception {
    AppLog log = AppLog.mark();
    try (Connection locker = ownConnection()) {
      locker.setAutoCommit(false);
      try (Statement lock = locker.createStatement()) {
        lock.execute("LOCK TABLE sighting IN ACCESS EXCLUSIVE MODE");
        // The export's longer limit is for reading many rows, not for waiting on a lock.
        assertFault(given().get("/api/export/sightings.csv").then(), "statement-timeout");
      } finally {
        locker.rollback();
      }
    }
    assertOneLineEach(log, "statement-timeout", 1);
    given().get("/api/export/sightings.csv").then().statusCode(200);
  }
}
