package org.technocarte.sighting;

import jakarta.ws.rs.QueryParam;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.enums.Explode;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterStyle;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.technocarte.common.config.TechnocarteConfig;
import org.technocarte.common.error.FieldCode;

/**
 * The map's request: the filter, its box required and capped (the answer is held whole), and a
 * limit. The fields only carry the documentation, as in {@link FilterParams}.
 */
public class MapParams extends FilterParams {

  /** The map's parameters: the filter, and how many sightings at most. */
  static final Set<String> PARAMETERS = with(SightingFilter.PARAMETERS, "limit");

  @QueryParam("bbox")
  @Parameter(
      required = true,
      description =
          "west,south,east,north (WGS84), or 6 numbers with heights; west > east crosses the"
              + " antimeridian; its area is capped (maxBboxArea of GET /api/config). Example:"
              + " 3.87,43.60,3.89,43.62",
      style = ParameterStyle.FORM,
      explode = Explode.FALSE,
      schema =
          @Schema(
              type = SchemaType.ARRAY,
              implementation = Double.class,
              minItems = 4,
              maxItems = 6))
  String bbox;

  @QueryParam("limit")
  @Parameter(
      description = "At most this many sightings (default and cap set by the server)",
      schema = @Schema(implementation = Integer.class, minimum = "1"))
  String limit;

  /** A page of the map: the sightings of {@code filter}, at most {@code limit}. */
  public record Page(SightingFilter filter, int limit) {}

  /**
   * Reads the map's query string, reporting every bad parameter at once (400): a bbox missing,
   * malformed, inverted or larger than the cap, a limit out of range, a bad filter, an unknown
   * word.
   */
  Page page(TechnocarteConfig.Api api) {
    QueryParams params = new QueryParams(query(), PARAMETERS);
    params.require("bbox", "is required: minLon,minLat,maxLon,maxLat");
    SightingFilter filter = SightingFilter.read(params);
    if (filter.bbox() != null && filter.bbox().areaDegrees() > api.maxBboxArea()) {
      params.error(
          "bbox",
          FieldCode.TOO_LARGE,
          "covers "
              + String.format(Locale.ROOT, "%.2f", filter.bbox().areaDegrees())
              + " square degrees, more than the "
              + api.maxBboxArea()
              + " allowed: zoom in");
    }
    int limit = limit(params, api);
    params.check();
    return new Page(filter, limit);
  }

  private static int limit(QueryParams params, TechnocarteConfig.Api api) {
    String text = params.text("limit");
    if (text == null) {
      return api.defaultLimit();
    }
    try {
      int limit = Integer.parseInt(text.trim());
      if (limit >= 1 && limit <= api.maxLimit()) {
        return limit;
      }
      params.error("limit", FieldCode.OUT_OF_RANGE, "must be from 1 to " + api.maxLimit());
    } catch (NumberFormatException e) {
      params.error(
          "limit", FieldCode.OUT_OF_RANGE, "must be a whole number from 1 to " + api.maxLimit());
    }
    return api.defaultLimit();
  }

  private static Set<String> with(Set<String> names, String name) {
    Set<String> all = new HashSet<>(names);
    all.add(name);
    return Set.copyOf(all);
  }
}
