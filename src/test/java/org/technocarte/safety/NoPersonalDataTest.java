package org.technocarte.safety;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.Test;
import org.technocarte.sighting.SightingFixtures;

/**
 * Nothing that identifies a contributor is kept: after requests that carry an address, a User-Agent
 * and X-Forwarded-For, none of them is in the app's log or in the database.
 */
@QuarkusTest
class NoPersonalDataTest {

  private static final Logger LOG = Logger.getLogger(NoPersonalDataTest.class);
  private static final String USER_AGENT =
      "Mozilla/5.0 (TechnocarteProbe " + UUID.randomUUID() + ")";
  private static final String FORWARDED_FOR = "203.0.113.177";

  @Inject EntityManager em;
  @Inject SightingFixtures sightings;

  private RequestSpecification asAWalker() {
    return given().header("User-Agent", USER_AGENT).header("X-Forwarded-For", FORWARDED_FOR);
  }

  @Test
  void shouldKeepNoAddressNorUserAgentInTheLog() throws IOException {
    Path log = Path.of(ConfigProvider.getConfig().getValue("quarkus.log.file.path", String.class));
    assertTrue(Files.exists(log), "the test run writes the app log to " + log);
    long before = Files.size(log);

    String body = SightingFixtures.feature(SightingFixtures.MONTPELLIER_COMEDIE).toString();
    asAWalker()
        .contentType("application/geo+json")
        .body(body)
        .post("/api/sightings")
        .then()
        .statusCode(201);
    asAWalker()
        .contentType("application/geo+json")
        .body("{")
        .post("/api/sightings")
        .then()
        .statusCode(400);
    asAWalker().contentType("text/plain").body("x").post("/api/sightings").then().statusCode(415);
    asAWalker().get("/api/sightings/999999999").then().statusCode(404);
    asAWalker().delete("/api/sightings/1").then().statusCode(405);
    asAWalker().post("/api/sightings/999999999/confirmations").then().statusCode(404);
    asAWalker()
        .contentType("image/jpeg")
        .body(new byte[] {1, 2, 3})
        .post("/api/sightings/1/photos")
        .then()
        .statusCode(404);
    asAWalker().get("/").then().statusCode(200);
    asAWalker().get("/no/such/page").then().statusCode(404);
    // Proves that what the app logs reaches the file this test reads.
    String marker = "log-capture-check " + UUID.randomUUID();
    LOG.warn(marker);

    String written = tail(log, before);
    assertTrue(written.contains(marker), "the log file receives the app's log lines");
    for (String personal :
        List.of(
            USER_AGENT,
            "TechnocarteProbe",
            FORWARDED_FOR,
            "127.0.0.1",
            "0:0:0:0:0:0:0:1",
            "::1",
            "localhost")) {
      assertFalse(written.contains(personal), "the log names " + personal + ":\n" + written);
    }
  }

  @Test
  void shouldKeepNoAddressNorUserAgentInTheDatabase() {
    String body =
        SightingFixtures.withClientId(
                SightingFixtures.feature(SightingFixtures.PARIS_REPUBLIQUE), UUID.randomUUID())
            .toString();
    long id =
        asAWalker()
            .contentType("application/geo+json")
            .body(body)
            .post("/api/sightings")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");

    String row = sightings.rowAsText(id);
    assertFalse(
        row.contains(FORWARDED_FOR)
            || row.contains("127.0.0.1")
            || row.contains("TechnocarteProbe"),
        row);
    @SuppressWarnings("unchecked")
    List<String> suspicious =
        em.createNativeQuery(
                "SELECT table_name || '.' || column_name FROM information_schema.columns"
                    + " WHERE table_schema = 'public' AND (column_name ~* '(^|_)(ip|addr|address|agent|user_agent|ua)($|_)'"
                    + " OR data_type IN ('inet', 'cidr', 'macaddr'))")
            .getResultList();
    assertTrue(suspicious.isEmpty(), "columns that could hold an address: " + suspicious);
  }

  private static String tail(Path file, long from) throws IOException {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      in.seek(from);
      byte[] bytes = new byte[(int) (in.length() - from)];
      in.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }
}
