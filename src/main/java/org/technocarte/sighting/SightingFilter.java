package org.technocarte.sighting;

import jakarta.ws.rs.core.MultivaluedMap;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Set;
import org.technocarte.common.WireValue;
import org.technocarte.common.geo.BBox;

/**
 * Which public sightings a reader asks for, the one filter of the map, the exports, the OGC API
 * items, the tiles and the statistics; nulls and empty sets mean "any", except {@code statuses}:
 * approved unless removed ones are asked for. No cap on the box here: the map caps it (its answer
 * is held whole), an export is meant to be large and is streamed.
 *
 * <p>A new filter is two edits: a component here (read in {@link #read}, written as SQL in {@link
 * #where}, named in {@link #nameSuffix}), and its documentation in {@link FilterParams}.
 */
public record SightingFilter(
    BBox bbox,
    String cityCode,
    Set<SurveillanceType> surveillanceTypes,
    Set<CameraType> cameraTypes,
    Boolean vsaSuspected,
    LocalDate observedSince,
    OffsetDateTime updatedSince,
    Set<Status> statuses,
    Long campaign) {

  /** The query parameters of the filter. */
  public static final Set<String> PARAMETERS =
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
  public static final SightingFilter NONE = statuses(Set.of(Status.APPROVED), null);

  /** The sightings of these statuses, of a mapping party when {@code campaign} is not null. */
  public static SightingFilter statuses(Set<Status> statuses, Long campaign) {
    return new SightingFilter(null, null, null, null, null, null, null, statuses, campaign);
  }

  /** Reads the query string, refusing it whole (400) with every bad parameter named. */
  public static SightingFilter parse(MultivaluedMap<String, String> query) {
    QueryParams params = new QueryParams(query, PARAMETERS);
    SightingFilter filter = read(params);
    params.check();
    return filter;
  }

  /**
   * Reads the filter's parameters; the errors are collected in {@code params}, for its {@code
   * check()}.
   */
  public static SightingFilter read(QueryParams params) {
    return new SightingFilter(
        params.bbox("bbox"),
        params.cityCode("city"),
        params.words("surveillanceType", SurveillanceType.class),
        params.words("cameraType", CameraType.class),
        params.bool("vsaSuspected"),
        params.date("observedSince"),
        params.instant("updatedSince"),
        params.statuses("status"),
        params.campaign("campaign"));
  }

  /**
   * The filter in a file name, safe on every file system: "-city-2992166-vsa-dome" ("" for none).
   * The box is named "-bbox" only, as its figures would make an unreadable name.
   */
  public String nameSuffix() {
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

  /** The filter as SQL, one named piece per criterion. */
  public Where where() {
    Where where = new Where().statuses(statuses);
    if (campaign != null) {
      where.campaign(campaign);
    }
    if (bbox != null) {
      where.bbox(bbox);
    }
    if (cityCode != null) {
      where.and("s.city_code = ?", cityCode);
    }
    where.anyOf("s.surveillance_type", surveillanceTypes);
    where.anyOf("s.camera_type", cameraTypes);
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
}
