package org.technocarte.city;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.technocarte.common.error.Problem;

/** Statistics of the approved sightings, for researchers and journalists. */
@Path("/api/stats")
@Tag(name = "Statistics", description = "Counts of approved sightings")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class StatsResource {

  private final CityStatsService service;

  public StatsResource(CityStatsService service) {
    this.service = service;
  }

  @GET
  @Operation(
      summary = "Statistics",
      description =
          "Per city: cameras, suspected VSA (count and share), by surveillance and camera type;"
              + " and approved sightings by the month they were added.")
  @APIResponse(
      responseCode = "200",
      description = "The statistics",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Stats.class)))
  public Stats stats() {
    return service.stats();
  }
}
