package org.technocarte.city;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.technocarte.auth.CurrentUser;
import org.technocarte.common.Caching;
import org.technocarte.common.error.Problem;

/** The cities that have approved sightings, and each city's page: its counts and VSA evidence. */
@Path("/api/cities")
@Tag(name = "Cities", description = "Cities and their cameras")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class CityResource {

  private final CityStatsService service;
  private final CityEvidenceService evidence;
  private final CurrentUser currentUser;

  public CityResource(
      CityStatsService service, CityEvidenceService evidence, CurrentUser currentUser) {
    this.service = service;
    this.evidence = evidence;
    this.currentUser = currentUser;
  }

  @GET
  @Operation(
      summary = "Cities with approved sightings or VSA evidence",
      description =
          "Each city with its code, name and number of approved cameras, largest first; then the"
              + " cities with VSA evidence but no approved camera yet, by name.")
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
      description =
          "Its approved cameras counted (suspected VSA, by surveillance and camera type), its VSA"
              + " evidence newest first, and whether the logged-in moderator may edit it. Any city"
              + " of the gazetteer answers, with zero cameras if none is approved yet.")
  @APIResponse(
      responseCode = "200",
      description = "The city",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CityStats.class)))
  @APIResponse(responseCode = "404", description = "No city with this code in the gazetteer")
  public Response city(@PathParam("code") String code) {
    CityStats city = service.city(code);
    var moderator = currentUser.get();
    boolean canEdit = moderator.map(m -> evidence.mayEdit(m, code)).orElse(false);
    Response.ResponseBuilder answer =
        Response.ok(city.page(evidence.list(code), canEdit)).header("Vary", "Cookie");
    // canEdit belongs to whoever holds the session: no cache keeps that answer.
    return currentUser.token() == null
        ? answer.build()
        : answer.cacheControl(Caching.privateNoStore()).build();
  }

  @GET
  @Path("{code}/evidence/{id}")
  @Operation(summary = "One piece of a city's VSA evidence")
  @APIResponse(
      responseCode = "200",
      description = "The evidence",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = EvidenceView.class)))
  @APIResponse(responseCode = "404", description = "No such evidence in this city")
  public EvidenceView evidence(@PathParam("code") String code, @PathParam("id") long id) {
    return evidence.one(code, id);
  }
}
