package org.technocarte.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The shared state does not grow: what has expired, or is of a past day, is purged. */
@QuarkusTest
class SharedStatePurgeTest {

  private final AgroalDataSource dataSource;
  private final RateLimiter limiter;
  private final ProofOfWork pow;

  SharedStatePurgeTest(AgroalDataSource dataSource, RateLimiter limiter, ProofOfWork pow) {
    this.dataSource = dataSource;
    this.limiter = limiter;
    this.pow = pow;
  }

  @BeforeEach
  void empty() throws SQLException {
    sql("DELETE FROM rate_bucket WHERE key LIKE 'purge-test-%'");
    sql("DELETE FROM used_challenge WHERE challenge LIKE 'purge-test-%'");
  }

  @Test
  void shouldDeleteBucketsFullAgainAndThoseOfPastDaysOnly() throws SQLException {
    String insert =
        "INSERT INTO rate_bucket (kind, key, day, capacity, per_second, tokens, allowed,"
            + " updated_at, full_at) VALUES ('SUBMISSION', 'purge-test-%s', %s, 60, 0.08, 10,"
            + " true, now(), %s)";
    sql(insert.formatted("full", "current_date", "now() - interval '1 second'"));
    sql(insert.formatted("yesterday", "current_date - 1", "now() + interval '1 hour'"));
    sql(insert.formatted("draining", "current_date", "now() + interval '1 hour'"));

    limiter.purge();

    assertEquals(
        List.of("purge-test-draining"),
        strings("SELECT key FROM rate_bucket WHERE key LIKE 'purge-test-%'"));
  }

  @Test
  void shouldForgetUsedChallengesOnceExpired() throws SQLException {
    sql(
        "INSERT INTO used_challenge VALUES ('purge-test-old', now() - interval '1 second'),"
            + " ('purge-test-live', now() + interval '10 minutes')");

    pow.purge();

    assertEquals(
        List.of("purge-test-live"),
        strings("SELECT challenge FROM used_challenge WHERE challenge LIKE 'purge-test-%'"));
  }

  private void sql(String statement) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(statement);
    }
  }

  private List<String> strings(String query) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery(query)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }
}
