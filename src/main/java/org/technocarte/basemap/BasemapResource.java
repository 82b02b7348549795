package org.technocarte.basemap;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.PathPart;
import org.technocarte.common.config.TechnocarteConfig;
import org.technocarte.common.error.ApiException;
import org.technocarte.common.error.FieldCode;
import org.technocarte.common.error.FieldError;
import org.technocarte.common.error.Problem;
import org.technocarte.common.error.ProblemType;

/** The base map the app serves itself, so that a default install asks no other host for tiles. */
@Path("/basemap")
@Tag(name = "Base map", description = "The map under the cameras, served by the app itself")
public class BasemapResource {

  static final String MVT = "application/vnd.mapbox-vector-tile";
  static final String PMTILES = "application/vnd.pmtiles";

  /**
   * A day: the low zooms change only with a new release, the extract when the operator swaps it.
   */
  static final int MAX_AGE_SECONDS = 86_400;

  private final BasemapTiles tiles;
  private final Optional<java.nio.file.Path> streets;

  public BasemapResource(BasemapTiles tiles, TechnocarteConfig config) {
    this.tiles = tiles;
    this.streets = config.map().pmtiles();
  }

  @GET
  @Path("{z}/{x}/{y}.mvt")
  @Produces({MVT, Problem.MEDIA_TYPE})
  @Operation(
      summary = "A vector tile of the base map's low zooms",
      description =
          "Mapbox Vector Tile 2.1, extent 4096, zoom 0 to 10, in the layers of the Protomaps"
              + " basemap schema: 'earth' (land), 'boundaries' (borders between countries,"
              + " kind_detail 2) and 'places' (the gazetteer's, kind 'locality', name, min_zoom,"
              + " population_rank). From Natural Earth and GeoNames. Public, cacheable a day.")
  @APIResponse(
      responseCode = "200",
      description = "The tile (empty over the open sea)",
      content = @Content(mediaType = MVT, schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(responseCode = "400", description = "z, x or y is not a whole number")
  @APIResponse(
      responseCode = "404",
      description = "No such tile: zoom above 10, or x or y outside the grid of that zoom")
  public Response tile(
      @PathParam("z") String z, @PathParam("x") String x, @PathParam("y") String y) {
    int zoom = coordinate("z", z);
    int column = coordinate("x", x);
    int row = coordinate("y", y);
    if (!BasemapTiles.exists(zoom, column, row)) {
      throw ApiException.notFound(
          "No base map tile " + z + "/" + x + "/" + y + ": zoom 0 to " + BasemapTiles.MAX_ZOOM);
    }
    return Response.ok(tiles.tile(zoom, column, row), MVT)
        .header(HttpHeaders.CACHE_CONTROL, "public, max-age=" + MAX_AGE_SECONDS)
        .build();
  }

  @GET
  @Path("streets.pmtiles")
  @Produces({PMTILES, Problem.MEDIA_TYPE})
  @Operation(
      summary = "The street zooms: the operator's Protomaps PMTiles extract",
      description =
          "The file set in technocarte.map.pmtiles, read by the map with HTTP range requests"
              + " (one range per request).")
  @APIResponse(
      responseCode = "200",
      description = "The whole file (no Range header)",
      content = @Content(mediaType = PMTILES, schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(
      responseCode = "206",
      description = "The range asked for",
      content = @Content(mediaType = PMTILES, schema = @Schema(type = SchemaType.STRING)))
  @APIResponse(responseCode = "404", description = "No extract is configured")
  @APIResponse(
      responseCode = "416",
      description = "The Range is malformed, names several ranges, or lies past the end")
  public Response streets(@HeaderParam("Range") String range) {
    java.nio.file.Path file =
        streets
            .filter(Files::isRegularFile)
            .orElseThrow(() -> ApiException.notFound("No street map is configured"));
    BasicFileAttributes attributes = attributes(file);
    long size = attributes.size();
    // The reader checks that every range comes from the same file: a swapped file changes this.
    String etag = "\"" + size + "-" + attributes.lastModifiedTime().toMillis() + "\"";
    Optional<ByteRange> asked;
    try {
      asked = ByteRange.parse(range, size);
    } catch (ByteRange.Unsatisfiable e) {
      return Response.status(416)
          .type(Problem.MEDIA_TYPE)
          .header("Content-Range", "bytes */" + size)
          .entity(Problem.of(ProblemType.RANGE_NOT_SATISFIABLE, e.getMessage()))
          .build();
    }
    ByteRange part = asked.orElse(new ByteRange(0, size - 1));
    Response.ResponseBuilder answer =
        asked.isPresent()
            ? Response.status(206).header("Content-Range", part.contentRange(size))
            : Response.ok();
    return answer
        .type(PMTILES)
        .entity(new PathPart(file, part.first(), part.length()))
        .header("Accept-Ranges", "bytes")
        .header(HttpHeaders.ETAG, etag)
        .header(HttpHeaders.CACHE_CONTROL, "public, max-age=" + MAX_AGE_SECONDS)
        .build();
  }

  private static int coordinate(String name, String value) {
    if (!value.matches("\\d{1,7}")) {
      throw ApiException.badParameters(
          List.of(
              new FieldError(
                  name, FieldCode.NOT_A_NUMBER, name + " must be a whole number: " + value)));
    }
    return Integer.parseInt(value);
  }

  private static BasicFileAttributes attributes(java.nio.file.Path file) {
    try {
      return Files.readAttributes(file, BasicFileAttributes.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
