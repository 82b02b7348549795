package org.technocarte.export;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.technocarte.export.ResearchFixtures.get;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.technocarte.common.config.TechnocarteConfig;

/** Exports are bounded, so that downloads never take every database connection. */
@QuarkusTest
class ExportSlotsTest {

  private final ResearchFixtures fixtures;
  private final ExportSlots slots;
  private final TechnocarteConfig config;
  private int size;

  @TestHTTPResource("/")
  URL base;

  ExportSlotsTest(ResearchFixtures fixtures, ExportSlots slots, TechnocarteConfig config) {
    this.fixtures = fixtures;
    this.slots = slots;
    this.config = config;
  }

  @BeforeEach
  void load() {
    size = config.api().maxConcurrentExports();
    fixtures.load();
  }

  @AfterEach
  void clear() {
    fixtures.load();
  }

  @Test
  void shouldAnswer503WithRetryAfterWhenEverySlotStreamsAndServeOnceOneIsFree() {
    List<ExportSlots.Slot> taken = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      taken.add(slots.take());
    }
    for (String format : List.of("geojson", "csv", "osm")) {
      get("/api/export/sightings." + format)
          .then()
          .statusCode(503)
          .contentType("application/problem+json")
          .header("Retry-After", "30")
          .body("type", equalTo("/problems/exports-busy"))
          .body("status", equalTo(503));
    }
    taken.remove(0).close();
    get("/api/export/sightings.csv").then().statusCode(200);
    taken.forEach(ExportSlots.Slot::close);
    assertEquals(size, slots.available(), "every slot is back");
  }

  @Test
  void shouldGiveTheSlotBackAfterEachDownloadAndAfterARefusedFilter() {
    for (String format : List.of("geojson", "csv", "osm")) {
      get("/api/export/sightings." + format).then().statusCode(200);
    }
    get("/api/export/sightings.csv?bbox=nonsense").then().statusCode(400);
    get("/api/export/sightings.csv?colour=red").then().statusCode(400);
    assertEquals(size, slots.available());
  }

  @Test
  void shouldGiveTheSlotBackWhenTheClientHangsUpMidDownload() throws Exception {
    fixtures.insertApprovedCopies(40_000);
    try (Socket socket = new Socket(base.getHost(), base.getPort())) {
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET /api/export/sightings.geojson HTTP/1.1\r\nHost: "
                  + base.getHost()
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      byte[] first = in.readNBytes(4096);
      assertTrue(new String(first, StandardCharsets.US_ASCII).startsWith("HTTP/1.1 200"));
      assertTrue(slots.available() < size, "the download holds a slot while it streams");
    }
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (slots.available() < size && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    assertEquals(size, slots.available(), "the slot came back after the client left");
  }
}
