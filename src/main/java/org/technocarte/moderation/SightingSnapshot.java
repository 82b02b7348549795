package org.technocarte.moderation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.PrecisionModel;
import org.technocarte.sighting.Area;
import org.technocarte.sighting.CameraType;
import org.technocarte.sighting.Mount;
import org.technocarte.sighting.OperatorType;
import org.technocarte.sighting.Sighting;
import org.technocarte.sighting.Status;
import org.technocarte.sighting.SurveillanceType;
import org.technocarte.sighting.Zone;

/**
 * Everything a moderation action may change in a sighting, as kept in the audit log before and
 * after each action, and written back by a revert.
 */
public record SightingSnapshot(
    double lon,
    double lat,
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
    String cityCode,
    String cityName,
    LocalDate observedAt,
    LocalDate checkDate,
    Status status,
    Long mergedInto,
    LocalDate removedOn) {

  private static final GeometryFactory WGS84 = new GeometryFactory(new PrecisionModel(), 4326);

  static SightingSnapshot of(Sighting s) {
    return new SightingSnapshot(
        s.geom.getX(),
        s.geom.getY(),
        s.surveillanceType,
        s.cameraType,
        s.mount,
        Arrays.stream(s.directions).boxed().toList(),
        s.fieldOfView,
        s.area,
        s.zone,
        s.operator,
        s.operatorType,
        s.height == null ? null : s.height.doubleValue(),
        s.vsaSuspected,
        s.vsaEvidence,
        s.notes,
        s.cityCode,
        s.cityName,
        s.observedAt,
        s.checkDate,
        s.status,
        s.mergedInto,
        s.removedOn);
  }

  void applyTo(Sighting s) {
    s.geom = WGS84.createPoint(new Coordinate(lon, lat));
    s.surveillanceType = surveillanceType;
    s.cameraType = cameraType;
    s.mount = mount;
    s.directions = directions.stream().mapToInt(Integer::intValue).toArray();
    s.fieldOfView = fieldOfView;
    s.area = area;
    s.zone = zone;
    s.operator = operator;
    s.operatorType = operatorType;
    s.height = height == null ? null : BigDecimal.valueOf(height).setScale(2, RoundingMode.HALF_UP);
    s.vsaSuspected = vsaSuspected;
    s.vsaEvidence = vsaEvidence;
    s.notes = notes;
    s.cityCode = cityCode;
    s.cityName = cityName;
    s.observedAt = observedAt;
    s.checkDate = checkDate;
    s.status = status;
    s.mergedInto = mergedInto;
    s.removedOn = removedOn;
  }
}
