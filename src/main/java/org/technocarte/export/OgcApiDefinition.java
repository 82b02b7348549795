package org.technocarte.export;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.quarkus.smallrye.openapi.runtime.OpenApiDocumentService;
import io.smallrye.openapi.runtime.io.Format;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The OGC API's own definition, the {@code service-desc} of its landing page: the operations of the
 * app's OpenAPI document under {@code /ogc}, re-rooted there (paths relative to a {@code servers}
 * entry that is the landing page), with the components they use and nothing else. OGC clients and
 * the OGC's test suite find the API's paths and parameters in it; cutting it from the generated
 * document keeps one source, the resource's annotations.
 */
@ApplicationScoped
public class OgcApiDefinition {

  /** The media types of OpenAPI 3.0 documents that OGC API – Features Part 1 names. */
  public static final String JSON = "application/vnd.oai.openapi+json;version=3.0";

  public static final String YAML = "application/vnd.oai.openapi;version=3.0";

  private static final String ROOT = "/ogc";
  private static final String REF_PREFIX = "#/components/";

  private final OpenApiDocumentService documents;
  private final ObjectMapper json;
  private final YAMLMapper yaml = new YAMLMapper();
  private volatile ObjectNode template;

  public OgcApiDefinition(OpenApiDocumentService documents, ObjectMapper json) {
    this.documents = documents;
    this.json = json;
  }

  /** The definition, with {@code landing} (the landing page's absolute URI) as its server. */
  public ObjectNode document(URI landing) {
    ObjectNode doc = template().deepCopy();
    ArrayNode servers = json.createArrayNode();
    servers
        .addObject()
        .put("url", landing.toString().replaceAll("/$", ""))
        .put("description", "This OGC API – Features");
    // openapi, info, servers first, as readers expect them.
    ObjectNode ordered = json.createObjectNode();
    ordered.set("openapi", doc.remove("openapi"));
    ordered.set("info", doc.remove("info"));
    ordered.set("servers", servers);
    ordered.setAll(doc);
    return ordered;
  }

  public String yaml(ObjectNode document) {
    try {
      return yaml.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  private ObjectNode template() {
    ObjectNode t = template;
    if (t == null) {
      t = cut(read());
      template = t;
    }
    return t;
  }

  private ObjectNode read() {
    try {
      return (ObjectNode) json.readTree(documents.getDocument("<default>", Format.JSON));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The /ogc operations of {@code app}, their paths relative to /ogc, and what they refer to. */
  static ObjectNode cut(ObjectNode app) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode doc = mapper.createObjectNode();
    doc.put("openapi", app.path("openapi").asText());
    ObjectNode info = doc.putObject("info");
    info.put("title", "Technocarte – OGC API – Features");
    info.put(
        "description",
        "The approved sightings of surveillance cameras as one collection, for GIS clients"
            + " (OGC API – Features Part 1 and Part 3). Data under ODbL 1.0, © Technocarte"
            + " contributors.");
    info.put("version", app.path("info").path("version").asText("1"));
    if (app.path("info").has("license")) {
      info.set("license", app.path("info").path("license").deepCopy());
    }
    ObjectNode paths = doc.putObject("paths");
    Iterator<Map.Entry<String, JsonNode>> all = app.path("paths").fields();
    while (all.hasNext()) {
      Map.Entry<String, JsonNode> path = all.next();
      String name = path.getKey();
      if (name.equals(ROOT) || name.startsWith(ROOT + "/")) {
        String relative = name.substring(ROOT.length());
        paths.set(relative.isEmpty() ? "/" : relative, path.getValue().deepCopy());
      }
    }
    Set<String> tags = new LinkedHashSet<>();
    paths.forEach(item -> item.forEach(op -> op.path("tags").forEach(t -> tags.add(t.asText()))));
    ArrayNode tagList = mapper.createArrayNode();
    app.path("tags")
        .forEach(
            t -> {
              if (tags.contains(t.path("name").asText())) {
                tagList.add(t.deepCopy());
              }
            });
    if (!tagList.isEmpty()) {
      doc.set("tags", tagList);
    }
    ObjectNode components = referenced(paths, app.path("components"), mapper);
    if (!components.isEmpty()) {
      doc.set("components", components);
    }
    return doc;
  }

  /** The components {@code from} refers to, directly or through other components. */
  private static ObjectNode referenced(JsonNode from, JsonNode components, ObjectMapper mapper) {
    ObjectNode kept = mapper.createObjectNode();
    Deque<JsonNode> todo = new ArrayDeque<>();
    todo.push(from);
    while (!todo.isEmpty()) {
      JsonNode node = todo.pop();
      if (node.isObject() && node.path("$ref").isTextual()) {
        String ref = node.path("$ref").asText();
        if (ref.startsWith(REF_PREFIX)) {
          String[] parts = ref.substring(REF_PREFIX.length()).split("/", 2);
          JsonNode target = components.path(parts[0]).path(parts[1]);
          ObjectNode kind =
              kept.has(parts[0]) ? (ObjectNode) kept.get(parts[0]) : kept.putObject(parts[0]);
          if (!target.isMissingNode() && !kind.has(parts[1])) {
            kind.set(parts[1], target.deepCopy());
            todo.push(target);
          }
        }
      }
      node.forEach(todo::push);
    }
    return kept;
  }
}
