package org.technocarte.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.technocarte.common.DatabaseFaultsTestSupport.assertFault;
import static org.technocarte.common.DatabaseFaultsTestSupport.assertOneLineEach;
import static org.technocarte.common.DatabaseFaultsTestSupport.readTheMap;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The database is down (here: nothing listens on its port). The app still starts, says it is not
 * ready without saying why to the public, and answers 503 problem+json with Retry-After.
 */
@QuarkusTest
@TestProfile(DatabaseUnreachableTest.NoDatabase.class)
class DatabaseUnreachableTest {

  /** A loopback port that was free a moment ago, so that connecting to it is refused. */
  static final int CLOSED_PORT = closedPort();

  public static class NoDatabase implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.datasource.jdbc.url",
          "jdbc:postgresql://127.0.0.1:" + CLOSED_PORT + "/technocarte_test",
          // What needs the database at start is off, as in a start during an outage.
          "quarkus.flyway.migrate-at-start",
          "false",
          "quarkus.hibernate-orm.schema-management.strategy",
          "none",
          "technocarte.admin-email",
          "");
    }
  }

  @Test
  void shouldSayNotReadyWithoutAddressNorExceptionText() {
    String body =
        given()
            .get("/q/health/ready")
            .then()
            .statusCode(503)
            .body("status", equalTo("DOWN"))
            .body("checks", hasSize(1))
            .body("checks[0].name", equalTo("database"))
            .body("checks[0].status", equalTo("DOWN"))
            .body("checks[0].data", nullValue())
            .extract()
            .asString();
    for (String secret :
        List.of("127.0.0.1", Integer.toString(CLOSED_PORT), "refused", "Exception", "version")) {
      assertFalse(body.contains(secret), "the readiness answer shows " + secret + ": " + body);
    }
    given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
  }

  @Test
  void shouldAnswerPublicReadsWith503AndLogOneLineEach() throws IOException {
    AppLog log = AppLog.mark();
    assertFault(readTheMap(), "database-unavailable");
    assertFault(given().get("/api/sightings/1").then(), "database-unavailable");
    assertFault(given().get("/api/export/sightings.geojson").then(), "database-unavailable");
    assertOneLineEach(log, "database-unavailable", 3);
  }

  private static int closedPort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
