package org.technocarte.photo;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.technocarte.common.Caching;
import org.technocarte.common.error.Problem;
import org.technocarte.safety.RateLimited;

/**
 * Photos of a sighting. An upload is the raw image as the body, not a multipart form: a phone sends
 * the picked file as it is (`fetch(url, {method: 'POST', body: file})`), and the server never
 * writes the original, metadata and all, to a temporary file as multipart parsing does.
 */
@Path("/api/sightings/{id}/photos")
@Tag(name = "Photos", description = "Photos of sightings, re-encoded without any metadata")
public class PhotoResource {

  private static final String EDIT_TOKEN = "X-Edit-Token";

  private final PhotoService service;

  public PhotoResource(PhotoService service) {
    this.service = service;
  }

  @POST
  @RateLimited(RateLimited.Kind.PHOTO)
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  @Operation(
      summary = "Add a photo to a pending sighting",
      description =
          "The body is the image itself (JPEG, PNG or WebP), its Content-Type the image's own or"
              + " application/octet-stream. It is decoded, turned upright, scaled down and"
              + " re-encoded as JPEG without any metadata: location, camera model and dates are"
              + " gone. Only the holder of the sighting's edit token may add photos, while it is"
              + " pending.")
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
  @APIResponse(responseCode = "404", description = "No such sighting, or wrong token")
  @APIResponse(responseCode = "409", description = "Not pending, or it has all its photos already")
  @APIResponse(responseCode = "413", description = "Larger than the photo size cap")
  @APIResponse(
      responseCode = "415",
      description = "Not a JPEG, PNG or WebP, or not what its Content-Type says")
  @APIResponse(responseCode = "422", description = "Cannot be decoded, or too many pixels")
  @APIResponse(responseCode = "429", description = "Too many uploads from here: see Retry-After")
  @APIResponse(
      responseCode = "507",
      description =
          "The photo storage is full or unwritable: nothing was stored, send it again after"
              + " Retry-After")
  public Response upload(
      @PathParam("id") long id,
      @Parameter(description = "The private token given when the sighting was submitted")
          @HeaderParam(EDIT_TOKEN)
          String editToken,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
      InputStream body) {
    PhotoView photo = service.upload(id, editToken, mediaType(contentType), body);
    return Response.created(URI.create(photo.href()))
        .entity(photo)
        .type(MediaType.APPLICATION_JSON)
        .cacheControl(Caching.privateNoStore())
        .build();
  }

  @GET
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  @Operation(
      summary = "The photos of a sighting",
      description = "Anyone's for an approved sighting; a pending one's only with its token.")
  @APIResponse(
      responseCode = "200",
      description = "The photos, oldest first",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PhotoView.PhotoList.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such sighting, or not visible without its token")
  public Response list(
      @PathParam("id") long id,
      @Parameter(description = "The sighting's edit token, for a pending sighting")
          @HeaderParam(EDIT_TOKEN)
          String editToken) {
    return Response.ok(service.list(id, editToken))
        .type(MediaType.APPLICATION_JSON)
        .cacheControl(Caching.privateNoStore())
        .build();
  }

  @GET
  @Path("{photoId}")
  @Produces({"image/jpeg", Problem.MEDIA_TYPE})
  @Operation(summary = "A photo (JPEG, at most 2048 px)")
  @APIResponse(
      responseCode = "200",
      description = "The photo",
      content =
          @Content(
              mediaType = "image/jpeg",
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  @APIResponse(
      responseCode = "404",
      description = "No such photo, or not visible without the sighting's token")
  public Response photo(
      @PathParam("id") long id,
      @PathParam("photoId") String photoId,
      @Parameter(description = "The sighting's edit token, for a pending sighting")
          @HeaderParam(EDIT_TOKEN)
          String editToken) {
    return serve(service.file(id, photoId, PhotoStore.Variant.FULL, editToken));
  }

  @GET
  @Path("{photoId}/thumbnail")
  @Produces({"image/jpeg", Problem.MEDIA_TYPE})
  @Operation(summary = "A photo's thumbnail (JPEG, at most 320 px)")
  @APIResponse(
      responseCode = "200",
      description = "The thumbnail",
      content =
          @Content(
              mediaType = "image/jpeg",
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  @APIResponse(
      responseCode = "404",
      description = "No such photo, or not visible without the sighting's token")
  public Response thumbnail(
      @PathParam("id") long id,
      @PathParam("photoId") String photoId,
      @Parameter(description = "The sighting's edit token, for a pending sighting")
          @HeaderParam(EDIT_TOKEN)
          String editToken) {
    return serve(service.file(id, photoId, PhotoStore.Variant.THUMBNAIL, editToken));
  }

  @DELETE
  @Path("{photoId}")
  @Produces(Problem.MEDIA_TYPE)
  @Operation(
      summary = "Remove a photo from a pending sighting",
      description = "Only the holder of the sighting's edit token, while it is pending.")
  @APIResponse(responseCode = "204", description = "Removed, files included")
  @APIResponse(responseCode = "404", description = "No such photo or sighting, or wrong token")
  @APIResponse(responseCode = "409", description = "The sighting is not pending any more")
  public Response remove(
      @PathParam("id") long id,
      @PathParam("photoId") String photoId,
      @Parameter(description = "The private token given when the sighting was submitted")
          @HeaderParam(EDIT_TOKEN)
          String editToken) {
    service.deleteOwn(id, photoId, editToken);
    return Response.noContent().build();
  }

  /** A photo of a pending sighting stays out of every cache; a public one may be kept an hour. */
  private static Response serve(PhotoService.Served file) {
    CacheControl cache;
    if (file.isPublic()) {
      cache = new CacheControl();
      cache.setMaxAge(3600);
    } else {
      cache = Caching.privateNoStore();
    }
    return Response.ok(file.jpeg()).type("image/jpeg").cacheControl(cache).build();
  }

  /** The media type without parameters, lower case; null when none was sent. */
  private static String mediaType(String contentType) {
    if (contentType == null || contentType.isBlank()) {
      return null;
    }
    int semicolon = contentType.indexOf(';');
    String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
    return type.strip().toLowerCase(java.util.Locale.ROOT);
  }
}
