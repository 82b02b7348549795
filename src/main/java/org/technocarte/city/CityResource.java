package org.technocarte.city;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.technocarte.common.error.Problem;

/** The cities that have approved sightings. */
@Path("/api/cities")
@Tag(name = "Cities", description = "Cities and their cameras")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class CityResource {

  private final CityStatsService service;

  public CityResource(CityStatsService service) {
    this.service = service;
  }

  @GET
  @Operation(
      summary = "Cities with approved sightings",
      description = "Each city with its code, name and number of approved cameras, largest first.")
  @APIResponse(
      responseCode = "200",
      description = "The cities",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(type = SchemaType.ARRAY, implementation = CitySummary.class)))
  public List<CitySummary> cities() {
    return service.cities();
  }

  @GET
  @Path("{code}")
  @Operation(
      summary = "One city",
      description = "Its approved cameras counted: suspected VSA, by surveillance and camera type.")
  @APIResponse(
      responseCode = "200",
      description = "The city",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CityStats.class)))
  @APIResponse(
      responseCode = "404",
      description = "No approved sighting in a city with this code",
      content =
          @Content(
              mediaType = Problem.MEDIA_TYPE,
              schema = @Schema(implementation = Problem.class)))
  public CityStats city(@PathParam("code") String code) {
    return service.city(code);
  }
}
