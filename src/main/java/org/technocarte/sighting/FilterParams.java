package org.technocarte.sighting;

import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * The parameters of {@link SightingFilter}, shared by the map, the exports and the vector tiles,
 * taken as a {@code @BeanParam} so that they are documented once; the box, capped on the map and
 * not in an export, is documented by each subclass ({@link MapParams}, {@code ExportQuery}). The
 * fields only carry that documentation: {@link #filter()} reads the whole query string through
 * {@link SightingFilter}, which also refuses unknown parameters and names every malformed one.
 */
public abstract class FilterParams {

  @Context UriInfo uri;

  @QueryParam("city")
  @Parameter(description = "City code (GeoNames id)")
  String city;

  @QueryParam("surveillanceType")
  @Parameter(description = "camera, alpr, guard, other; comma-separated for several")
  String surveillanceType;

  @QueryParam("cameraType")
  @Parameter(description = "fixed, dome, panning, unknown; comma-separated for several")
  String cameraType;

  @QueryParam("vsaSuspected")
  @Parameter(schema = @Schema(implementation = Boolean.class))
  String vsaSuspected;

  @QueryParam("observedSince")
  @Parameter(
      description = "Seen on or after this date (YYYY-MM-DD)",
      schema = @Schema(type = SchemaType.STRING, format = "date"))
  String observedSince;

  @QueryParam("updatedSince")
  @Parameter(description = "Changed at or after this date or date-time (RFC 3339)")
  String updatedSince;

  @QueryParam("status")
  @Parameter(
      description =
          "approved (the default), removed (the cameras seen gone, with removedOn), or"
              + " approved,removed")
  String status;

  @QueryParam("campaign")
  @Parameter(
      description = "The id of a mapping party: only the sightings sent inside its zone during it",
      schema = @Schema(type = SchemaType.INTEGER))
  String campaign;

  /** The filter of this request, or 400 naming each bad or unknown parameter. */
  public SightingFilter filter() {
    return SightingFilter.parse(uri.getQueryParameters());
  }

  /** The query string of this request, for a resource that takes more than the filter. */
  public jakarta.ws.rs.core.MultivaluedMap<String, String> query() {
    return uri.getQueryParameters();
  }
}
