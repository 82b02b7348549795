package org.technocarte.campaign;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.technocarte.auth.CurrentUser;
import org.technocarte.auth.LoginRequired;
import org.technocarte.common.JsonBody;
import org.technocarte.common.error.Problem;

/** A group's mapping parties: its admins create and delete them, its members list them. */
@Path("/api/groups/{groupId}/campaigns")
@LoginRequired
@Tag(name = "Mapping parties")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@APIResponse(responseCode = "401", description = "Not logged in")
@APIResponse(responseCode = "403", description = "Not an admin (or member) of this group")
@APIResponse(responseCode = "404", description = "No such group or party")
public class CampaignAdminResource {

  private final CampaignService service;
  private final CurrentUser currentUser;
  private final JsonBody json;

  public CampaignAdminResource(CampaignService service, CurrentUser currentUser, JsonBody json) {
    this.service = service;
    this.currentUser = currentUser;
    this.json = json;
  }

  /** The body of a new party, for the OpenAPI document. */
  @Schema(name = "CampaignInput")
  public record Body(
      @Schema(required = true, maxLength = 200) String name,
      @Schema(
              description =
                  "A GeoJSON Polygon or MultiPolygon within the group's territory; the whole"
                      + " territory when left out")
          Object zone,
      @Schema(required = true, example = "2026-12-05T14:00:00+01:00") OffsetDateTime startsAt,
      @Schema(required = true, description = "After startsAt, at most 31 days later, not past")
          OffsetDateTime endsAt,
      @Schema(maxLength = 1000, example = "Every street of the Écusson") String goal) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Create a mapping party in the group's territory")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Body.class)))
  @APIResponse(
      responseCode = "201",
      description = "Created: its code, short link and dates",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CampaignService.Summary.class)))
  @APIResponse(responseCode = "400", description = "Malformed JSON")
  @APIResponse(responseCode = "422", description = "Invalid fields, each listed in errors")
  public Response create(
      @PathParam("groupId") long groupId,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type,
      InputStream body) {
    CampaignService.Summary created =
        service.create(
            currentUser.require(),
            groupId,
            CampaignInput.parse(json.read(body, type), OffsetDateTime.now()));
    return Response.status(Response.Status.CREATED).entity(created).build();
  }

  @GET
  @Operation(summary = "The group's mapping parties, the latest first")
  public List<CampaignService.Summary> list(@PathParam("groupId") long groupId) {
    return service.ofGroup(currentUser.require(), groupId);
  }

  @DELETE
  @Path("{id}")
  @Operation(
      summary = "Delete a mapping party",
      description = "Its sightings stay as they are: a party never marked them.")
  @APIResponse(responseCode = "204", description = "Deleted")
  public Response delete(@PathParam("groupId") long groupId, @PathParam("id") long id) {
    service.delete(currentUser.require(), groupId, id);
    return Response.noContent().build();
  }
}
