package org.technocarte.route;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Locale;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.technocarte.moderation.ModerationFixtures;

/** Every refusal of the route endpoints: problem+json, never a 500. */
@QuarkusTest
class RouteRefusalTest {

  private static final String EXPOSURE = "/api/routes/exposure";
  private static final String LEAST = "/api/routes/least-watched";

  @Inject ModerationFixtures fixtures;
  @Inject StreetGrid grid;

  @BeforeEach
  void grid() {
    fixtures.clear();
    grid.lay();
    grid.domesOnRue0();
  }

  private void refused(String path, String body, int status, String code, String field) {
    var then =
        Routes.json()
            .body(body)
            .post(path)
            .then()
            .statusCode(status)
            .contentType(startsWith("application/problem+json"))
            .body("code", equalTo(code));
    if (field != null) {
      then.body("errors[0].field", equalTo(field));
    }
  }

  @Test
  void shouldRefuseBadBodiesOfExposure() {
    refused(EXPOSURE, "{\"type\":\"LineString\",", 400, "malformed-json", null);
    refused(EXPOSURE, "", 400, "empty-body", null);
    refused(EXPOSURE, "[]", 422, "validation", "");
    refused(
        EXPOSURE,
        "{\"type\":\"Polygon\",\"coordinates\":[[[1.7,44.7],[1.71,44.7],[1.7,44.71],[1.7,44.7]]]}",
        422,
        "validation",
        "type");
    refused(EXPOSURE, "{\"type\":\"LineString\"}", 422, "validation", "coordinates");
    refused(
        EXPOSURE,
        "{\"type\":\"LineString\",\"coordinates\":[[1.7,44.7]]}",
        422,
        "validation",
        "coordinates");
    refused(
        EXPOSURE,
        "{\"type\":\"LineString\",\"coordinates\":[[1.7,44.7],[1.7,44.7]]}",
        422,
        "validation",
        "coordinates");
    refused(
        EXPOSURE,
        "{\"type\":\"LineString\",\"coordinates\":[[1.7,44.7],[1.7,91]]}",
        422,
        "validation",
        "coordinates[1]");
    refused(
        EXPOSURE,
        "{\"type\":\"LineString\",\"coordinates\":[[1.7,44.7],[\"1.8\",44.7]]}",
        422,
        "validation",
        "coordinates[1]");
    refused(EXPOSURE, "{\"points\":[[1.7,44.7],[1.8]]}", 422, "validation", "points[1]");
    refused(
        EXPOSURE,
        "{\"points\":[[1.7,44.7],[1.8,44.7]],\"colour\":\"red\"}",
        422,
        "validation",
        "colour");
    refused(
        EXPOSURE,
        "{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":[1.7,44.7]}}",
        422,
        "validation",
        "geometry.type");
    Routes.json()
        .contentType("text/plain")
        .body("LINESTRING(1.7 44.7, 1.8 44.7)")
        .post(EXPOSURE)
        .then()
        .statusCode(415);
  }

  /** 20 km at most (here 25 km, from Gramat eastwards), 2000 points at most. */
  @Test
  void shouldRefuseTooLongALine() {
    refused(
        EXPOSURE,
        "{\"type\":\"LineString\",\"coordinates\":[[1.7,44.7],[2.0,44.7]]}",
        422,
        "validation",
        "coordinates");
    StringBuilder many = new StringBuilder("{\"points\":[");
    for (int i = 0; i < 2001; i++) {
      many.append(i == 0 ? "" : ",")
          .append(String.format(Locale.ROOT, "[%.6f,44.7]", 1.7 + i * 0.000001));
    }
    Routes.json()
        .body(many.append("]}").toString())
        .post(EXPOSURE)
        .then()
        .statusCode(422)
        .body("errors[0].code", equalTo("too-large"));
  }

  @Test
  void shouldRefuseBadPairs() {
    String a = grid.corner(0, 0);
    String b = grid.corner(4, 0);
    refused(LEAST, "{\"from\":" + a + "}", 422, "validation", "to");
    refused(LEAST, "{\"from\":" + a + ",\"to\":[1.7]}", 422, "validation", "to");
    refused(
        LEAST,
        "{\"from\":" + a + ",\"to\":" + b + ",\"maxDetour\":-0.1}",
        422,
        "validation",
        "maxDetour");
    refused(
        LEAST,
        "{\"from\":" + a + ",\"to\":" + b + ",\"maxDetour\":3}",
        422,
        "validation",
        "maxDetour");
    refused(
        LEAST,
        "{\"from\":" + a + ",\"to\":" + b + ",\"maxDetour\":\"20 %\"}",
        422,
        "validation",
        "maxDetour");
    refused(LEAST, "{\"from\":" + a + ",\"to\":" + b + ",\"via\":[]}", 422, "validation", "via");
    refused(LEAST, "{\"from\":" + a + ",\"to\":[2.1,44.7]}", 422, "validation", "to");
    refused(LEAST, "{\"from\":" + a + ",\"to\":" + a + "}", 422, "validation", "to");
    refused(LEAST, "{\"from\":", 400, "malformed-json", null);
  }

  /** 2 km north of the grid there is no street: outside the network. */
  @Test
  void shouldRefuseAPointOutsideTheNetwork() {
    refused(
        LEAST,
        "{\"from\":"
            + grid.corner(0, 0)
            + ",\"to\":{\"type\":\"Point\",\"coordinates\":[1.7,44.72]}}",
        422,
        "outside-network",
        "to");
  }

  /** A street of its own, 1 km east, joined to nothing: no route reaches it. */
  @Test
  void shouldSayWhenNoStreetJoinsThePoints() {
    grid.execute(
        "INSERT INTO street_vertex VALUES (900, ST_SetSRID(ST_MakePoint(1.715, 44.70), 4326)),"
            + " (901, ST_SetSRID(ST_MakePoint(1.716, 44.70), 4326));"
            + " INSERT INTO street_edge (source, target, name, geom, length_m)"
            + " SELECT 900, 901, 'Impasse', ST_MakeLine(a.geom, b.geom), 80"
            + " FROM street_vertex a, street_vertex b WHERE a.id = 900 AND b.id = 901");
    refused(
        LEAST, "{\"from\":" + grid.corner(0, 0) + ",\"to\":[1.715,44.7]}", 422, "no-route", null);
  }

  @Test
  void shouldAnswer503WithoutAStreetNetwork() {
    grid.execute("DELETE FROM street_edge; DELETE FROM street_vertex");
    refused(LEAST, "{\"from\":[1.7,44.7],\"to\":[1.703,44.7]}", 503, "routing-unavailable", null);
    // The exposure needs no network.
    Routes.json()
        .body("{\"points\":[[1.7,44.7],[1.703,44.7]]}")
        .post(EXPOSURE)
        .then()
        .statusCode(200);
  }
}
