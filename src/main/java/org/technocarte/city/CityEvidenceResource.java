package org.technocarte.city;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
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

/**
 * Writing a city's VSA evidence: council deliberations, procurement notices, prefectoral orders,
 * press. The moderators of the groups whose territory covers the city write it; anyone reads it
 * through {@link CityResource}.
 */
@Path("/api/cities/{code}/evidence")
@LoginRequired
@Tag(name = "Cities", description = "Cities and their cameras")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@APIResponse(responseCode = "401", description = "Not logged in")
@APIResponse(
    responseCode = "403",
    description = "Not a moderator of a group covering this city, or no CSRF token")
@APIResponse(
    responseCode = "404",
    description = "No such city in the gazetteer, or no such evidence in this city")
@APIResponse(responseCode = "422", description = "Invalid fields, each named in errors")
public class CityEvidenceResource {

  private final CityEvidenceService evidence;
  private final CurrentUser currentUser;
  private final JsonBody json;

  public CityEvidenceResource(
      CityEvidenceService evidence, CurrentUser currentUser, JsonBody json) {
    this.evidence = evidence;
    this.currentUser = currentUser;
    this.json = json;
  }

  /** What a moderator sends; every field is checked by {@link EvidenceInput}. */
  @Schema(name = "CityEvidenceInput")
  public record Input(
      @Schema(
              required = true,
              enumeration = {
                "council_deliberation",
                "procurement_notice",
                "prefectoral_order",
                "press"
              })
          String kind,
      @Schema(required = true, maxLength = 300) String title,
      @Schema(required = true, format = "date", description = "Not after today") String publishedOn,
      @Schema(required = true, maxLength = 2000, description = "http or https") String url,
      @Schema(maxLength = 2000) String note,
      @Schema(description = "On a change: the version you edited (409 if it changed since)")
          Integer version) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Add VSA evidence to a city (its groups' moderators, site admins)",
      description = "Fields: kind, title, publishedOn (YYYY-MM-DD), url, optional note.")
  @RequestBody(content = @Content(schema = @Schema(implementation = Input.class)))
  @APIResponse(
      responseCode = "201",
      description = "Added",
      content = @Content(schema = @Schema(implementation = EvidenceView.class)))
  public Response create(
      @PathParam("code") String code,
      @Context HttpHeaders headers,
      InputStream body,
      @Context UriInfo uri) {
    var moderator = currentUser.require();
    EvidenceView created =
        evidence.create(moderator, code, json.read(body, headers.getMediaType()));
    return Response.created(
            uri.getBaseUriBuilder()
                .path("api/cities/{code}/evidence/{id}")
                .build(code, created.id()))
        .entity(created)
        .build();
  }

  @PATCH
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Change VSA evidence (its city's groups' moderators, site admins)",
      description = "Only the fields sent change; version is required, note: null removes it.")
  @RequestBody(content = @Content(schema = @Schema(implementation = Input.class)))
  @APIResponse(
      responseCode = "200",
      description = "Changed",
      content = @Content(schema = @Schema(implementation = EvidenceView.class)))
  @APIResponse(responseCode = "409", description = "Someone changed it since that version")
  public EvidenceView edit(
      @PathParam("code") String code,
      @PathParam("id") long id,
      @Context HttpHeaders headers,
      InputStream body) {
    var moderator = currentUser.require();
    return evidence.edit(moderator, code, id, json.read(body, headers.getMediaType()));
  }

  @DELETE
  @Path("{id}")
  @Operation(
      summary = "Delete VSA evidence (its city's groups' moderators, site admins)",
      description = "Logged with the entry as it was. With ?version=, only that version.")
  @APIResponse(responseCode = "204", description = "Deleted")
  @APIResponse(responseCode = "409", description = "Someone changed it since that version")
  public Response delete(
      @PathParam("code") String code,
      @PathParam("id") long id,
      @QueryParam("version") Integer version) {
    evidence.delete(currentUser.require(), code, id, version);
    return Response.noContent().build();
  }
}
