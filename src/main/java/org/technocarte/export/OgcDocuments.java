package org.technocarte.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.technocarte.sighting.SightingView;

/** The JSON documents of the OGC API – Features endpoints. */
public final class OgcDocuments {

  private OgcDocuments() {}

  @Schema(name = "OgcLink")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Link(String href, String rel, String type, String title) {}

  @Schema(name = "OgcLandingPage")
  public record Landing(String title, String description, List<Link> links) {}

  @Schema(name = "OgcConformance")
  public record Conformance(List<String> conformsTo) {}

  @Schema(name = "OgcCollections")
  public record Collections(List<Link> links, List<Collection> collections) {}

  @Schema(name = "OgcCollection")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Collection(
      String id,
      String title,
      String description,
      List<Link> links,
      Extent extent,
      String itemType,
      List<String> crs,
      String storageCrs) {}

  @Schema(name = "OgcExtent")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Extent(Spatial spatial, Temporal temporal) {}

  @Schema(name = "OgcSpatialExtent")
  public record Spatial(List<double[]> bbox, String crs) {}

  @Schema(name = "OgcTemporalExtent")
  public record Temporal(
      @Schema(description = "[start, end]; null for an open end") List<List<String>> interval,
      String trs) {}

  /**
   * For the OpenAPI document: the items answer is PostgreSQL's features, not built from this
   * record.
   */
  @Schema(name = "OgcFeatureCollection")
  public record FeaturePage(
      @Schema(enumeration = "FeatureCollection") String type,
      List<SightingView> features,
      long numberMatched,
      int numberReturned,
      OffsetDateTime timeStamp,
      List<Link> links) {}

  /** For the OpenAPI document: one item is a sighting Feature with its links. */
  @Schema(name = "OgcFeature")
  public record Feature(
      @Schema(enumeration = "Feature") String type,
      long id,
      org.technocarte.common.geo.PointGeometry geometry,
      SightingView.Properties properties,
      List<Link> links) {}
}
