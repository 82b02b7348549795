package org.technocarte.export;

import jakarta.ws.rs.core.MultivaluedMap;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.technocarte.common.error.FieldCode;
import org.technocarte.sighting.QueryParams;
import org.technocarte.sighting.SightingFilter;
import org.technocarte.sighting.Where;

/**
 * A request for a page of OGC API items: its filters as SQL, the page size and where the page
 * starts. Pages are keyed on the id, so inserts between two pages never shift them.
 */
public record ItemsQuery(
    Where where, int limit, long after, String order, long offset, FeatureShape shape) {

  static final int DEFAULT_LIMIT = 10;
  static final int MAX_LIMIT = 10_000;

  static final Set<String> PARAMETERS =
      Set.of(
          "bbox",
          "bbox-crs",
          "datetime",
          "limit",
          "after",
          "offset",
          "filter",
          "filter-lang",
          "crs",
          "sortby",
          "properties",
          "skipGeometry",
          "status",
          "campaign",
          "f");

  /** What one item takes: its encoding, its CRS and the parts of it sent. */
  static final Set<String> ITEM_PARAMETERS = Set.of("crs", "properties", "skipGeometry", "f");

  /** Reads the query string, refusing it whole (400) with every bad parameter named. */
  public static ItemsQuery parse(MultivaluedMap<String, String> query) {
    QueryParams params = new QueryParams(query, PARAMETERS);
    OgcFormat.check(params, "json", "geojson", "html");
    // The filters the OGC API shares with the map and the exports; its own come on top.
    Where where =
        SightingFilter.statuses(params.statuses("status"), params.campaign("campaign")).where();
    bbox(params, where);
    datetime(params, where);
    int limit = limit(params);
    long after = whole(params, "after", "must be the token of a next link");
    long offset = whole(params, "offset", "must be the position of a next link, 0 or more");
    filter(params, where);
    String order = Sortby.parse(params);
    if (order != null && params.text("after") != null) {
      params.error("after", FieldCode.BAD_FORMAT, "a sorted page is found by offset, not after");
    }
    FeatureShape shape = FeatureShape.parse(params);
    params.check();
    return new ItemsQuery(where, limit, after, order, offset, shape);
  }

  /** Reads the query string of one item. */
  public static FeatureShape parseItem(MultivaluedMap<String, String> query) {
    QueryParams params = new QueryParams(query, ITEM_PARAMETERS);
    OgcFormat.check(params, "json", "geojson", "html");
    FeatureShape shape = FeatureShape.parse(params);
    params.check();
    return shape;
  }

  /** The box, in CRS84 or in the CRS that bbox-crs names (Part 2). */
  private static void bbox(QueryParams params, Where where) {
    Crs crs = Crs.read(params, "bbox-crs");
    String text = params.text("bbox");
    if (text == null) {
      return;
    }
    try {
      where.and(crs.box(text, "s.geom"));
    } catch (IllegalArgumentException e) {
      params.error("bbox", FieldCode.BAD_FORMAT, e.getMessage());
    }
  }

  /** Above the maximum, the page is clamped rather than refused, as OGC API – Features asks. */
  private static int limit(QueryParams params) {
    String text = params.text("limit");
    if (text == null) {
      return DEFAULT_LIMIT;
    }
    try {
      long limit = Long.parseLong(text.trim());
      if (limit < 1) {
        params.error("limit", FieldCode.OUT_OF_RANGE, "must be at least 1");
      }
      return (int) Math.min(Math.max(limit, 1), MAX_LIMIT);
    } catch (NumberFormatException e) {
      params.error(
          "limit",
          FieldCode.OUT_OF_RANGE,
          "must be a whole number from 1 (at most " + MAX_LIMIT + " are sent)");
      return DEFAULT_LIMIT;
    }
  }

  private static long whole(QueryParams params, String name, String rule) {
    String text = params.text(name);
    if (text == null) {
      return 0;
    }
    try {
      long value = Long.parseLong(text.trim());
      if (value >= 0) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    params.error(name, FieldCode.BAD_FORMAT, rule);
    return 0;
  }

  private static void filter(QueryParams params, Where where) {
    String language = params.text("filter-lang");
    if (language != null && !language.equals("cql2-text")) {
      params.error("filter-lang", FieldCode.BAD_FORMAT, "only cql2-text is supported");
      return;
    }
    String filter = params.text("filter");
    if (filter == null) {
      return;
    }
    try {
      Cql2Text.Sql sql = Cql2Text.parse(filter);
      where.and(sql.condition(), sql.params());
    } catch (org.technocarte.common.error.ApiException e) {
      params.error("filter", FieldCode.BAD_FORMAT, e.getMessage().replaceFirst("^filter: ", ""));
    }
  }

  /**
   * The datetime parameter, on the date the camera was seen: an instant ({@code 2026-11-28} or
   * {@code 2026-11-28T10:00:00Z}, that day) or an interval {@code start/end} with {@code ..} or
   * nothing for an open end. Both ends are inclusive.
   */
  private static void datetime(QueryParams params, Where where) {
    String text = params.text("datetime");
    if (text == null) {
      return;
    }
    try {
      int slash = text.indexOf('/');
      if (slash < 0) {
        where.and("s.observed_at = ?", day(text));
        return;
      }
      String start = text.substring(0, slash).trim();
      String end = text.substring(slash + 1).trim();
      LocalDate from = open(start) ? null : day(start);
      LocalDate to = open(end) ? null : day(end);
      if (from != null && to != null && from.isAfter(to)) {
        params.error("datetime", FieldCode.BAD_FORMAT, "the interval ends before it starts");
        return;
      }
      if (from != null) {
        where.and("s.observed_at >= ?", from);
      }
      if (to != null) {
        where.and("s.observed_at <= ?", to);
      }
    } catch (DateTimeParseException e) {
      params.error(
          "datetime",
          FieldCode.NOT_A_DATE,
          "must be a date, a date-time (RFC 3339) or an interval start/end with '..' for an open"
              + " end");
    }
  }

  private static boolean open(String end) {
    return end.isEmpty() || end.equals("..");
  }

  /** The UTC day of an instant: sightings carry a date, not a time. */
  private static LocalDate day(String text) {
    String t = text.trim();
    if (t.length() == 10) {
      return LocalDate.parse(t);
    }
    return OffsetDateTime.parse(t).withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
  }
}
