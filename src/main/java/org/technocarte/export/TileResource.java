package org.technocarte.export;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.technocarte.common.error.ApiException;
import org.technocarte.common.error.Problem;
import org.technocarte.sighting.SightingFilter;

/** Vector tiles of the approved cameras, for the map at low zoom; a CDN may cache them. */
@Path("/tiles/sightings")
@Tag(name = "Tiles", description = "Vector tiles of the approved cameras")
public class TileResource {

  static final String MEDIA_TYPE = "application/vnd.mapbox-vector-tile";

  /** Five minutes: a new approval shows on the zoomed-out map within that. */
  static final int MAX_AGE_SECONDS = 300;

  private final VectorTiles tiles;

  public TileResource(VectorTiles tiles) {
    this.tiles = tiles;
  }

  @GET
  @Path("{z: \\d{1,2}}/{x: \\d{1,6}}/{y: \\d{1,6}}.mvt")
  @Produces({MEDIA_TYPE, Problem.MEDIA_TYPE})
  @Operation(
      summary = "A vector tile of the approved cameras, gathered in cells",
      description =
          "Mapbox Vector Tile 2.1, layer 'sightings', extent 4096, zoom 0 to 16. Each point is a"
              + " cell of 128 units (8 pixels) holding the cameras there: 'count', and 'vsa' for"
              + " how many are suspected of VSA. The exports' filters apply. Public, cacheable 5"
              + " minutes; its ETag changes with its content (If-None-Match answers 304).")
  @APIResponse(
      responseCode = "200",
      description = "The tile (empty when no camera falls in it)",
      content = @Content(mediaType = MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(
      responseCode = "304",
      description = "Not modified: the tile still has the ETag given in If-None-Match")
  @APIResponse(
      responseCode = "400",
      description = "A filter is malformed or unknown; each is named in errors")
  @APIResponse(
      responseCode = "404",
      description = "No such tile: zoom above 16, or x or y outside the grid of that zoom")
  public Response tile(
      @PathParam("z") int z,
      @PathParam("x") int x,
      @PathParam("y") int y,
      @BeanParam ExportQuery query,
      @Context Request request) {
    return answer(tiles, z, x, y, query.filter(), request);
  }

  /**
   * The tile as both this path and OGC API – Tiles serve it: same checks, same caching. Its ETag is
   * a digest of its bytes, so that a browser or a CDN revalidating with If-None-Match gets a 304
   * without the body while the cameras there have not changed, and the new tile as soon as they
   * have.
   */
  static Response answer(
      VectorTiles tiles, int z, int x, int y, SightingFilter filter, Request request) {
    if (!VectorTiles.exists(z, x, y)) {
      throw ApiException.notFound(
          "No tile " + z + "/" + x + "/" + y + ": zoom 0 to " + VectorTiles.MAX_ZOOM);
    }
    byte[] tile = tiles.tile(z, x, y, filter);
    EntityTag tag = new EntityTag(digest(tile));
    Response.ResponseBuilder unchanged = request.evaluatePreconditions(tag);
    Response.ResponseBuilder answer =
        unchanged != null ? unchanged.tag(tag) : Response.ok(tile, MEDIA_TYPE).tag(tag);
    return answer.header(HttpHeaders.CACHE_CONTROL, "public, max-age=" + MAX_AGE_SECONDS).build();
  }

  /** The first 128 bits of the tile's SHA-256, in base64url. */
  static String digest(byte[] tile) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(tile);
      return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(hash, 16));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
