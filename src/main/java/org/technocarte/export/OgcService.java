package org.technocarte.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriBuilder;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.technocarte.common.error.ApiException;
import org.technocarte.export.OgcDocuments.Link;
import org.technocarte.sighting.ApprovedSightings;
import org.technocarte.sighting.Extent;
import org.technocarte.sighting.FeatureJson;
import org.technocarte.sighting.SightingView;

/** OGC API – Features (Part 1 Core, GeoJSON, OpenAPI 3.0; Part 3 Filtering) over the seam. */
@ApplicationScoped
public class OgcService {

  public static final String GEO_JSON = "application/geo+json";
  public static final String JSON = "application/json";
  public static final String SCHEMA_JSON = "application/schema+json";
  public static final String HTML = "text/html";
  static final String COLLECTION = "sightings";
  static final String CRS84 = Crs.CRS84.uri();

  static final List<String> CONFORMANCE =
      List.of(
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
          "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/oas30",
          "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
          "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
          "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
          "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
          "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
          "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
          "http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators",
          "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions");

  private final ApprovedSightings sightings;
  private final ObjectMapper mapper;

  public OgcService(ApprovedSightings sightings, ObjectMapper mapper) {
    this.sightings = sightings;
    this.mapper = mapper;
  }

  /** {@code base} is the application's root URI, so that links are absolute. */
  public OgcDocuments.Landing landing(URI base) {
    String ogc = ogc(base);
    String root = base.toString().replaceAll("/$", "");
    return new OgcDocuments.Landing(
        "Technocarte",
        "Crowdsourced map of surveillance cameras. Data under ODbL 1.0, © Technocarte"
            + " contributors.",
        List.of(
            new Link(ogc, "self", JSON, "This document"),
            new Link(ogc + "?f=html", "alternate", HTML, "This document as a web page"),
            new Link(ogc + "/api", "service-desc", OgcApiDefinition.JSON, "The API definition"),
            new Link(
                ogc + "/api?f=yaml",
                "service-desc",
                OgcApiDefinition.YAML,
                "The API definition, in YAML"),
            new Link(
                root + "/q/swagger-ui",
                "service-doc",
                "text/html",
                "The documentation of the whole Technocarte API"),
            new Link(ogc + "/conformance", "conformance", JSON, "Conformance classes"),
            new Link(ogc + "/collections", "data", JSON, "Collections"),
            new Link(
                ogc + "/tileMatrixSets", OgcTiles.REL_TILING_SCHEMES, JSON, "Tiling schemes")));
  }

  public OgcDocuments.Conformance conformance() {
    return new OgcDocuments.Conformance(
        java.util.stream.Stream.concat(CONFORMANCE.stream(), OgcTiles.CONFORMANCE.stream())
            .toList());
  }

  public OgcDocuments.Collections collections(URI base) {
    return new OgcDocuments.Collections(
        List.of(
            new Link(ogc(base) + "/collections", "self", JSON, "Collections"),
            new Link(
                ogc(base) + "/collections?f=html",
                "alternate",
                HTML,
                "Collections, as a web page")),
        List.of(collection(base)));
  }

  public OgcDocuments.Collection collection(URI base) {
    String self = ogc(base) + "/collections/" + COLLECTION;
    List<Link> links =
        List.of(
            new Link(self, "self", JSON, "This collection"),
            new Link(self + "?f=html", "alternate", HTML, "This collection as a web page"),
            new Link(self + "/items", "items", GEO_JSON, "The sightings"),
            new Link(
                self + "/queryables",
                "http://www.opengis.net/def/rel/ogc/1.0/queryables",
                SCHEMA_JSON,
                "What filters may name"),
            new Link(self + "/schema", "describedby", SCHEMA_JSON, "The schema of the features"),
            new Link(self + "/tiles", OgcTiles.REL_TILESETS_VECTOR, JSON, "Vector tiles"),
            new Link(Licence.URL, "license", "text/html", Licence.ID));
    return new OgcDocuments.Collection(
        COLLECTION,
        "Surveillance camera sightings",
        "Approved sightings of surveillance cameras and sensors. "
            + Licence.ATTRIBUTION
            + ", "
            + Licence.ID
            + ".",
        links,
        extent(),
        "feature",
        Crs.uris(),
        Crs.DEFAULT.uri());
  }

  private OgcDocuments.Extent extent() {
    Extent e = sightings.extent();
    if (!e.hasSpace()) {
      return null;
    }
    List<String> interval = new ArrayList<>();
    interval.add(e.firstObserved() == null ? null : e.firstObserved() + "T00:00:00Z");
    interval.add(e.lastObserved() == null ? null : e.lastObserved() + "T23:59:59Z");
    return new OgcDocuments.Extent(
        new OgcDocuments.Spatial(
            List.of(new double[] {e.minLon(), e.minLat(), e.maxLon(), e.maxLat()}), CRS84),
        new OgcDocuments.Temporal(
            List.of(interval), "http://www.opengis.net/def/uom/ISO-8601/0/Gregorian"));
  }

  public Map<String, Object> queryables(URI base) {
    Map<String, Object> properties = new LinkedHashMap<>();
    for (Queryable q : Queryable.all()) {
      properties.put(q.property(), q.schema());
    }
    return jsonSchema(base, "queryables", properties);
  }

  /**
   * The schema of the features (OGC API – Features Part 5): every property, the id, the geometry
   * and the date the camera was seen marked by their x-ogc-role.
   */
  public Map<String, Object> schema(URI base) {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put("id", role(Queryable.ID.schema(), "id"));
    properties.put("geometry", role(Queryable.GEOMETRY.schema(), "primary-geometry"));
    for (String name : FeatureShape.PROPERTIES) {
      Map<String, Object> schema =
          Queryable.named(name).map(Queryable::schema).orElseGet(() -> notQueryable(name));
      properties.put(name, name.equals("observedAt") ? role(schema, "primary-instant") : schema);
    }
    return jsonSchema(base, "schema", properties);
  }

  private static Map<String, Object> role(Map<String, Object> schema, String role) {
    schema.put("x-ogc-role", role);
    return schema;
  }

  /** The properties a filter cannot name. */
  private static Map<String, Object> notQueryable(String name) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("title", name);
    switch (name) {
      case "directions" -> {
        schema.put("type", "array");
        schema.put("items", Map.of("type", "integer", "minimum", 0, "maximum", 359));
      }
      case "status" -> {
        schema.put("type", "string");
        schema.put("enum", List.of("approved", "removed"));
      }
      case "removedOn" -> {
        schema.put("type", List.of("string", "null"));
        schema.put("format", "date");
        schema.put("description", "The day a removed camera was seen gone");
      }
      case "sourceRef" -> schema.put("type", "string");
      case "version" -> schema.put("type", "integer");
      default -> throw new IllegalStateException("no schema for the property " + name);
    }
    return schema;
  }

  private static Map<String, Object> jsonSchema(
      URI base, String path, Map<String, Object> properties) {
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("$schema", "https://json-schema.org/draft/2020-12/schema");
    schema.put("$id", ogc(base) + "/collections/" + COLLECTION + "/" + path);
    schema.put("type", "object");
    schema.put("title", "Surveillance camera sightings");
    schema.put("properties", properties);
    schema.put("additionalProperties", false);
    return schema;
  }

  /**
   * Pages of up to this many items, and this many bytes, are written whole before they are sent: in
   * one write with their length, where a page streamed in 64 KB chunks was handed to the event loop
   * chunk by chunk (Netty had three quarters of the JVM's samples, deploy/bench/RESULTS.md). A
   * longer page (up to ItemsQuery.MAX_LIMIT), or one of long notes past the bytes, streams, so that
   * no answer holds more than this in memory.
   */
  static final int WHOLE_PAGE_ITEMS = 1_000;

  static final int WHOLE_PAGE_BYTES = 1 << 20;

  /**
   * A page of items, counted first (numberMatched is exact), then read: one row more than the page
   * is read to know whether a next link is due. The UTF-8 bytes of a page within {@link
   * #WHOLE_PAGE_ITEMS} and {@link #WHOLE_PAGE_BYTES}, or a body that streams any other (read again
   * when a page turns out longer than the bytes: the rare one).
   */
  public Object items(ItemsQuery query, URI request) throws java.io.IOException {
    if (query.limit() > WHOLE_PAGE_ITEMS) {
      return itemsBody(query, request);
    }
    Bounded whole = new Bounded(WHOLE_PAGE_BYTES);
    try {
      itemsBody(query, request).write(whole);
    } catch (Bounded.Full full) {
      return itemsBody(query, request);
    }
    return whole.bytes.toByteArray();
  }

  /** Bytes held in memory up to a bound; a write past it fails, as a client gone would. */
  private static final class Bounded extends java.io.OutputStream {

    static final class Full extends java.io.IOException {
      Full() {
        super("past the bound of a whole page");
      }

      /** Expected, and caught at once: no stack trace to fill. */
      @Override
      public synchronized Throwable fillInStackTrace() {
        return this;
      }
    }

    final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(1 << 16);
    private final int bound;

    Bounded(int bound) {
      this.bound = bound;
    }

    @Override
    public void write(int b) throws Full {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws Full {
      if (bytes.size() + len > bound) {
        throw new Full();
      }
      bytes.write(b, off, len);
    }
  }

  private StreamingOutput itemsBody(ItemsQuery query, URI request) {
    long matched = sightings.count(query.where());
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS);
    return out -> {
      Page page = new Page(query.limit());
      Map<String, Object> head = new LinkedHashMap<>(ExportService.licenceMembers());
      head.put("numberMatched", matched);
      head.put("timeStamp", now);
      GeoJsonWriter writer = new GeoJsonWriter(out, mapper, head, () -> page.tail(request, query));
      writer.begin();
      FeatureShape shape = query.shape();
      // Each feature as PostgreSQL writes it (what shape.apply makes of a SightingView).
      sightings.streamJson(
          query.where(),
          FeatureJson.feature(
              shape.crs().geometry("s.geom"), true, shape.properties(), shape.skipGeometry()),
          query.order(),
          query.after(),
          query.offset(),
          query.limit() + 1L,
          (id, feature) -> {
            if (page.take(id)) {
              writer.writeRaw(feature);
            }
          });
      writer.end();
    };
  }

  /** One row more than the page, to know whether a next link is due. */
  private void read(ItemsQuery query, Crs crs, ApprovedSightings.Sink sink)
      throws java.io.IOException {
    sightings.stream(
        query.where(),
        crs.geometry("s.geom"),
        query.order(),
        query.after(),
        query.offset(),
        query.limit() + 1L,
        sink);
  }

  /** The next page: after the last id, or further down a sorted list. */
  private static String next(URI request, ItemsQuery query, long lastId) {
    UriBuilder next = UriBuilder.fromUri(request);
    if (query.order() == null) {
      next.replaceQueryParam("after", lastId);
    } else {
      next.replaceQueryParam("offset", query.offset() + query.limit());
    }
    return next.build().toString();
  }

  /** A page of items held whole, in CRS84 for the HTML page; {@code next} null on the last page. */
  public record ItemsPage(List<SightingView> features, long matched, String next) {}

  public ItemsPage itemsPage(ItemsQuery query, URI request) throws java.io.IOException {
    long matched = sightings.count(query.where());
    List<SightingView> features = new ArrayList<>();
    read(query, Crs.DEFAULT, features::add);
    boolean more = features.size() > query.limit();
    if (more) {
      features.remove(features.size() - 1);
    }
    String next = more ? next(request, query, features.get(features.size() - 1).id()) : null;
    return new ItemsPage(features, matched, next);
  }

  /** One approved sighting; anything else is 404. */
  public SightingView approved(String featureId, Crs crs) {
    return parseId(featureId)
        .flatMap(id -> sightings.one(id, crs.geometry("s.geom")))
        .orElseThrow(() -> ApiException.notFound("No sighting " + featureId));
  }

  /** One approved sighting with its links; anything else is 404. */
  public ObjectNode item(String featureId, FeatureShape shape, URI base) {
    SightingView sighting = approved(featureId, shape.crs());
    String collection = ogc(base) + "/collections/" + COLLECTION;
    ObjectNode feature = shape.apply(sighting, mapper);
    feature.set(
        "links",
        mapper.valueToTree(
            List.of(
                new Link(collection + "/items/" + sighting.id(), "self", GEO_JSON, "This sighting"),
                new Link(
                    collection + "/items/" + sighting.id() + "?f=html",
                    "alternate",
                    HTML,
                    "This sighting as a web page"),
                new Link(collection, "collection", JSON, "The collection"))));
    return feature;
  }

  private static java.util.Optional<Long> parseId(String text) {
    try {
      long id = Long.parseLong(text);
      return id > 0 ? java.util.Optional.of(id) : java.util.Optional.empty();
    } catch (NumberFormatException e) {
      return java.util.Optional.empty();
    }
  }

  /** The landing page's absolute URI, the root of the OGC API's definition. */
  public URI landingUri(URI base) {
    return URI.create(ogc(base));
  }

  private static String ogc(URI base) {
    return base.toString().replaceAll("/$", "") + "/ogc";
  }

  /** Counts what a page sends, and writes its links once the last id is known. */
  private static final class Page {
    private final int limit;
    private int returned;
    private long lastId;
    private boolean more;

    Page(int limit) {
      this.limit = limit;
    }

    boolean take(long id) {
      if (returned == limit) {
        more = true;
        return false;
      }
      returned++;
      lastId = id;
      return true;
    }

    Map<String, Object> tail(URI request, ItemsQuery query) {
      List<Link> links = new ArrayList<>();
      links.add(new Link(request.toString(), "self", GEO_JSON, "This page"));
      links.add(
          new Link(
              UriBuilder.fromUri(request).replaceQueryParam("f", "json").build().toString(),
              "alternate",
              JSON,
              "This page as plain JSON"));
      links.add(
          new Link(
              UriBuilder.fromUri(request).replaceQueryParam("f", "html").build().toString(),
              "alternate",
              HTML,
              "This page as a web page"));
      if (more) {
        links.add(new Link(next(request, query, lastId), "next", GEO_JSON, "Next page"));
      }
      Map<String, Object> tail = new LinkedHashMap<>();
      tail.put("numberReturned", returned);
      tail.put("links", links);
      return tail;
    }
  }
}
