package org.technocarte.export;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.technocarte.common.geo.PointGeometry;
import org.technocarte.sighting.Area;
import org.technocarte.sighting.CameraType;
import org.technocarte.sighting.Mount;
import org.technocarte.sighting.OperatorType;
import org.technocarte.sighting.SightingView;
import org.technocarte.sighting.Source;
import org.technocarte.sighting.Status;
import org.technocarte.sighting.SurveillanceType;
import org.technocarte.sighting.Zone;

/**
 * A sighting as the GeoJSON export writes it: the city flat, {@code cityCode} and {@code cityName}
 * (null far from any known place), the names the OGC API, the queryables, the filters and the CSV
 * use, so that a researcher's script reads the same columns from every format. Records, so that
 * Jackson writes a million of them without building a tree for each.
 */
@Schema(name = "ExportFeature")
public record FlatFeature(
    @Schema(enumeration = "Feature") String type,
    long id,
    PointGeometry geometry,
    Properties properties) {

  /** The export's file, for the OpenAPI document: the features, then the licence. */
  @Schema(name = "ExportCollection")
  public record Collection(
      @Schema(enumeration = "FeatureCollection") String type,
      @Schema(example = "ODbL-1.0") String license,
      String attribution,
      List<FlatFeature> features) {}

  /** The properties of {@code SightingProperties}, the city flat, no edit token. */
  @Schema(name = "ExportProperties")
  public record Properties(
      SurveillanceType surveillanceType,
      CameraType cameraType,
      Mount mount,
      List<Integer> directions,
      Integer fieldOfView,
      Area area,
      Zone zone,
      String operator,
      OperatorType operatorType,
      Double height,
      boolean vsaSuspected,
      String vsaEvidence,
      String notes,
      @Schema(description = "GeoNames id of the city; null far from any known place")
          String cityCode,
      @Schema(description = "Name of the city; null far from any known place") String cityName,
      LocalDate observedAt,
      LocalDate checkDate,
      Status status,
      LocalDate removedOn,
      Source source,
      String sourceRef,
      int version,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt) {}

  /** The sighting without its edit token, which is never public. */
  static FlatFeature of(SightingView sighting) {
    SightingView.Properties p = sighting.properties();
    SightingView.CityRef city = p.city();
    return new FlatFeature(
        sighting.type(),
        sighting.id(),
        sighting.geometry(),
        new Properties(
            p.surveillanceType(),
            p.cameraType(),
            p.mount(),
            p.directions(),
            p.fieldOfView(),
            p.area(),
            p.zone(),
            p.operator(),
            p.operatorType(),
            p.height(),
            p.vsaSuspected(),
            p.vsaEvidence(),
            p.notes(),
            city == null ? null : city.code(),
            city == null ? null : city.name(),
            p.observedAt(),
            p.checkDate(),
            p.status(),
            p.removedOn(),
            p.source(),
            p.sourceRef(),
            p.version(),
            p.createdAt(),
            p.updatedAt()));
  }
}
