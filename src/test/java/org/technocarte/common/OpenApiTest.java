package org.technocarte.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.technocarte.city.CityResource;
import org.technocarte.city.StatsResource;
import org.technocarte.export.ExportResource;
import org.technocarte.export.OgcResource;
import org.technocarte.sighting.SightingResource;

/** The OpenAPI document is true: every endpoint, its schemas and its error answers are there. */
@QuarkusTest
class OpenApiTest {

  /** Every resource class of the application; a new one must be added here. */
  private static final List<Class<?>> RESOURCES =
      List.of(
          SightingResource.class,
          org.technocarte.common.config.ClientConfigResource.class,
          org.technocarte.auth.AuthResource.class,
          org.technocarte.group.GroupResource.class,
          org.technocarte.moderation.ModerationResource.class,
          org.technocarte.photo.PhotoResource.class,
          org.technocarte.safety.PowResource.class,
          ExportResource.class,
          OgcResource.class,
          CityResource.class,
          org.technocarte.city.CityEvidenceResource.class,
          StatsResource.class);

  private static JsonPath document() {
    return given().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
  }

  @Test
  void shouldListEveryEndpointOfEveryResource() {
    Map<String, Map<String, Object>> paths = document().getMap("paths");
    Set<String> missing = new TreeSet<>();
    for (Class<?> resource : RESOURCES) {
      String base = resource.getAnnotation(jakarta.ws.rs.Path.class).value();
      for (Method method : resource.getDeclaredMethods()) {
        String verb = httpMethod(method);
        if (verb == null) {
          continue;
        }
        jakarta.ws.rs.Path sub = method.getAnnotation(jakarta.ws.rs.Path.class);
        String path = sub == null ? base : base + "/" + sub.value();
        Map<String, Object> operations = paths.get(path);
        if (operations == null || !operations.containsKey(verb)) {
          missing.add(verb + " " + path);
        }
      }
    }
    assertTrue(missing.isEmpty(), "not documented: " + missing);
    assertTrue(paths.containsKey("/q/health/ready"), "health is documented");
  }

  @Test
  void shouldDocumentErrorAnswersAsProblems() {
    JsonPath doc = document();
    for (String code : List.of("400", "413", "415", "422")) {
      assertEquals(
          "#/components/schemas/Problem",
          doc.getString(
              "paths.'/api/sightings'.post.responses.'"
                  + code
                  + "'.content.'application/problem+json'.schema.$ref"),
          "POST answers " + code + " as a problem");
    }
    assertEquals(
        "#/components/schemas/Problem",
        doc.getString(
            "paths.'/api/sightings'.get.responses.'400'.content.'application/problem+json'.schema.$ref"));
    assertEquals(
        "#/components/schemas/Problem",
        doc.getString(
            "paths.'/api/sightings/{id}'.patch.responses.'409'.content.'application/problem+json'.schema.$ref"));
  }

  @Test
  void shouldDocumentEveryErrorAnswerOfEveryOperationAsAProblem() {
    JsonPath doc = document();
    Map<String, Map<String, Object>> paths = doc.getMap("paths");
    List<String> bare = new ArrayList<>();
    int errors = 0;
    for (var path : paths.entrySet()) {
      if (path.getKey().startsWith("/q/")) {
        continue; // Quarkus's health answers describe themselves
      }
      for (var operation : path.getValue().entrySet()) {
        if (!(operation.getValue() instanceof Map<?, ?> details)) {
          continue; // a path's shared parameters or summary, not an operation
        }
        Object responses = details.get("responses");
        if (!(responses instanceof Map<?, ?> byCode)) {
          continue;
        }
        for (var response : byCode.entrySet()) {
          String code = String.valueOf(response.getKey());
          if (!code.startsWith("4") && !code.startsWith("5")) {
            continue;
          }
          errors++;
          Object ref =
              doc.get(
                  "paths.'"
                      + path.getKey()
                      + "'."
                      + operation.getKey()
                      + ".responses.'"
                      + code
                      + "'.content.'application/problem+json'.schema.$ref");
          if (!"#/components/schemas/Problem".equals(ref)) {
            bare.add(operation.getKey() + " " + path.getKey() + " " + code);
          }
        }
      }
    }
    assertTrue(errors > 50, "the error answers are documented: " + errors);
    assertEquals("Technocarte API", doc.getString("info.title"));
    assertEquals("AGPL-3.0-or-later", doc.getString("info.license.name"));
    assertTrue(bare.isEmpty(), "error answers without the problem schema: " + bare);
    assertEquals(
        List.of("type", "code", "title", "status", "detail", "errors"),
        List.copyOf(doc.getMap("components.schemas.Problem.properties").keySet()));
  }

  /** Pages translate by code: the document lists every code of both catalogues, and no other. */
  @Test
  void shouldListEveryCodeOfTheProblemAndFieldErrorCatalogues() {
    JsonPath doc = document();
    assertEquals(
        java.util.Arrays.stream(org.technocarte.common.error.ProblemType.values())
            .map(org.technocarte.common.error.ProblemType::code)
            .toList(),
        doc.getList("components.schemas.Problem.properties.code.enum"));
    assertEquals("string", doc.getString("components.schemas.Problem.properties.code.type"));
    assertEquals(
        "#/components/schemas/FieldError",
        doc.getString("components.schemas.Problem.properties.errors.items.$ref"));
    assertEquals(
        List.of("field", "code", "message"),
        List.copyOf(doc.getMap("components.schemas.FieldError.properties").keySet()));
    assertEquals(
        java.util.Arrays.stream(org.technocarte.common.error.FieldCode.values())
            .map(org.technocarte.common.error.FieldCode::code)
            .toList(),
        doc.getList("components.schemas.FieldError.properties.code.enum"));
  }

  /**
   * OpenAPI 3.0 readers (OGC clients, the OGC's test suite) take the document: 3.0.3, no 3.1 type
   * lists, and every parameter has the schema or content the specification requires. CI also runs
   * Redocly CLI's spec rules on it (deploy/ogc/conformance.sh).
   */
  @Test
  void shouldBeOpenApi303WithASchemaForEveryParameter() {
    String text = given().get("/q/openapi?format=json").then().statusCode(200).extract().asString();
    JsonPath doc = JsonPath.from(text);
    assertEquals("3.0.3", doc.getString("openapi"));
    assertTrue(
        !text.replaceAll("\\s", "").contains("\"type\":["),
        "a 3.1 list of types is in the document");
    Map<String, Map<String, Object>> paths = doc.getMap("paths");
    List<String> bare = new ArrayList<>();
    for (var path : paths.entrySet()) {
      for (var operation : path.getValue().entrySet()) {
        if (!(operation.getValue() instanceof Map<?, ?> details)
            || !(details.get("parameters") instanceof List<?> parameters)) {
          continue;
        }
        for (Object p : parameters) {
          Map<?, ?> parameter = (Map<?, ?>) p;
          if (!parameter.containsKey("schema") && !parameter.containsKey("content")) {
            bare.add(operation.getKey() + " " + path.getKey() + " " + parameter.get("name"));
          }
        }
      }
    }
    assertTrue(bare.isEmpty(), "parameters without schema: " + bare);
  }

  @Test
  void shouldDocumentTheFiltersOfEveryExportAndOfTheTiles() {
    JsonPath doc = document();
    List<String> filters =
        List.of(
            "bbox",
            "city",
            "surveillanceType",
            "cameraType",
            "vsaSuspected",
            "observedSince",
            "updatedSince",
            "status",
            "campaign");
    for (String path :
        List.of(
            "/api/export/sightings.geojson",
            "/api/export/sightings.csv",
            "/api/export/sightings.osm",
            "/tiles/sightings/{z}/{x}/{y}.mvt")) {
      List<String> names =
          doc.getList("paths.'" + path + "'.get.parameters.findAll { it.in == 'query' }.name");
      assertEquals(filters.stream().sorted().toList(), names.stream().sorted().toList(), path);
    }
    // The map reads the same filter (SightingFilter), with a limit; its box is required and capped.
    List<String> map =
        doc.getList("paths.'/api/sightings'.get.parameters.findAll { it.in == 'query' }.name");
    List<String> expected = new ArrayList<>(filters);
    expected.add("limit");
    assertEquals(expected.stream().sorted().toList(), map.stream().sorted().toList());
    assertEquals(
        Boolean.TRUE,
        doc.get("paths.'/api/sightings'.get.parameters.find { it.name == 'bbox' }.required"));
    assertTrue(
        doc.getString(
                "paths.'/api/sightings'.get.parameters.find { it.name == 'bbox' }.description")
            .contains("capped"));
    assertEquals(
        org.technocarte.sighting.SightingFilter.PARAMETERS.stream().sorted().toList(),
        filters.stream().sorted().toList(),
        "the filter reads what is documented");
  }

  @Test
  void shouldDescribeTheEnumsWithTheirWireWords() {
    JsonPath doc = document();
    assertEquals(
        List.of("fixed", "dome", "panning", "unknown"),
        doc.getList("components.schemas.CameraType.enum"));
    assertEquals(
        List.of(
            "pole",
            "wall",
            "ceiling",
            "street_lamp",
            "building",
            "traffic_signals",
            "gantry",
            "other"),
        doc.getList("components.schemas.Mount.enum"));
  }

  @Test
  void shouldDocumentEveryPropertyTheApiAnswers() {
    Map<String, Object> schema =
        document().getMap("components.schemas.SightingProperties.properties");
    Set<String> documented = new HashSet<>(schema.keySet());
    String body =
        org.technocarte.sighting.SightingFixtures.feature(
                org.technocarte.sighting.SightingFixtures.MONTPELLIER_COMEDIE)
            .toString();
    Map<String, Object> answered =
        given()
            .contentType("application/geo+json")
            .body(body)
            .post("/api/sightings")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getMap("properties");
    Set<String> undocumented = new TreeSet<>(answered.keySet());
    undocumented.removeAll(documented);
    assertTrue(undocumented.isEmpty(), "answered but not documented: " + undocumented);
    Set<String> neverAnswered = new TreeSet<>(documented);
    neverAnswered.removeAll(answered.keySet());
    assertTrue(neverAnswered.isEmpty(), "documented but never answered: " + neverAnswered);
  }

  private static String httpMethod(Method method) {
    for (var annotation : method.getAnnotations()) {
      jakarta.ws.rs.HttpMethod verb =
          annotation.annotationType().getAnnotation(jakarta.ws.rs.HttpMethod.class);
      if (verb != null) {
        return verb.value().toLowerCase(java.util.Locale.ROOT);
      }
    }
    return null;
  }
}
