package org.technocarte.safety;

import io.agroal.api.AgroalDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import org.jboss.logging.Logger;

/**
 * The state that instances share (rate limits, used challenges, login throttles, export slots)
 * could not be read or written: the database is out of reach. The SQLException is its cause, for
 * the error seam to answer 503.
 */
public class SharedStateException extends RuntimeException {

  public SharedStateException(String message, SQLException cause) {
    super(message, cause);
  }

  /**
   * Runs one purge statement; a failure is one log line (the next run tries again), never a stack
   * trace from the scheduler.
   */
  public static void purge(Logger log, AgroalDataSource dataSource, String sql, Object... params) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      int deleted = statement.executeUpdate();
      log.debugf("purged %d expired rows", deleted);
    } catch (SQLException e) {
      log.warnf("purge of expired shared state failed, will try again: %s", e.getSQLState());
    }
  }
}
