package org.technocarte.removal;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.technocarte.common.Caching;
import org.technocarte.common.JsonBody;
import org.technocarte.common.error.Problem;
import org.technocarte.photo.PhotoView;
import org.technocarte.safety.ProofOfWorkRequired;
import org.technocarte.safety.RateLimited;

/** A passer-by reports that an approved camera came down or moved. */
@Path("/api/sightings/{id}/removal-reports")
@Tag(name = "Sightings")
@Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
public class RemovalResource {

  static final String REPORT_TOKEN = "X-Report-Token";

  private final RemovalService service;
  private final JsonBody json;

  public RemovalResource(RemovalService service, JsonBody json) {
    this.service = service;
    this.json = json;
  }

  /** The body of a report, for the OpenAPI document. */
  @Schema(name = "RemovalReportInput")
  public record Body(
      @Schema(
              enumeration = {"gone", "moved"},
              required = true)
          String kind,
      @Schema(maxLength = RemovalReportInput.MAX_NOTE) String note,
      @Schema(description = "Where it is now, for kind moved: within 200 m of the camera")
          org.technocarte.common.geo.PointGeometry movedTo) {}

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @RateLimited(RateLimited.Kind.SUBMISSION)
  @ProofOfWorkRequired
  @Parameter(
      name = ProofOfWorkRequired.HEADER,
      in = ParameterIn.HEADER,
      schema = @Schema(type = SchemaType.STRING),
      description =
          "<challenge>:<nonce>, a solved challenge of GET /api/pow/challenge (unless its"
              + " difficulty is 0)")
  @Operation(
      summary = "Report an approved camera as gone or moved",
      description =
          "The camera's moderators confirm or reject the report. Nothing about who reported is"
              + " kept, only the day.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = Body.class)))
  @APIResponse(
      responseCode = "201",
      description = "Reported, open until a moderator decides",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RemovalService.ReportView.class)))
  @APIResponse(responseCode = "400", description = "Malformed JSON or proof of work")
  @APIResponse(responseCode = "403", description = "Proof of work forged, expired or used")
  @APIResponse(responseCode = "404", description = "No approved sighting with this id")
  @APIResponse(responseCode = "409", description = "The camera is already removed or merged")
  @APIResponse(responseCode = "413", description = "Body too large")
  @APIResponse(responseCode = "415", description = "Not JSON")
  @APIResponse(responseCode = "422", description = "Invalid fields, each listed in errors")
  @APIResponse(responseCode = "429", description = "Too many reports from here: see Retry-After")
  public Response report(
      @PathParam("id") long id,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type,
      InputStream body) {
    RemovalService.ReportView report =
        service.report(id, RemovalReportInput.parse(json.read(body, type)));
    return Response.status(Response.Status.CREATED)
        .entity(report)
        .cacheControl(Caching.privateNoStore())
        .build();
  }

  @POST
  @Path("{reportId}/photo")
  @RateLimited(RateLimited.Kind.PHOTO)
  @Operation(
      summary = "Add the photo of a removal report",
      description =
          "The body is the image itself (JPEG, PNG or WebP), re-encoded without any metadata like"
              + " a sighting's photo. One photo per report, sent with the report's token while it"
              + " is open. Only the camera's moderators see it, and it is erased, files included,"
              + " when they decide.")
  @RequestBody(
      required = true,
      content = {
        @Content(
            mediaType = "image/jpeg",
            schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(
            mediaType = "image/png",
            schema = @Schema(type = SchemaType.STRING, format = "binary")),
        @Content(
            mediaType = "image/webp",
            schema = @Schema(type = SchemaType.STRING, format = "binary"))
      })
  @APIResponse(
      responseCode = "201",
      description = "Stored",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PhotoView.class)))
  @APIResponse(responseCode = "400", description = "Empty body")
  @APIResponse(responseCode = "404", description = "No such report on this camera, or wrong token")
  @APIResponse(responseCode = "409", description = "Already decided, or it has its photo already")
  @APIResponse(responseCode = "413", description = "Larger than the photo size cap")
  @APIResponse(
      responseCode = "415",
      description = "Not a JPEG, PNG or WebP, or not what its Content-Type says")
  @APIResponse(responseCode = "422", description = "Cannot be decoded, or too many pixels")
  @APIResponse(responseCode = "429", description = "Too many uploads from here: see Retry-After")
  @APIResponse(responseCode = "507", description = "The photo storage is full or unwritable")
  public Response photo(
      @PathParam("id") long id,
      @PathParam("reportId") long reportId,
      @Parameter(description = "The private token given when the report was made")
          @HeaderParam(REPORT_TOKEN)
          String token,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type,
      InputStream body) {
    String declared = type == null ? null : type.getType() + "/" + type.getSubtype();
    PhotoView photo = service.addPhoto(id, reportId, token, declared, body);
    return Response.created(URI.create(photo.href()))
        .entity(photo)
        .type(MediaType.APPLICATION_JSON)
        .cacheControl(Caching.privateNoStore())
        .build();
  }
}
