package org.technocarte.auth;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.jboss.logging.Logger;
import org.technocarte.common.error.ApiException;
import org.technocarte.common.error.ProblemType;
import org.technocarte.safety.AddressKeys;
import org.technocarte.safety.SharedStateException;

/**
 * Slows password guessing: a few failures per account and per (hashed) address within a window,
 * then 429 until the window has passed. The failures are rows in PostgreSQL, so a guesser spread
 * over several instances meets one throttle. The account is stored as a key of the day, like the
 * address: the table names nobody, and a past day's rows cannot be tied to an account.
 *
 * <p>Each method runs in a transaction of its own: the failure of a login must be remembered
 * although the login's transaction is rolled back by its 401.
 */
@ApplicationScoped
public class LoginThrottle {

  static final int PER_ACCOUNT = 5;
  static final int PER_ADDRESS = 20;
  static final Duration WINDOW = Duration.ofMinutes(15);

  private static final Logger LOG = Logger.getLogger(LoginThrottle.class);
  private static final String ACCOUNT = "login account";

  /**
   * Seconds until fewer than the allowed failures are left in the window, for the account (1, 2, 3)
   * and the address (4, 5, 6); the window in seconds is the last parameter of each.
   */
  private static final String WAIT =
      """
      SELECT greatest(
        (SELECT extract(epoch FROM failed_at + make_interval(secs => ?) - now())
         FROM login_failure WHERE key = ? AND failed_at > now() - make_interval(secs => ?)
         ORDER BY failed_at DESC OFFSET ? LIMIT 1),
        (SELECT extract(epoch FROM failed_at + make_interval(secs => ?) - now())
         FROM login_failure WHERE key = ? AND failed_at > now() - make_interval(secs => ?)
         ORDER BY failed_at DESC OFFSET ? LIMIT 1),
        0)
      """;

  private static final String FAILED =
      "INSERT INTO login_failure (key, day, failed_at) VALUES (?, ?, now()), (?, ?, now())";
  private static final String SUCCEEDED = "DELETE FROM login_failure WHERE key = ?";
  private static final String PURGE =
      "DELETE FROM login_failure WHERE failed_at < now() - make_interval(secs => ?) OR day < ?";

  private final AddressKeys keys;
  private final AgroalDataSource dataSource;

  public LoginThrottle(AddressKeys keys, AgroalDataSource dataSource) {
    this.keys = keys;
    this.dataSource = dataSource;
  }

  @Transactional(TxType.REQUIRES_NEW)
  void check(String account, String addressKey) {
    long wait;
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(WAIT)) {
      bindWindow(statement, 1, accountKey(account).value(), PER_ACCOUNT);
      bindWindow(statement, 5, addressKey(addressKey), PER_ADDRESS);
      try (ResultSet row = statement.executeQuery()) {
        row.next();
        wait = (long) Math.ceil(row.getDouble(1));
      }
    } catch (SQLException e) {
      throw new SharedStateException("reading the login throttle failed", e);
    }
    if (wait > 0) {
      throw new ApiException(
          ProblemType.TOO_MANY_LOGINS,
          "Too many attempts",
          "Too many failed logins: try again in " + (wait / 60 + 1) + " minutes",
          null,
          wait);
    }
  }

  @Transactional(TxType.REQUIRES_NEW)
  void failed(String account, String addressKey) {
    AddressKeys.Key key = accountKey(account);
    update(FAILED, key.value(), key.day(), addressKey(addressKey), key.day());
  }

  @Transactional(TxType.REQUIRES_NEW)
  void succeeded(String account) {
    update(SUCCEEDED, accountKey(account).value());
  }

  /** Forgets failures once out of the window, and all of a past day's. */
  @Scheduled(every = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void purge() {
    SharedStateException.purge(
        LOG, dataSource, PURGE, WINDOW.toSeconds(), LocalDate.now(ZoneOffset.UTC));
  }

  private AddressKeys.Key accountKey(String account) {
    return keys.of(ACCOUNT, account);
  }

  /** Apart from account keys even if a caller passed something else than an address key. */
  private static String addressKey(String addressKey) {
    return "address:" + addressKey;
  }

  private static void bindWindow(PreparedStatement statement, int at, String key, int allowed)
      throws SQLException {
    statement.setLong(at, WINDOW.toSeconds());
    statement.setString(at + 1, key);
    statement.setLong(at + 2, WINDOW.toSeconds());
    statement.setInt(at + 3, allowed - 1);
  }

  private void update(String sql, Object... params) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new SharedStateException("writing the login throttle failed", e);
    }
  }
}
