package org.technocarte.sighting;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.technocarte.common.geo.PointGeometry;

/** A sighting as the API shows it: a GeoJSON Feature whose properties follow DESIGN.md. */
@Schema(name = "SightingFeature")
public record SightingView(
    @Schema(enumeration = "Feature") String type,
    @Schema(description = "Assigned by the server") long id,
    PointGeometry geometry,
    Properties properties) {

  @Schema(name = "SightingProperties")
  public record Properties(
      SurveillanceType surveillanceType,
      CameraType cameraType,
      Mount mount,
      @Schema(description = "Degrees clockwise from north, 0–359; a camera may look several ways")
          List<Integer> directions,
      @Schema(description = "Degrees, 1–360", minimum = "1", maximum = "360") Integer fieldOfView,
      Area area,
      Zone zone,
      String operator,
      OperatorType operatorType,
      @Schema(description = "Metres above the ground") Double height,
      boolean vsaSuspected,
      @Schema(description = "Why algorithmic video surveillance is suspected, with links")
          String vsaEvidence,
      @Schema(maxLength = 2000) String notes,
      @Schema(description = "Derived from the location; null far from any known place")
          CityRef city,
      @Schema(description = "Date the camera was seen") LocalDate observedAt,
      @Schema(description = "Last date someone confirmed it is still there") LocalDate checkDate,
      Status status,
      @Schema(description = "The day it was seen gone, for a removed camera; null otherwise")
          LocalDate removedOn,
      Source source,
      @Schema(description = "Reference of the imported object, for imports") String sourceRef,
      @Schema(description = "Increases with every change; send it back to amend") int version,
      OffsetDateTime createdAt,
      OffsetDateTime updatedAt,
      @Schema(
              description =
                  "Private token to see and amend this pending sighting (header X-Edit-Token)."
                      + " Only in the answer to its creation: keep it.")
          @JsonInclude(JsonInclude.Include.NON_NULL)
          String editToken) {}

  /** A city: its code in the gazetteer (GeoNames id) and its name. */
  @Schema(name = "City")
  public record CityRef(@Schema(example = "2992166") String code, String name) {}

  public SightingView withEditToken(String token) {
    Properties p = properties;
    return new SightingView(
        type,
        id,
        geometry,
        new Properties(
            p.surveillanceType,
            p.cameraType,
            p.mount,
            p.directions,
            p.fieldOfView,
            p.area,
            p.zone,
            p.operator,
            p.operatorType,
            p.height,
            p.vsaSuspected,
            p.vsaEvidence,
            p.notes,
            p.city,
            p.observedAt,
            p.checkDate,
            p.status,
            p.removedOn,
            p.source,
            p.sourceRef,
            p.version,
            p.createdAt,
            p.updatedAt,
            token));
  }
}
