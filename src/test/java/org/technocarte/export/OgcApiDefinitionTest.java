package org.technocarte.export;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The OGC API's own definition (the landing page's service-desc): OpenAPI 3.0.3 rooted at /ogc,
 * served in the media types the landing page announces, with every parameter as Part 1 defines it.
 */
@QuarkusTest
class OgcApiDefinitionTest {

  private static final String JSON_TYPE = "application/vnd.oai.openapi+json;version=3.0";
  private static final String YAML_TYPE = "application/vnd.oai.openapi;version=3.0";

  private static JsonNode definition() throws Exception {
    String body =
        given()
            .accept(JSON_TYPE)
            .get("/ogc/api")
            .then()
            .statusCode(200)
            .contentType(startsWith("application/vnd.oai.openapi+json"))
            .extract()
            .asString();
    return new ObjectMapper().readTree(body);
  }

  @Test
  void shouldBeLinkedFromTheLandingPageInJsonAndYaml() {
    given()
        .get("/ogc")
        .then()
        .statusCode(200)
        .body("links.find { it.type == '" + JSON_TYPE + "' }.rel", equalTo("service-desc"))
        .body("links.find { it.type == '" + JSON_TYPE + "' }.href", endsWith("/ogc/api"))
        .body("links.find { it.type == '" + YAML_TYPE + "' }.rel", equalTo("service-desc"))
        .body("links.find { it.rel == 'service-doc' }.type", equalTo("text/html"));
  }

  @Test
  void shouldBeOpenApi303RootedAtTheLandingPage() throws Exception {
    JsonNode doc = definition();
    assertEquals("3.0.3", doc.path("openapi").asText());
    assertTrue(doc.path("servers").get(0).path("url").asText().endsWith("/ogc"), doc.toString());
    Set<String> paths = new TreeSet<>();
    doc.path("paths").fieldNames().forEachRemaining(paths::add);
    assertEquals(
        Set.of(
            "/",
            "/api",
            "/conformance",
            "/collections",
            "/collections/sightings",
            "/collections/sightings/queryables",
            "/collections/sightings/schema",
            "/collections/sightings/items",
            "/collections/sightings/items/{featureId}",
            "/tileMatrixSets",
            "/tileMatrixSets/WebMercatorQuad",
            "/collections/sightings/tiles",
            "/collections/sightings/tiles/WebMercatorQuad",
            "/collections/sightings/tiles/WebMercatorQuad/{tileMatrix}/{tileRow}/{tileCol}"),
        paths,
        "the OGC API's paths only, relative to its landing page");
  }

  @Test
  void shouldDefineEveryParameterWithSchemaStyleAndExplode() throws Exception {
    JsonNode doc = definition();
    List<String> incomplete = new ArrayList<>();
    doc.path("paths")
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fields()
                    .forEachRemaining(
                        op ->
                            op.getValue()
                                .path("parameters")
                                .forEach(
                                    p -> {
                                      if (!p.has("schema")
                                          || !p.has("style")
                                          || !p.has("explode")) {
                                        incomplete.add(op.getKey() + " " + path.getKey() + " " + p);
                                      }
                                    })));
    assertTrue(incomplete.isEmpty(), "parameters without schema, style or explode: " + incomplete);

    JsonNode items = doc.path("paths").path("/collections/sightings/items").path("get");
    JsonNode limit = parameter(items, "limit");
    assertEquals("form", limit.path("style").asText());
    assertEquals(false, limit.path("explode").asBoolean(true));
    assertEquals("integer", limit.path("schema").path("type").asText());
    assertEquals(1, limit.path("schema").path("minimum").asInt());
    assertEquals(10000, limit.path("schema").path("maximum").asInt());
    assertEquals(10, limit.path("schema").path("default").asInt());

    JsonNode bbox = parameter(items, "bbox");
    assertEquals("form", bbox.path("style").asText());
    assertEquals(false, bbox.path("explode").asBoolean(true));
    assertEquals("array", bbox.path("schema").path("type").asText());
    assertEquals(4, bbox.path("schema").path("minItems").asInt());
    assertEquals(6, bbox.path("schema").path("maxItems").asInt());
    assertEquals("number", bbox.path("schema").path("items").path("type").asText());

    JsonNode datetime = parameter(items, "datetime");
    assertEquals("form", datetime.path("style").asText());
    assertEquals("string", datetime.path("schema").path("type").asText());
  }

  @Test
  void shouldCarryEveryComponentItRefersToAndNoOther() throws Exception {
    JsonNode doc = definition();
    Set<String> refs = new TreeSet<>();
    collectRefs(doc, refs);
    assertTrue(refs.contains("#/components/schemas/Problem"), refs.toString());
    for (String ref : refs) {
      String[] parts = ref.substring("#/components/".length()).split("/");
      assertTrue(
          doc.path("components").path(parts[0]).has(parts[1]), "unresolved reference " + ref);
    }
    Set<String> schemas = new TreeSet<>();
    doc.path("components").path("schemas").fieldNames().forEachRemaining(schemas::add);
    assertTrue(
        schemas.stream().noneMatch(s -> s.contains("Moderation") || s.contains("Group")),
        "only what the OGC API uses: " + schemas);
  }

  @Test
  void shouldAnswerInYamlForTheYamlTypeAndF() throws Exception {
    JsonNode json = definition();
    for (var request :
        List.of(
            given().accept(YAML_TYPE).when(),
            given().accept("application/yaml").when(),
            given().queryParam("f", "yaml").when())) {
      String yaml =
          request
              .get("/ogc/api")
              .then()
              .statusCode(200)
              .contentType(startsWith("application/vnd.oai.openapi;version=3.0"))
              .extract()
              .asString();
      assertEquals(json, new YAMLMapper().readTree(yaml), "the same document");
    }
    given()
        .queryParam("f", "json")
        .get("/ogc/api")
        .then()
        .statusCode(200)
        .contentType(startsWith("application/vnd.oai.openapi+json"));
    given().get("/ogc/api").then().statusCode(200).contentType(startsWith(JSON_TYPE));
    given()
        .queryParam("f", "xml")
        .get("/ogc/api")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("f"));
  }

  private static JsonNode parameter(JsonNode operation, String name) {
    for (JsonNode p : operation.path("parameters")) {
      if (name.equals(p.path("name").asText())) {
        return p;
      }
    }
    throw new AssertionError("no parameter " + name + " in " + operation);
  }

  private static void collectRefs(JsonNode node, Set<String> refs) {
    if (node.isObject() && node.path("$ref").isTextual()) {
      refs.add(node.path("$ref").asText());
    }
    node.forEach(child -> collectRefs(child, refs));
  }
}
