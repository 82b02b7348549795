package org.technocarte.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The JSON documents of OGC API – Tiles (Core, TileSet, TileSets list) and of 2D TMS 2.0. */
public final class OgcTileDocuments {

  private OgcTileDocuments() {}

  /** A link; {@code templated} marks an href holding URI template variables. */
  @Schema(name = "OgcTileLink")
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Link(String href, String rel, String type, String title, Boolean templated) {

    static Link of(String href, String rel, String type, String title) {
      return new Link(href, rel, type, title, null);
    }
  }

  @Schema(name = "OgcTileMatrixSets")
  public record TileMatrixSets(List<TileMatrixSetRef> tileMatrixSets) {}

  @Schema(name = "OgcTileMatrixSetRef")
  public record TileMatrixSetRef(String id, String title, String uri, List<Link> links) {}

  /**
   * A tile matrix set as OGC 2D Tile Matrix Set 2.0 (17-083r4) defines it, with the names of TMS
   * 1.0 (17-083r2) beside: {@code identifier}, {@code supportedCRS}, {@code lowerCorner}, {@code
   * topLeftCorner}. GDAL before 3.7 reads only those (as pygeoapi, the document carries both).
   */
  @Schema(name = "OgcTileMatrixSet")
  public record TileMatrixSet(
      String id,
      String title,
      String uri,
      String crs,
      List<String> orderedAxes,
      String wellKnownScaleSet,
      BoundingBox boundingBox,
      List<TileMatrix> tileMatrices,
      @Schema(description = "TMS 1.0 name of id") String identifier,
      @Schema(description = "TMS 1.0 name of crs") String supportedCRS) {}

  @Schema(name = "OgcTileBoundingBox")
  public record BoundingBox(
      double[] lowerLeft,
      double[] upperRight,
      String crs,
      @Schema(description = "TMS 1.0 name of lowerLeft") double[] lowerCorner,
      @Schema(description = "TMS 1.0 name of upperRight") double[] upperCorner) {}

  @Schema(name = "OgcTileMatrix")
  public record TileMatrix(
      String id,
      double scaleDenominator,
      double cellSize,
      String cornerOfOrigin,
      double[] pointOfOrigin,
      int tileWidth,
      int tileHeight,
      long matrixWidth,
      long matrixHeight,
      @Schema(description = "TMS 1.0 name of id") String identifier,
      @Schema(description = "TMS 1.0 name of pointOfOrigin") double[] topLeftCorner) {}

  @Schema(name = "OgcTileSets")
  public record TileSets(List<Link> links, List<TileSetRef> tilesets) {}

  @Schema(name = "OgcTileSetRef")
  public record TileSetRef(
      String title, String dataType, String crs, String tileMatrixSetURI, List<Link> links) {}

  /** The metadata of one tile set: its grid, the zooms and tiles it serves, its one layer. */
  @Schema(name = "OgcTileSet")
  public record TileSet(
      String title,
      String description,
      String dataType,
      String crs,
      String tileMatrixSetURI,
      @Schema(
              description =
                  "Address of the tile matrix set, as the drafts of OGC API – Tiles named it;"
                      + " GDAL before 3.7 reads it")
          String tileMatrixSetDefinition,
      List<TileMatrixLimits> tileMatrixSetLimits,
      List<Layer> layers,
      List<Link> links) {}

  @Schema(name = "OgcTileMatrixLimits")
  public record TileMatrixLimits(
      String tileMatrix, long minTileRow, long maxTileRow, long minTileCol, long maxTileCol) {}

  @Schema(name = "OgcTileLayer")
  public record Layer(
      String id,
      String title,
      String description,
      String dataType,
      int geometryDimension,
      String minTileMatrix,
      String maxTileMatrix,
      @Schema(description = "A JSON Schema of the properties of the layer's features")
          Map<String, Object> propertiesSchema) {}
}
