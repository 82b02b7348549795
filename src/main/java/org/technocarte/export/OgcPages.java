package org.technocarte.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.qute.Engine;
import io.quarkus.qute.TemplateInstance;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;
import org.technocarte.sighting.SightingView;

/**
 * The OGC API's HTML pages (f=html, or a browser's Accept: text/html), rendered by Qute templates
 * under {@code templates/ogc/}, as pygeoapi and ldproxy offer them. Their style and their small map
 * are the front end's {@code src/ogc/main.js}, found in Vite's build manifest: nothing from another
 * host.
 */
@ApplicationScoped
public class OgcPages {

  static final String HTML = "text/html;charset=UTF-8";
  private static final String MANIFEST = "META-INF/resources/.vite/manifest.json";
  private static final String ENTRY = "src/ogc/main.js";
  private static final Logger LOG = Logger.getLogger(OgcPages.class);

  /** The built script and styles of the pages (none when the front end is not built). */
  public record Assets(String script, List<String> styles) {}

  /** Another encoding of the same page, for the footer. */
  public record Alternate(String href, String type, String label) {}

  /** One row of the items' table, in the properties' own names and values. */
  public record Row(
      long id,
      String surveillanceType,
      String cameraType,
      String mount,
      String city,
      String observedAt,
      String vsaSuspected) {}

  private final Engine engine;
  private final ObjectMapper mapper;
  private volatile Assets assets;

  public OgcPages(Engine engine, ObjectMapper mapper) {
    this.engine = engine;
    this.mapper = mapper;
  }

  Response landing(OgcDocuments.Landing landing, URI base, URI request) {
    return page("ogc/landing", base, request, Map.of("landing", landing));
  }

  Response conformance(OgcDocuments.Conformance conformance, URI base, URI request) {
    return page("ogc/conformance", base, request, Map.of("conformsTo", conformance.conformsTo()));
  }

  Response collections(OgcDocuments.Collections collections, URI base, URI request) {
    return page("ogc/collections", base, request, Map.of("collections", collections.collections()));
  }

  Response collection(OgcDocuments.Collection collection, URI base, URI request) {
    return page("ogc/collection", base, request, Map.of("collection", collection));
  }

  Response items(List<SightingView> page, long matched, String next, URI base, URI request) {
    List<Row> rows = new ArrayList<>();
    for (SightingView s : page) {
      SightingView.Properties p = s.properties();
      rows.add(
          new Row(
              s.id(),
              text(p.surveillanceType()),
              text(p.cameraType()),
              text(p.mount()),
              p.city() == null ? "" : p.city().name() + " (" + p.city().code() + ")",
              p.observedAt() == null ? "" : p.observedAt().toString(),
              Boolean.toString(p.vsaSuspected())));
    }
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("features", rows);
    data.put("matched", matched);
    data.put("returned", rows.size());
    data.put("next", next);
    data.put("geojson", encoded(request, "geojson"));
    return page("ogc/items", base, request, data);
  }

  Response item(SightingView sighting, URI base, URI request) {
    JsonNode properties = mapper.valueToTree(sighting.properties());
    List<Map.Entry<String, String>> shown = new ArrayList<>();
    properties
        .fields()
        .forEachRemaining(
            field -> {
              JsonNode value = field.getValue();
              if (!value.isNull()) {
                shown.add(
                    Map.entry(
                        field.getKey(), value.isTextual() ? value.asText() : value.toString()));
              }
            });
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("id", sighting.id());
    data.put("lon", sighting.geometry().coordinates()[0]);
    data.put("lat", sighting.geometry().coordinates()[1]);
    data.put("properties", shown);
    data.put("geojson", encoded(request, "geojson"));
    return page("ogc/item", base, request, data);
  }

  private Response page(String template, URI base, URI request, Map<String, Object> data) {
    String ogc = base.toString().replaceAll("/$", "") + "/ogc";
    TemplateInstance page =
        engine
            .getTemplate(template)
            .data("ogc", ogc)
            .data("assets", assets())
            .data("licence", Licence.ATTRIBUTION + ", " + Licence.ID)
            .data("alternates", alternates(request, template));
    data.forEach(page::data);
    return Response.ok(page.render(), HTML).build();
  }

  private static List<Alternate> alternates(URI request, String template) {
    boolean features = template.endsWith("items") || template.endsWith("item");
    return features
        ? List.of(
            new Alternate(encoded(request, "geojson"), OgcService.GEO_JSON, "GeoJSON"),
            new Alternate(encoded(request, "json"), OgcService.JSON, "JSON"))
        : List.of(new Alternate(encoded(request, "json"), OgcService.JSON, "JSON"));
  }

  private static String encoded(URI request, String f) {
    return UriBuilder.fromUri(request).replaceQueryParam("f", f).build().toString();
  }

  /** The JSON word of an enum value (its OSM tag value), as the GeoJSON says it. */
  private String text(Object value) {
    return value == null ? "" : mapper.convertValue(value, String.class);
  }

  private Assets assets() {
    Assets known = assets;
    if (known == null) {
      known = readManifest();
      assets = known;
    }
    return known;
  }

  /** The entry's script and every style it and its imports need, from Vite's manifest. */
  private Assets readManifest() {
    try (InputStream in =
        Thread.currentThread().getContextClassLoader().getResourceAsStream(MANIFEST)) {
      if (in == null) {
        LOG.warn("No front-end build manifest: the OGC API's HTML pages go without style and map");
        return new Assets(null, List.of());
      }
      JsonNode manifest = mapper.readTree(in);
      JsonNode entry = manifest.get(ENTRY);
      if (entry == null) {
        return new Assets(null, List.of());
      }
      List<String> styles = new ArrayList<>();
      Set<String> seen = new HashSet<>();
      Deque<JsonNode> chunks = new ArrayDeque<>(List.of(entry));
      while (!chunks.isEmpty()) {
        JsonNode chunk = chunks.pop();
        chunk.path("css").forEach(css -> styles.add("/" + css.asText()));
        for (JsonNode imported : chunk.path("imports")) {
          if (seen.add(imported.asText()) && manifest.has(imported.asText())) {
            chunks.push(manifest.get(imported.asText()));
          }
        }
      }
      return new Assets(
          "/" + entry.get("file").asText(), List.copyOf(new java.util.LinkedHashSet<>(styles)));
    } catch (IOException e) {
      LOG.warn("Unreadable front-end build manifest: " + e.getMessage());
      return new Assets(null, List.of());
    }
  }
}
