package org.technocarte.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.technocarte.common.DatabaseFaultsTestSupport.ownConnection;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The database fails in the middle of a download, when the 200 and the first rows have left: the
 * connection just ends (the file is visibly cut: no last chunk), with one log line; no error page
 * is appended to the file.
 */
@QuarkusTest
class ExportCutShortTest {

  /** Enough rows that the download outlasts the socket buffers while the client does not read. */
  private static final int ROWS = 20_000;

  @TestHTTPResource("/")
  URL app;

  private long firstInserted;

  @BeforeEach
  void manyApprovedSightings() throws Exception {
    try (Connection db = ownConnection();
        Statement sql = db.createStatement()) {
      try (ResultSet max = sql.executeQuery("SELECT coalesce(max(id), 0) FROM sighting")) {
        max.next();
        firstInserted = max.getLong(1) + 1;
      }
      sql.execute(
          "INSERT INTO sighting (geom, surveillance_type, status, notes) SELECT"
              + " ST_SetSRID(ST_MakePoint(3.87 + g * 1e-6, 43.6), 4326), 'camera', 'approved',"
              + " repeat('a long note ', 40) FROM generate_series(1, "
              + ROWS
              + ") g");
    }
  }

  @AfterEach
  void removeThem() throws Exception {
    try (Connection db = ownConnection();
        Statement sql = db.createStatement()) {
      sql.execute("DELETE FROM sighting WHERE id >= " + firstInserted);
    }
  }

  @Test
  void shouldEndTheConnectionWhenTheDatabaseFailsMidStream() throws Exception {
    AppLog log = AppLog.mark();
    try (Socket socket = new Socket()) {
      socket.setReceiveBufferSize(4096);
      socket.connect(new java.net.InetSocketAddress(app.getHost(), app.getPort()));
      socket.setSoTimeout(60_000);
      OutputStream request = socket.getOutputStream();
      request.write(
          ("GET /api/export/sightings.geojson HTTP/1.1\r\nHost: localhost\r\n"
                  + "Connection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      request.flush();
      InputStream answer = socket.getInputStream();
      ByteArrayOutputStream received = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      while (received.size() < 32_768) {
        int n = answer.read(buffer);
        assertTrue(n > 0, "the download starts");
        received.write(buffer, 0, n);
      }
      assertEquals(1, terminateTheExportsBackend(), "the export's backend is found and ended");
      for (int n; (n = answer.read(buffer)) > 0; ) {
        received.write(buffer, 0, n);
      }
      String text = received.toString(StandardCharsets.UTF_8);
      assertTrue(text.startsWith("HTTP/1.1 200"), text.substring(0, 200));
      assertTrue(text.contains("transfer-encoding: chunked"), "streamed in chunks");
      assertFalse(text.endsWith("0\r\n\r\n"), "no last chunk: the client sees the file is cut");
      assertFalse(text.contains("/problems/"), "no problem document appended");
      assertFalse(text.contains("\"type\":\"FeatureCollection\"}"), "the file is not complete");
    }
    List<String> lines = awaitLogLine(log);
    String all = String.join("\n", lines);
    long warnings =
        lines.stream().filter(l -> l.contains(" WARN ") || l.contains(" ERROR ")).count();
    assertEquals(1, warnings, "one line for the cut download:\n" + all);
    assertTrue(all.contains("Answer cut short (/problems/database-unavailable"), all);
    assertFalse(all.contains("\tat "), "no stack trace:\n" + all);
  }

  private static int terminateTheExportsBackend() throws Exception {
    try (Connection db = ownConnection();
        Statement sql = db.createStatement();
        ResultSet ended =
            sql.executeQuery(
                "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid)) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND pid <> pg_backend_pid()"
                    // The export's statement, as pg_stat_activity shows it: its first 1 KB
                    // (track_activity_query_size), the feature PostgreSQL writes for each row.
                    + " AND query LIKE 'SELECT s.id, (''{\"type\":\"Feature\"%'")) {
      ended.next();
      return ended.getInt(1);
    }
  }

  /** The app logs after the client has seen the end: wait for the line, without a time bound. */
  private static List<String> awaitLogLine(AppLog log) throws Exception {
    for (int i = 0; i < 100; i++) {
      List<String> lines = log.linesSince();
      if (lines.stream().anyMatch(l -> l.contains(" WARN ") || l.contains(" ERROR "))) {
        Thread.sleep(200); // and anything logged right after it
        return log.linesSince();
      }
      Thread.sleep(100);
    }
    return log.linesSince();
  }
}
