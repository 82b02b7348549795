package org.technocarte.city;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The approved cameras of one city, counted; on the city's own answer (GET /api/cities/{code}),
 * also its VSA evidence and whether the requester may edit it.
 */
@Schema(name = "CityStats")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CityStats(
    @Schema(description = "GeoNames id", example = "2992166") String code,
    @Schema(description = "The name most sightings give it", example = "Montpellier") String name,
    @Schema(description = "Approved sightings") long cameras,
    @Schema(description = "Of which suspected of algorithmic video surveillance") long vsaSuspected,
    @Schema(description = "vsaSuspected / cameras, from 0 to 1") double vsaShare,
    @Schema(description = "Cameras by surveillanceType (camera, alpr, guard, other)")
        Map<String, Long> bySurveillanceType,
    @Schema(description = "Cameras by cameraType (fixed, dome, panning, unknown)")
        Map<String, Long> byCameraType,
    @Schema(description = "Only on GET /api/cities/{code}: its VSA evidence, newest first")
        List<EvidenceView> evidence,
    @Schema(
            description =
                "Only on GET /api/cities/{code}: whether the logged-in moderator may edit its"
                    + " evidence (false without a session)")
        Boolean canEdit) {

  /** A city of the gazetteer where no camera is approved yet. */
  static CityStats empty(String code, String name) {
    return new CityStats(code, name, 0, 0, 0, Map.of(), Map.of(), null, null);
  }

  /** The city's own page: its counts, evidence, and whether the requester may edit it. */
  public CityStats page(List<EvidenceView> evidence, boolean canEdit) {
    return new CityStats(
        code,
        name,
        cameras,
        vsaSuspected,
        vsaShare,
        bySurveillanceType,
        byCameraType,
        evidence,
        canEdit);
  }
}
