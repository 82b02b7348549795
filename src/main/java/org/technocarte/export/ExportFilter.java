package org.technocarte.export;

import jakarta.ws.rs.core.MultivaluedMap;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import org.technocarte.common.WireValue;
import org.technocarte.common.geo.BBox;
import org.technocarte.sighting.CameraType;
import org.technocarte.sighting.Status;
import org.technocarte.sighting.SurveillanceType;

/**
 * What a researcher asks of an export; nulls and empty sets mean "any". No cap on the box: an
 * export is meant to be large, and it is streamed.
 */
public record ExportFilter(
    BBox bbox,
    String cityCode,
    Set<SurveillanceType> surveillanceTypes,
    Set<CameraType> cameraTypes,
    Boolean vsaSuspected,
    LocalDate observedSince,
    OffsetDateTime updatedSince,
    Set<Status> statuses,
    Long campaign) {

  static final Set<String> PARAMETERS =
      Set.of(
          "bbox",
          "city",
          "surveillanceType",
          "cameraType",
          "vsaSuspected",
          "observedSince",
          "updatedSince",
          "status",
          "campaign");

  /** No filter: everything approved. */
  static final ExportFilter NONE =
      new ExportFilter(null, null, null, null, null, null, null, Set.of(Status.APPROVED), null);

  /**
   * The filter in a file name, safe on every file system: "-city-2992166-vsa-dome" ("" for none).
   * The box is named "-bbox" only, as its figures would make an unreadable name.
   */
  String nameSuffix() {
    StringBuilder name = new StringBuilder();
    if (cityCode != null) {
      name.append("-city-").append(cityCode);
    }
    if (bbox != null) {
      name.append("-bbox");
    }
    words(name, surveillanceTypes);
    words(name, cameraTypes);
    if (vsaSuspected != null) {
      name.append(vsaSuspected ? "-vsa" : "-not-vsa");
    }
    if (observedSince != null) {
      name.append("-observed-since-").append(observedSince);
    }
    if (updatedSince != null) {
      name.append("-updated-since-").append(updatedSince.toLocalDate());
    }
    if (statuses != null && statuses.contains(Status.REMOVED)) {
      name.append(statuses.contains(Status.APPROVED) ? "-with-removed" : "-removed");
    }
    if (campaign != null) {
      name.append("-party-").append(campaign);
    }
    return name.toString();
  }

  private static void words(StringBuilder name, Set<? extends WireValue> values) {
    if (values != null) {
      values.stream().map(WireValue::wire).sorted().forEach(w -> name.append('-').append(w));
    }
  }

  /** Reads the query string, refusing it whole (400) with every bad parameter named. */
  public static ExportFilter parse(MultivaluedMap<String, String> query) {
    QueryParams params = new QueryParams(query, PARAMETERS);
    ExportFilter filter =
        new ExportFilter(
            params.bbox("bbox"),
            params.cityCode("city"),
            params.words("surveillanceType", SurveillanceType.class),
            params.words("cameraType", CameraType.class),
            params.bool("vsaSuspected"),
            params.date("observedSince"),
            params.instant("updatedSince"),
            params.statuses("status"),
            params.campaign("campaign"));
    params.check();
    return filter;
  }

  /** The filter as SQL, one named piece per criterion. */
  public Where where() {
    Where where = new Where().statuses(statuses);
    if (campaign != null) {
      where.campaign(campaign);
    }
    if (bbox != null) {
      bbox(where, bbox);
    }
    if (cityCode != null) {
      where.and("s.city_code = ?", cityCode);
    }
    anyOf(where, "s.surveillance_type", surveillanceTypes);
    anyOf(where, "s.camera_type", cameraTypes);
    if (vsaSuspected != null) {
      where.and("s.vsa_suspected = ?", vsaSuspected);
    }
    if (observedSince != null) {
      where.and("s.observed_at >= ?", observedSince);
    }
    if (updatedSince != null) {
      where.and("s.updated_at >= ?", updatedSince);
    }
    return where;
  }

  /** Answered by the GiST index, a box across the antimeridian too (see BBox.sqlIntersects). */
  static void bbox(Where where, BBox box) {
    where.and(box.sqlIntersects("s.geom"), box.sqlValues());
  }

  private static void anyOf(Where where, String column, Set<? extends WireValue> in) {
    if (in != null && !in.isEmpty()) {
      where.and(
          column + " = ANY (?)", (Object) in.stream().map(WireValue::wire).toArray(String[]::new));
    }
  }
}
