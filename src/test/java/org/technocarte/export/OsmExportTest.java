package org.technocarte.export;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.technocarte.export.ResearchFixtures.get;

import io.quarkus.test.junit.QuarkusTest;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

@QuarkusTest
class OsmExportTest {

  private final ResearchFixtures fixtures;

  OsmExportTest(ResearchFixtures fixtures) {
    this.fixtures = fixtures;
  }

  @BeforeEach
  void load() {
    fixtures.load();
  }

  private static String download() {
    String today = LocalDate.now(ZoneOffset.UTC).toString();
    return get("/api/export/sightings.osm")
        .then()
        .statusCode(200)
        .contentType(containsString("xml"))
        .header("Content-Disposition", containsString("technocarte-sightings-" + today + ".osm"))
        .extract()
        .asString();
  }

  @Test
  void shouldWriteNewNodesThatJosmWillNotUpload() {
    String xml = download();
    Element osm = Osm.parse(xml).getDocumentElement();
    assertEquals("osm", osm.getTagName());
    assertEquals("0.6", osm.getAttribute("version"));
    assertEquals("Technocarte", osm.getAttribute("generator"));
    assertEquals("never", osm.getAttribute("upload"));
    List<Osm.Node> nodes = Osm.nodes(xml);
    assertEquals(3, nodes.size());
    Set<Long> ids = new HashSet<>();
    for (Osm.Node node : nodes) {
      assertTrue(node.id() < 0, "a new node has a negative id: " + node.id());
      assertTrue(ids.add(node.id()), "ids are unique");
      assertEquals("surveillance", node.tags().get("man_made"));
    }
  }

  @Test
  void shouldTagEachCameraAsOpenStreetMapDoes() {
    List<Osm.Node> nodes = Osm.nodes(download());
    Osm.Node comedie = at(nodes, 43.60851, 3.87967);
    Map<String, String> tags = comedie.tags();
    assertEquals("camera", tags.get("surveillance:type"));
    assertEquals("dome", tags.get("camera:type"));
    assertEquals("wall", tags.get("camera:mount"));
    assertEquals("90;270", tags.get("camera:direction"));
    assertEquals("public", tags.get("surveillance"));
    assertEquals("town", tags.get("surveillance:zone"));
    assertEquals("Ville de Montpellier", tags.get("operator"));
    assertEquals("4.5", tags.get("height"));
    // OSM values are single lines.
    assertEquals(ResearchFixtures.COMEDIE_NOTES.replace('\n', ' '), tags.get("description"));
    assertEquals("2025-03-01", tags.get("survey:date"));
    assertEquals("2025-03-01", tags.get("check_date"));
    assertEquals("ALPR", at(nodes, 43.60478, 3.87631).tags().get("surveillance:type"));
  }

  @Test
  void shouldNeverCarrySuspectedVsa() {
    String xml = download();
    for (Osm.Node node : Osm.nodes(xml)) {
      for (Map.Entry<String, String> tag : node.tags().entrySet()) {
        assertFalse(tag.getKey().toLowerCase(Locale.ROOT).contains("vsa"), tag.getKey());
      }
    }
    assertFalse(xml.contains(ResearchFixtures.COMEDIE_EVIDENCE), "no VSA evidence");
    assertFalse(xml.toLowerCase(Locale.ROOT).contains("vsa"), "no VSA word at all");
  }

  private static Osm.Node at(List<Osm.Node> nodes, double lat, double lon) {
    return nodes.stream()
        .filter(n -> n.lat() == lat && n.lon() == lon)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no node at " + lat + "," + lon));
  }
}
