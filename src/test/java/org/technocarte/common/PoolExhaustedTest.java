package org.technocarte.common;

import static org.technocarte.common.DatabaseFaultsTestSupport.assertFault;
import static org.technocarte.common.DatabaseFaultsTestSupport.assertOneLineEach;
import static org.technocarte.common.DatabaseFaultsTestSupport.readTheMap;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.AgroalConnectionPoolConfiguration;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every pooled connection taken (a crowd, slow statements): requests wait the acquisition timeout,
 * then answer 503. The pool is shrunk while the test runs, rather than in a profile of its own, as
 * a whole application start under a half-second acquisition timeout is itself unreliable here.
 */
@QuarkusTest
class PoolExhaustedTest {

  static final int POOL = 2;

  @Inject AgroalDataSource pool;

  @Test
  void shouldAnswer503WhenNoConnectionIsFree() throws Exception {
    readTheMap().statusCode(200);
    AgroalConnectionPoolConfiguration config =
        pool.getConfiguration().connectionPoolConfiguration();
    int maxSize = config.maxSize();
    Duration acquisitionTimeout = config.acquisitionTimeout();
    List<Connection> held = new ArrayList<>();
    AppLog log;
    try {
      config.setMaxSize(POOL);
      config.setAcquisitionTimeout(Duration.ofMillis(500));
      pool.flush(AgroalDataSource.FlushMode.IDLE);
      for (int i = 0; i < POOL; i++) {
        held.add(pool.getConnection());
      }
      log = AppLog.mark();
      assertFault(readTheMap(), "database-busy");
      assertFault(readTheMap(), "database-busy");
    } finally {
      for (Connection connection : held) {
        connection.close();
      }
      config.setAcquisitionTimeout(acquisitionTimeout);
      config.setMaxSize(maxSize);
    }
    assertOneLineEach(log, "database-busy", 2);
    readTheMap().statusCode(200);
  }
}
