package org.technocarte.removal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.technocarte.auth.CurrentUser;
import org.technocarte.auth.LoginRequired;
import org.technocarte.common.Caching;
import org.technocarte.common.error.Problem;
import org.technocarte.photo.PhotoService;
import org.technocarte.photo.PhotoStore;
import org.technocarte.sighting.SightingView;

/** The moderators' side of removal reports: list, confirm, reject. */
@Path("/api/moderation/removal-reports")
@LoginRequired
@Tag(name = "Moderation")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@APIResponse(responseCode = "401", description = "Not logged in")
@APIResponse(responseCode = "403", description = "Outside your territories, or no CSRF token")
@APIResponse(responseCode = "404", description = "No such report")
@APIResponse(
    responseCode = "409",
    description = "Already decided, someone else acted first (stale version), or not approved")
public class RemovalModerationResource {

  private final RemovalService service;
  private final PhotoService photos;
  private final CurrentUser currentUser;

  public RemovalModerationResource(
      RemovalService service, PhotoService photos, CurrentUser currentUser) {
    this.service = service;
    this.photos = photos;
    this.currentUser = currentUser;
  }

  /** The version of the camera the moderator saw, and why they decide so. */
  public record Decision(Integer version, String reason) {}

  @GET
  @Operation(
      summary = "Open removal reports on cameras of my territories, oldest first",
      description = "At most 200, each with the camera as it stands.")
  public List<RemovalService.OpenReport> open() {
    return service.open(currentUser.require());
  }

  @POST
  @Path("{id}/confirm")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Confirm a report: the camera becomes removed, or moves",
      description =
          "A camera gone keeps its data with status removed and the report's day as removedOn; a"
              + " camera moved takes the reported position. Logged (remove, move) and revertable.")
  @APIResponse(responseCode = "422", description = "No version, or a reason too long")
  public SightingView confirm(@PathParam("id") long id, Decision body) {
    Decision d = body == null ? new Decision(null, null) : body;
    return service.confirm(currentUser.require(), id, d.version(), d.reason());
  }

  @POST
  @Path("{id}/reject")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Reject a report: the camera stays as it is; logged (reject_removal)")
  @APIResponse(responseCode = "422", description = "A reason too long")
  public RemovalService.ReportView reject(@PathParam("id") long id, Decision body) {
    return service.reject(currentUser.require(), id, body == null ? null : body.reason());
  }

  @GET
  @Path("{id}/photo")
  @Produces({"image/jpeg", Problem.MEDIA_TYPE})
  @Operation(summary = "The photo of an open report (JPEG), for the camera's moderators")
  public Response photo(@PathParam("id") long id) {
    return jpeg(photos.reportFile(currentUser.require(), id, PhotoStore.Variant.FULL));
  }

  @GET
  @Path("{id}/photo/thumbnail")
  @Produces({"image/jpeg", Problem.MEDIA_TYPE})
  @Operation(summary = "The thumbnail of an open report's photo (JPEG)")
  public Response thumbnail(@PathParam("id") long id) {
    return jpeg(photos.reportFile(currentUser.require(), id, PhotoStore.Variant.THUMBNAIL));
  }

  private static Response jpeg(PhotoService.Served file) {
    return Response.ok(file.jpeg())
        .type("image/jpeg")
        .cacheControl(Caching.privateNoStore())
        .build();
  }
}
