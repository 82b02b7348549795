package org.technocarte.city;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.technocarte.common.error.ApiException;
import org.technocarte.common.error.FieldCode;
import org.technocarte.common.error.FieldError;
import org.technocarte.common.error.Problem;

/**
 * Finds a place by name in the gazetteer shipped with the app: the map's city search, and the way
 * to learn the code that the {@code city} filters take. No third party is asked.
 */
@Path("/api/places")
@Tag(name = "Cities", description = "Cities and their cameras")
public class PlaceResource {

  static final int MAX_LIMIT = 20;

  private final Gazetteer gazetteer;

  public PlaceResource(Gazetteer gazetteer) {
    this.gazetteer = gazetteer;
  }

  /** A place found: its GeoNames code, name, country and position. */
  @Schema(name = "Place")
  public record PlaceView(
      @Schema(description = "GeoNames id, the code of the city filters", example = "2992166")
          String code,
      @Schema(example = "Montpellier") String name,
      @Schema(description = "ISO 3166-1 alpha-2", example = "FR") String country,
      double lat,
      double lon,
      long population) {
    static PlaceView of(Gazetteer.Place p) {
      return new PlaceView(p.code(), p.name(), p.country(), p.lat(), p.lon(), p.population());
    }
  }

  @GET
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  @Operation(
      summary = "Places whose name starts with the text",
      description =
          "Accents and case ignored; a word inside the name matches too (\"jean\" finds"
              + " Saint-Jean-de-Védas). French places first, then by population.")
  @APIResponse(
      responseCode = "200",
      description = "The places, at most `limit`",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = PlaceView.class)))
  @APIResponse(responseCode = "400", description = "No text, or a limit out of range")
  public Response search(
      @Parameter(description = "The beginning of a name, 2 to 80 characters", example = "montp")
          @QueryParam("q")
          String q,
      @Parameter(description = "1 to 20, default 8") @QueryParam("limit") String limit) {
    List<FieldError> errors = new java.util.ArrayList<>();
    String text = q == null ? "" : q.strip();
    if (Gazetteer.fold(text).length() < 2 || text.length() > 80) {
      errors.add(
          new FieldError("q", FieldCode.LENGTH, "must be 2 to 80 characters of a place's name"));
    }
    int max = 8;
    if (limit != null) {
      try {
        max = Integer.parseInt(limit.strip());
        if (max < 1 || max > MAX_LIMIT) {
          errors.add(
              new FieldError("limit", FieldCode.OUT_OF_RANGE, "must be from 1 to " + MAX_LIMIT));
        }
      } catch (NumberFormatException e) {
        errors.add(
            new FieldError(
                "limit", FieldCode.NOT_A_NUMBER, "must be a whole number from 1 to " + MAX_LIMIT));
      }
    }
    if (!errors.isEmpty()) {
      throw ApiException.badParameters(errors);
    }
    List<PlaceView> places = gazetteer.search(text, max).stream().map(PlaceView::of).toList();
    CacheControl cache = new CacheControl();
    cache.setMaxAge(86400); // the gazetteer changes only with a new release
    return Response.ok(places).type(MediaType.APPLICATION_JSON).cacheControl(cache).build();
  }
}
