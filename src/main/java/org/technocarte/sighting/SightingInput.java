package org.technocarte.sighting;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.technocarte.common.geo.PointGeometry;

/**
 * What a client sent about a sighting, already validated. For an amendment only the fields in
 * {@code present} change; a present field may be null to clear it.
 */
public record SightingInput(
    Set<String> present,
    PointGeometry geometry,
    SurveillanceType surveillanceType,
    CameraType cameraType,
    Mount mount,
    List<Integer> directions,
    Integer fieldOfView,
    Area area,
    Zone zone,
    String operator,
    OperatorType operatorType,
    BigDecimal height,
    Boolean vsaSuspected,
    String vsaEvidence,
    String notes,
    String cityName,
    LocalDate observedAt,
    UUID clientId,
    Integer version) {

  /** Whether the client sent this field (JSON name, or "geometry"). */
  public boolean has(String field) {
    return present.contains(field);
  }
}
