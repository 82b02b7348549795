package org.technocarte.safety;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.technocarte.sighting.SightingFixtures;

/**
 * Two instances of the packaged app (target/quarkus-app) on one database behave as one: a challenge
 * used on one is refused on the other, a bucket drained through one is drained through both, export
 * slots and login throttles are counted across both. Run by failsafe after `package`.
 */
class TwoInstancesIT {

  static final String PG_PORT = System.getenv().getOrDefault("TECHNOCARTE_PG_PORT", "55432");
  static final String JDBC_URL = "jdbc:postgresql://127.0.0.1:" + PG_PORT + "/technocarte_test";
  static final int MAX_EXPORTS = 2;
  static final int SUBMISSION_BURST = 3;

  /** Approved rows enough that a download does not fit in the sockets' buffers. */
  static final int EXPORT_ROWS = 60_000;

  /** Marks this test's rows, so that it deletes only them. */
  static final String MARK_DATE = "2001-02-03";

  static final List<Process> processes = new ArrayList<>();
  static String a;
  static String b;

  @BeforeAll
  static void startTwoInstances() throws Exception {
    Path jar = Path.of("target/quarkus-app/quarkus-run.jar");
    assertTrue(Files.exists(jar), "run after package: " + jar);
    insertApprovedRows();
    // One secret for both, new for each run: yesterday's run leaves no bucket keyed alike.
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    String shared = Base64.getEncoder().encodeToString(secret);
    int portA = freePort();
    int portB = freePort();
    processes.add(start(jar, portA, shared, "a"));
    processes.add(start(jar, portB, shared, "b"));
    a = "http://127.0.0.1:" + portA;
    b = "http://127.0.0.1:" + portB;
    awaitReady(a, processes.get(0));
    awaitReady(b, processes.get(1));
  }

  @AfterAll
  static void stop() throws Exception {
    for (Process p : processes) {
      p.destroy();
    }
    for (Process p : processes) {
      if (!p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
    try (Connection db = database();
        Statement s = db.createStatement()) {
      s.executeUpdate("DELETE FROM sighting WHERE observed_at = DATE '" + MARK_DATE + "'");
    }
  }

  @Test
  void shouldRefuseOnOneInstanceAChallengeUsedOnTheOther() {
    String proof = ProofOfWorkTest.solve(challenge(b), 4);
    submit(a, "198.51.100.101", proof).statusCode(201);

    submit(b, "198.51.100.101", proof)
        .statusCode(403)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/used-proof-of-work"));
  }

  @Test
  void shouldDrainOneBucketThroughBothInstances() {
    String address = "198.51.100.102";
    for (int i = 0; i < SUBMISSION_BURST; i++) {
      String through = i % 2 == 0 ? a : b;
      submit(through, address, ProofOfWorkTest.solve(challenge(through), 4)).statusCode(201);
    }

    RateLimitTest.assertRateLimited(submit(a, address, ProofOfWorkTest.solve(challenge(a), 4)), 1);
    RateLimitTest.assertRateLimited(submit(b, address, ProofOfWorkTest.solve(challenge(b), 4)), 1);
    // Another address still has its own bucket on either.
    submit(b, "198.51.100.103", ProofOfWorkTest.solve(challenge(b), 4)).statusCode(201);
  }

  @Test
  void shouldCountExportSlotsAcrossBothInstances() throws Exception {
    try (Socket onA = startDownload(a);
        Socket onB = startDownload(b)) {
      for (String instance : List.of(a, b)) {
        given()
            .get(instance + "/api/export/sightings.csv")
            .then()
            .statusCode(503)
            .contentType("application/problem+json")
            .header("Retry-After", "30")
            .body("type", equalTo("/problems/exports-busy"));
      }
    }
    // The clients hung up: each instance gives its slot back (the lease is only a fallback).
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    int status;
    do {
      Thread.sleep(100);
      status =
          given()
              .get(a + "/api/export/sightings.csv?bbox=0,0,0.1,0.1")
              .then()
              .extract()
              .statusCode();
    } while (status == 503 && System.nanoTime() < deadline);
    assertEquals(200, status, "the slots came back after both clients left");
    // And the downloads themselves ended: no connection still streams sightings.
    long streaming;
    do {
      Thread.sleep(100);
      streaming = streamingExports();
    } while (streaming > 0 && System.nanoTime() < deadline);
    assertEquals(0, streaming, "no download still holds a connection");
  }

  static long streamingExports() throws SQLException {
    try (Connection db = database();
        Statement s = db.createStatement();
        java.sql.ResultSet row =
            s.executeQuery(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                    + " AND pid <> pg_backend_pid() AND state <> 'idle'"
                    // A download's statement (pg_stat_activity shows its first 1 KB only).
                    + " AND query LIKE 'SELECT s.id, %'")) {
      row.next();
      return row.getLong(1);
    }
  }

  @Test
  void shouldHoldALoginThrottleTrippedThroughOneInstanceOnTheOther() {
    String account = "guess-" + UUID.randomUUID() + "@collectif.test";
    String address = "198.51.100.104";
    // Five failures (the throttle's allowance per account), spread over both instances.
    for (int i = 0; i < 5; i++) {
      login(i % 2 == 0 ? a : b, address, account).statusCode(401);
    }

    login(b, address, account).statusCode(429).contentType("application/problem+json");
    login(a, address, account).statusCode(429);
  }

  static ValidatableResponse login(String instance, String address, String account) {
    return given()
        .header("X-Forwarded-For", address)
        .contentType("application/json")
        .body(Map.of("email", account, "password", "not the password"))
        .post(instance + "/api/auth/login")
        .then();
  }

  static String challenge(String instance) {
    return given()
        .get(instance + "/api/pow/challenge")
        .then()
        .statusCode(200)
        .body("difficulty", equalTo(4))
        .extract()
        .jsonPath()
        .getString("challenge");
  }

  static ValidatableResponse submit(String instance, String address, String proof) {
    RequestSpecification request =
        given()
            .header("X-Forwarded-For", address)
            .header("X-Proof-Of-Work", proof)
            .contentType("application/geo+json")
            .body(SightingFixtures.feature(SightingFixtures.MONTPELLIER_GARE).toString());
    return request.post(instance + "/api/sightings").then();
  }

  /** A download that has begun (its status line read) and that the client then stops reading. */
  static Socket startDownload(String instance) throws IOException {
    URI uri = URI.create(instance);
    Socket socket = new Socket();
    socket.setReceiveBufferSize(4096);
    socket.connect(new java.net.InetSocketAddress(uri.getHost(), uri.getPort()));
    OutputStream out = socket.getOutputStream();
    out.write(
        ("GET /api/export/sightings.geojson HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    out.flush();
    InputStream in = socket.getInputStream();
    String first = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
    assertEquals("HTTP/1.1 200", first, "the download started on " + instance);
    return socket;
  }

  static Process start(Path jar, int port, String secret, String name) throws IOException {
    Path log = Path.of("target", "two-instances-" + name + ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-Xmx192m",
            "-jar",
            jar.toString());
    Map<String, String> env = builder.environment();
    env.putAll(settings(port, secret));
    builder.redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    return builder.start();
  }

  static Map<String, String> settings(int port, String secret) {
    Map<String, String> env = new HashMap<>();
    env.put("QUARKUS_HTTP_PORT", Integer.toString(port));
    env.put("QUARKUS_HTTP_HOST", "127.0.0.1");
    env.put("QUARKUS_DATASOURCE_JDBC_URL", JDBC_URL);
    env.put("QUARKUS_DATASOURCE_USERNAME", "technocarte");
    env.put("QUARKUS_DATASOURCE_PASSWORD", "technocarte");
    env.put("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "true");
    env.put("QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED", "true");
    env.put("TECHNOCARTE_SECRET", secret);
    env.put("TECHNOCARTE_POW_DIFFICULTY", "4");
    env.put("TECHNOCARTE_RATE_LIMIT_SUBMISSION_BURST", Integer.toString(SUBMISSION_BURST));
    env.put("TECHNOCARTE_RATE_LIMIT_SUBMISSION_PER_HOUR", "1");
    env.put("TECHNOCARTE_API_MAX_CONCURRENT_EXPORTS", Integer.toString(MAX_EXPORTS));
    env.put("TECHNOCARTE_PHOTOS_DIR", "target/two-instances-photos");
    return env;
  }

  static void awaitReady(String base, Process process) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
    while (System.nanoTime() < deadline) {
      assertTrue(process.isAlive(), "the instance at " + base + " stopped: see target/*.log");
      try {
        HttpResponse<Void> answer =
            client.send(
                HttpRequest.newBuilder(URI.create(base + "/q/health/ready")).build(),
                HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // Not listening yet.
      }
      Thread.sleep(200);
    }
    throw new AssertionError(base + " not ready after 90 s");
  }

  static void insertApprovedRows() throws SQLException {
    try (Connection db = database();
        Statement s = db.createStatement()) {
      s.executeUpdate(
          "INSERT INTO sighting (geom, surveillance_type, camera_type, status, observed_at)"
              + " SELECT ST_SetSRID(ST_MakePoint(3.87 + g * 1e-6, 43.60), 4326), 'camera',"
              + " 'fixed', 'approved', DATE '"
              + MARK_DATE
              + "' FROM generate_series(1, "
              + EXPORT_ROWS
              + ") g");
    }
  }

  static Connection database() throws SQLException {
    return DriverManager.getConnection(JDBC_URL, "technocarte", "technocarte");
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
