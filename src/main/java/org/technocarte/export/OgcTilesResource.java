package org.technocarte.export;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.Explode;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterStyle;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.technocarte.common.error.Problem;
import org.technocarte.sighting.SightingFilter;

/**
 * OGC API – Tiles for QGIS ("Vector Tiles › OGC API") and GDAL: the map's vector tiles, described
 * as one tile set of the collection in WebMercatorQuad, each tile served by {@link TileResource}'s
 * code (row is y, column is x).
 */
@Path("/ogc")
@Tag(name = "OGC API – Tiles", description = "The vector tiles of the sightings for GIS clients")
public class OgcTilesResource {

  private final OgcTiles tiles;
  private final VectorTiles vectorTiles;

  public OgcTilesResource(OgcTiles tiles, VectorTiles vectorTiles) {
    this.tiles = tiles;
    this.vectorTiles = vectorTiles;
  }

  @GET
  @Path("tileMatrixSets")
  @Produces({OgcService.JSON, Problem.MEDIA_TYPE})
  @Operation(summary = "Tile matrix sets", description = "The tiling schemes of the tiles.")
  @Parameter(
      name = "f",
      in = ParameterIn.QUERY,
      description = "The encoding: json",
      style = ParameterStyle.FORM,
      explode = Explode.FALSE,
      schema = @Schema(type = SchemaType.STRING, enumeration = "json"))
  @APIResponse(
      responseCode = "200",
      description = "The tile matrix sets",
      content =
          @Content(
              mediaType = OgcService.JSON,
              schema = @Schema(implementation = OgcTileDocuments.TileMatrixSets.class)))
  @APIResponse(responseCode = "400", description = "Unknown parameter")
  public OgcTileDocuments.TileMatrixSets tileMatrixSets(@Context UriInfo uri) {
    OgcFormat.onlyFormat(uri.getQueryParameters());
    return tiles.tileMatrixSets(uri.getBaseUri());
  }

  @GET
  @Path("tileMatrixSets/WebMercatorQuad")
  @Produces({OgcService.JSON, Problem.MEDIA_TYPE})
  @Operation(
      summary = "The WebMercatorQuad tile matrix set",
      description = "As OGC 2D Tile Matrix Set 2.0 defines it: EPSG:3857, 256-pixel tiles.")
  @Parameter(
      name = "f",
      in = ParameterIn.QUERY,
      description = "The encoding: json",
      style = ParameterStyle.FORM,
      explode = Explode.FALSE,
      schema = @Schema(type = SchemaType.STRING, enumeration = "json"))
  @APIResponse(
      responseCode = "200",
      description = "The tile matrix set",
      content =
          @Content(
              mediaType = OgcService.JSON,
              schema = @Schema(implementation = OgcTileDocuments.TileMatrixSet.class)))
  @APIResponse(responseCode = "400", description = "Unknown parameter")
  public OgcTileDocuments.TileMatrixSet webMercatorQuad(@Context UriInfo uri) {
    OgcFormat.onlyFormat(uri.getQueryParameters());
    return tiles.webMercatorQuad();
  }

  @GET
  @Path("collections/sightings/tiles")
  @Produces({OgcService.JSON, Problem.MEDIA_TYPE})
  @Operation(
      summary = "The tile sets of the sightings",
      description = "One vector tile set, in WebMercatorQuad.")
  @Parameter(
      name = "f",
      in = ParameterIn.QUERY,
      description = "The encoding: json",
      style = ParameterStyle.FORM,
      explode = Explode.FALSE,
      schema = @Schema(type = SchemaType.STRING, enumeration = "json"))
  @APIResponse(
      responseCode = "200",
      description = "The tile sets",
      content =
          @Content(
              mediaType = OgcService.JSON,
              schema = @Schema(implementation = OgcTileDocuments.TileSets.class)))
  @APIResponse(responseCode = "400", description = "Unknown parameter")
  public OgcTileDocuments.TileSets tileSets(@Context UriInfo uri) {
    OgcFormat.onlyFormat(uri.getQueryParameters());
    return tiles.tileSets(uri.getBaseUri());
  }

  @GET
  @Path("collections/sightings/tiles/WebMercatorQuad")
  @Produces({OgcService.JSON, Problem.MEDIA_TYPE})
  @Operation(
      summary = "The vector tile set of the sightings in WebMercatorQuad",
      description =
          "Its zooms and tile limits, its layer and the template of its tiles' addresses.")
  @Parameter(
      name = "f",
      in = ParameterIn.QUERY,
      description = "The encoding: json",
      style = ParameterStyle.FORM,
      explode = Explode.FALSE,
      schema = @Schema(type = SchemaType.STRING, enumeration = "json"))
  @APIResponse(
      responseCode = "200",
      description = "The tile set",
      content =
          @Content(
              mediaType = OgcService.JSON,
              schema = @Schema(implementation = OgcTileDocuments.TileSet.class)))
  @APIResponse(responseCode = "400", description = "Unknown parameter")
  public OgcTileDocuments.TileSet tileSet(@Context UriInfo uri) {
    OgcFormat.onlyFormat(uri.getQueryParameters());
    return tiles.tileSet(uri.getBaseUri());
  }

  @GET
  @Path(
      "collections/sightings/tiles/WebMercatorQuad/{tileMatrix: \\d{1,2}}/{tileRow: \\d{1,6}}"
          + "/{tileCol: \\d{1,6}}")
  @Produces({TileResource.MEDIA_TYPE, Problem.MEDIA_TYPE})
  @Operation(
      summary = "A vector tile of the sightings",
      description =
          OgcTiles.DESCRIPTION
              + " The same tile as /tiles/sightings/{z}/{x}/{y}.mvt, with z the tile matrix, y"
              + " the row and x the column; it takes the same filters (bbox, city,"
              + " surveillanceType, cameraType, vsaSuspected, observedSince, updatedSince)."
              + " Public, cacheable 5 minutes.")
  @APIResponse(
      responseCode = "200",
      description = "The tile (empty when no camera falls in it)",
      content =
          @Content(
              mediaType = TileResource.MEDIA_TYPE,
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  @APIResponse(
      responseCode = "304",
      description = "Not modified: the tile still has the ETag given in If-None-Match")
  @APIResponse(
      responseCode = "400",
      description = "A filter is malformed or unknown; each is named in errors")
  @APIResponse(
      responseCode = "404",
      description = "No such tile: tile matrix above 16, or row or column outside its limits")
  public Response tile(
      @Parameter(
              description = "The zoom level, 0 to 16",
              style = ParameterStyle.SIMPLE,
              explode = Explode.FALSE,
              schema = @Schema(type = SchemaType.STRING, pattern = "^\\d{1,2}$"))
          @PathParam("tileMatrix")
          int tileMatrix,
      @Parameter(
              description = "The row, from the top (y)",
              style = ParameterStyle.SIMPLE,
              explode = Explode.FALSE,
              schema = @Schema(type = SchemaType.INTEGER, minimum = "0"))
          @PathParam("tileRow")
          int tileRow,
      @Parameter(
              description = "The column, from the left (x)",
              style = ParameterStyle.SIMPLE,
              explode = Explode.FALSE,
              schema = @Schema(type = SchemaType.INTEGER, minimum = "0"))
          @PathParam("tileCol")
          int tileCol,
      @Context UriInfo uri,
      @Context Request request) {
    SightingFilter filter = SightingFilter.parse(uri.getQueryParameters());
    return TileResource.answer(vectorTiles, tileMatrix, tileCol, tileRow, filter, request);
  }
}
