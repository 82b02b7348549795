package org.technocarte.moderation;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.technocarte.auth.CurrentUser;
import org.technocarte.auth.LoginRequired;
import org.technocarte.common.JsonBody;
import org.technocarte.common.config.TechnocarteConfig;
import org.technocarte.common.error.ApiException;
import org.technocarte.common.error.FieldCode;
import org.technocarte.common.error.FieldError;
import org.technocarte.common.error.Problem;
import org.technocarte.sighting.SightingInputParser;
import org.technocarte.sighting.SightingView;

/** The moderation queue and its actions, each logged and reversible. */
@Path("/api/moderation")
@LoginRequired
@Tag(name = "Moderation", description = "Review of sightings by local groups")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
@APIResponse(responseCode = "401", description = "Not logged in")
@APIResponse(responseCode = "403", description = "Outside your territories, or no CSRF token")
@APIResponse(responseCode = "404", description = "No such sighting or action")
@APIResponse(
    responseCode = "409",
    description = "Someone else acted first (stale version), or not possible in this status")
@APIResponse(responseCode = "422", description = "Invalid fields")
public class ModerationResource {

  private final ModerationService moderation;
  private final ImportService imports;
  private final org.technocarte.photo.PhotoService photos;
  private final CurrentUser currentUser;
  private final JsonBody json;
  private final com.fasterxml.jackson.databind.ObjectMapper mapper;
  private final int maxImportBytes;

  public ModerationResource(
      ModerationService moderation,
      ImportService imports,
      org.technocarte.photo.PhotoService photos,
      CurrentUser currentUser,
      JsonBody json,
      com.fasterxml.jackson.databind.ObjectMapper mapper,
      TechnocarteConfig config) {
    this.mapper = mapper;
    this.moderation = moderation;
    this.imports = imports;
    this.photos = photos;
    this.currentUser = currentUser;
    this.json = json;
    this.maxImportBytes = config.api().maxImportBytes();
  }

  public record Approval(Integer version, String reason) {}

  public record Rejection(
      Integer version,
      @Schema(
              enumeration = {
                "duplicate",
                "not_surveillance",
                "wrong_location",
                "private_information",
                "spam",
                "other"
              })
          String reason,
      String comment) {}

  public record Merge(Integer version, Long targetId, String reason) {}

  public record Batch(List<ModerationService.Decision> sightings, String reason) {}

  public record Revert(String reason) {}

  @GET
  @Path("queue")
  @Operation(
      summary = "Pending sightings of my territories, oldest first, with candidate duplicates",
      description =
          "A page of the queue (limit, 50 by default, at most 100): each entry with the cameras"
              + " within 25 m. The X-Total-Count header says how many pending sightings match in"
              + " all; a Link header rel=\"next\" (and X-Next-Cursor) gives the next page.")
  @Parameter(name = "limit", in = ParameterIn.QUERY, schema = @Schema(type = SchemaType.INTEGER))
  @Parameter(
      name = "after",
      in = ParameterIn.QUERY,
      description = "The cursor of the next page, from the previous answer",
      schema = @Schema(type = SchemaType.STRING))
  @Parameter(
      name = "city",
      in = ParameterIn.QUERY,
      description = "A city code",
      schema = @Schema(type = SchemaType.STRING))
  @Parameter(
      name = "age",
      in = ParameterIn.QUERY,
      description = "day: sent in the last 24 h; week: in the last 7 days; older: before",
      schema =
          @Schema(
              type = SchemaType.STRING,
              enumeration = {"day", "week", "older"}))
  @Parameter(
      name = "vsaSuspected",
      in = ParameterIn.QUERY,
      schema = @Schema(type = SchemaType.BOOLEAN))
  @Parameter(
      name = "photos",
      in = ParameterIn.QUERY,
      description = "true: only sightings with photos; false: only those without",
      schema = @Schema(type = SchemaType.BOOLEAN))
  @Parameter(
      name = "campaign",
      in = ParameterIn.QUERY,
      description =
          "The id of a mapping party: only the sightings sent inside its zone during it (to"
              + " approve them together)",
      schema = @Schema(type = SchemaType.INTEGER))
  @APIResponse(
      responseCode = "200",
      description = "A page of the queue",
      headers = {
        @Header(
            name = "X-Total-Count",
            description = "Pending sightings matching the filters, every page together",
            schema = @Schema(type = SchemaType.INTEGER)),
        @Header(
            name = "X-Next-Cursor",
            description = "The after= value of the next page; absent on the last",
            schema = @Schema(type = SchemaType.STRING))
      },
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema =
                  @Schema(
                      type = SchemaType.ARRAY,
                      implementation = ModerationService.QueueItem.class)))
  @APIResponse(responseCode = "400", description = "Unknown or invalid parameter")
  public Response queue(@Context UriInfo uri) {
    ModerationService.QueuePage page =
        moderation.queue(currentUser.require(), QueueQuery.parse(uri.getQueryParameters()));
    Response.ResponseBuilder answer =
        Response.ok(page.items()).header("X-Total-Count", page.total());
    if (page.next() != null) {
      answer
          .header("X-Next-Cursor", page.next())
          .link(uri.getRequestUriBuilder().replaceQueryParam("after", page.next()).build(), "next");
    }
    return answer.build();
  }

  @POST
  @Path("sightings/{id}/approve")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Approve a sighting: it becomes public")
  public SightingView approve(@PathParam("id") long id, Approval body) {
    Approval a = body == null ? new Approval(null, null) : body;
    return moderation.approve(currentUser.require(), id, a.version(), a.reason());
  }

  @POST
  @Path("approvals")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Approve several sightings at once (all or none)")
  public List<SightingView> approveAll(Batch body) {
    Batch b = body == null ? new Batch(null, null) : body;
    return moderation.approveAll(currentUser.require(), b.sightings(), b.reason());
  }

  @POST
  @Path("sightings/{id}/reject")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Reject a sighting with a reason (and a comment, required for other)")
  public SightingView reject(@PathParam("id") long id, Rejection body) {
    Rejection r = body == null ? new Rejection(null, null, null) : body;
    return moderation.reject(currentUser.require(), id, r.version(), r.reason(), r.comment());
  }

  @PATCH
  @Path("sightings/{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Edit any field or the position",
      description =
          "Body: {\"version\": n, \"reason\": \"…\", \"changes\": <GeoJSON Feature with the"
              + " properties or geometry to change>}")
  @RequestBody(content = @Content(schema = @Schema(implementation = Object.class)))
  public SightingView edit(@PathParam("id") long id, InputStream body) {
    JsonNode request = json.read(body, MediaType.APPLICATION_JSON_TYPE);
    JsonNode version = request.get("version");
    if (version == null || !version.canConvertToInt()) {
      throw ApiException.invalid(
          "Version required",
          List.of(
              new FieldError(
                  "version", FieldCode.REQUIRED, "is required: the version you reviewed")));
    }
    return moderation.edit(
        currentUser.require(),
        id,
        version.asInt(),
        SightingInputParser.parse(request.get("changes"), SightingInputParser.Mode.AMEND),
        request.path("reason").asText(null));
  }

  @POST
  @Path("sightings/{id}/merge")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Merge a duplicate into an existing camera (which keeps its id)")
  public SightingView merge(@PathParam("id") long id, Merge body) {
    Merge m = body == null ? new Merge(null, null, null) : body;
    if (m.targetId() == null) {
      throw ApiException.invalid(
          "Invalid merge", List.of(new FieldError("targetId", FieldCode.REQUIRED, "is required")));
    }
    return moderation.merge(currentUser.require(), id, m.version(), m.targetId(), m.reason());
  }

  @POST
  @Path("imports")
  @Consumes({"application/geo+json", MediaType.APPLICATION_JSON})
  @Operation(
      summary = "Import OpenStreetMap surveillance nodes into a group's territory",
      description =
          "A GeoJSON FeatureCollection as Overpass exports it (OSM tags as properties, @id such as"
              + " node/123). Runs in the background: follow the job for its progress and report.")
  @APIResponse(
      responseCode = "202",
      description = "Started: the job",
      content = @Content(schema = @Schema(implementation = ImportService.Job.class)))
  @APIResponse(responseCode = "413", description = "File too large")
  @RequestBody(content = @Content(schema = @Schema(implementation = Object.class)))
  public Response startImport(
      @QueryParam("group") Long group,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type,
      InputStream body,
      @Context UriInfo uri) {
    if (group == null) {
      throw ApiException.badParameters(
          List.of(new FieldError("group", FieldCode.REQUIRED, "is required: the group id")));
    }
    var principal = currentUser.require();
    ImportService.Job job = imports.start(principal, group, json.read(body, type, maxImportBytes));
    return Response.accepted(job)
        .location(uri.getBaseUriBuilder().path("api/moderation/imports/{id}").build(job.id()))
        .build();
  }

  @GET
  @Path("imports/{id}")
  @Operation(summary = "Progress and report of an import")
  public ImportService.Job importJob(@PathParam("id") long id) {
    return imports.job(currentUser.require(), id);
  }

  @DELETE
  @Path("photos/{photoId}")
  @Operation(
      summary = "Erase a photo (a face, a plate, a home)",
      description = "For good, files included; logged with the reason. Cannot be reverted.")
  @APIResponse(responseCode = "204", description = "Erased")
  public Response deletePhoto(
      @PathParam("photoId") String photoId, @QueryParam("reason") String reason) {
    photos.delete(currentUser.require(), parsePhotoId(photoId), reason);
    return Response.noContent().build();
  }

  @POST
  @Path("photos/{photoId}/redaction")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Cover parts of a pending photo (faces, plates, windows)",
      description =
          "Boxes in the stored photo's pixels (its width and height as listed), origin at the top"
              + " left: each is filled with solid black and the photo re-encoded without"
              + " metadata, thumbnail included. The covered photo gets a new id; the original is"
              + " kept nowhere. Only for a pending sighting, by a moderator of its territory;"
              + " logged, and cannot be reverted.")
  @APIResponse(
      responseCode = "200",
      description = "The covered photo, under its new id",
      content = @Content(schema = @Schema(implementation = org.technocarte.photo.PhotoView.class)))
  @APIResponse(responseCode = "400", description = "Malformed JSON")
  @APIResponse(
      responseCode = "507",
      description = "The photo storage is full or unwritable: nothing changed")
  @RequestBody(
      required = true,
      content = @Content(schema = @Schema(implementation = org.technocarte.photo.Redaction.class)))
  public org.technocarte.photo.PhotoView redactPhoto(
      @PathParam("photoId") String photoId, InputStream body)
      throws com.fasterxml.jackson.core.JsonProcessingException {
    // Read strictly first (malformed JSON is 400 malformed-json), then mapped to its shape.
    JsonNode request = json.read(body, MediaType.APPLICATION_JSON_TYPE);
    return photos.redact(
        currentUser.require(),
        parsePhotoId(photoId),
        mapper.treeToValue(request, org.technocarte.photo.Redaction.class));
  }

  private static java.util.UUID parsePhotoId(String photoId) {
    try {
      return java.util.UUID.fromString(photoId);
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("No photo " + photoId);
    }
  }

  @GET
  @Path("sightings/{id}/history")
  @Operation(summary = "Every action on a sighting, newest first")
  public List<ModerationService.ActionView> history(@PathParam("id") long id) {
    return moderation.history(currentUser.require(), id);
  }

  @GET
  @Path("groups/{id}/history")
  @Operation(summary = "Every action in a group's territory, newest first")
  public List<ModerationService.ActionView> groupHistory(@PathParam("id") long id) {
    return moderation.groupHistory(currentUser.require(), id);
  }

  @POST
  @Path("actions/{id}/revert")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Revert an action: the state it found comes back; the revert is logged")
  public ModerationService.ActionView revert(@PathParam("id") long id, Revert body) {
    return moderation.revert(currentUser.require(), id, body == null ? null : body.reason());
  }
}
