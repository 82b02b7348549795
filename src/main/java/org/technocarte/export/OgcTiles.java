package org.technocarte.export;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.technocarte.export.OgcTileDocuments.Link;

/**
 * OGC API – Tiles over the map's vector tiles ({@link VectorTiles}): the one tile matrix set they
 * are cut in, WebMercatorQuad, and the collection's one tile set. The documents are fixed but for
 * the host in their links.
 */
@ApplicationScoped
public class OgcTiles {

  static final String WEB_MERCATOR_QUAD = "WebMercatorQuad";
  static final String WEB_MERCATOR_QUAD_URI =
      "http://www.opengis.net/def/tilematrixset/OGC/1.0/WebMercatorQuad";
  static final String EPSG_3857 = "http://www.opengis.net/def/crs/EPSG/0/3857";

  /** The conformance classes of OGC API – Tiles Part 1 this API implements. */
  static final List<String> CONFORMANCE =
      List.of(
          "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core",
          "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tileset",
          "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/tilesets-list",
          "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/geodata-tilesets",
          "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/oas30",
          "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt");

  static final String REL_TILING_SCHEME = "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme";
  static final String REL_TILESET = "http://www.opengis.net/def/rel/ogc/1.0/tileset";
  static final String REL_TILING_SCHEMES = "http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes";
  static final String REL_TILESETS_VECTOR =
      "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector";

  /** WebMercatorQuad defines 25 matrices (0 to 24); the service draws 0 to {@code MAX_ZOOM}. */
  private static final int MATRICES = 25;

  private static final double HALF_WIDTH = 20037508.3427892;
  private static final double SCALE_DENOMINATOR_0 = 559082264.028717;
  private static final double CELL_SIZE_0 = 156543.033928041;
  private static final int TILE_PIXELS = 256;

  public OgcTileDocuments.TileMatrixSets tileMatrixSets(URI base) {
    return new OgcTileDocuments.TileMatrixSets(
        List.of(
            new OgcTileDocuments.TileMatrixSetRef(
                WEB_MERCATOR_QUAD,
                "Google Maps Compatible for the World",
                WEB_MERCATOR_QUAD_URI,
                List.of(
                    Link.of(
                        tileMatrixSetHref(base),
                        "self",
                        OgcService.JSON,
                        "The WebMercatorQuad tile matrix set")))));
  }

  /** The standard definition of OGC 2D Tile Matrix Set 2.0, annex D.1. */
  public OgcTileDocuments.TileMatrixSet webMercatorQuad() {
    List<OgcTileDocuments.TileMatrix> matrices = new ArrayList<>();
    for (int z = 0; z < MATRICES; z++) {
      long side = 1L << z;
      double[] topLeft = {-HALF_WIDTH, HALF_WIDTH};
      matrices.add(
          new OgcTileDocuments.TileMatrix(
              Integer.toString(z),
              SCALE_DENOMINATOR_0 / side,
              CELL_SIZE_0 / side,
              "topLeft",
              topLeft,
              TILE_PIXELS,
              TILE_PIXELS,
              side,
              side,
              Integer.toString(z),
              topLeft));
    }
    double[] lowerLeft = {-HALF_WIDTH, -HALF_WIDTH};
    double[] upperRight = {HALF_WIDTH, HALF_WIDTH};
    return new OgcTileDocuments.TileMatrixSet(
        WEB_MERCATOR_QUAD,
        "Google Maps Compatible for the World",
        WEB_MERCATOR_QUAD_URI,
        EPSG_3857,
        List.of("E", "N"),
        "http://www.opengis.net/def/wkss/OGC/1.0/GoogleMapsCompatible",
        new OgcTileDocuments.BoundingBox(lowerLeft, upperRight, EPSG_3857, lowerLeft, upperRight),
        matrices,
        WEB_MERCATOR_QUAD,
        EPSG_3857);
  }

  public OgcTileDocuments.TileSets tileSets(URI base) {
    String self = tilesHref(base);
    return new OgcTileDocuments.TileSets(
        List.of(Link.of(self, "self", OgcService.JSON, "The tile sets of the sightings")),
        List.of(
            new OgcTileDocuments.TileSetRef(
                "Sightings, gathered in cells",
                "vector",
                EPSG_3857,
                WEB_MERCATOR_QUAD_URI,
                List.of(
                    Link.of(
                        self + "/" + WEB_MERCATOR_QUAD,
                        "self",
                        OgcService.JSON,
                        "The WebMercatorQuad tile set"),
                    // What GDAL before 3.7 follows to the tile set.
                    Link.of(
                        self + "/" + WEB_MERCATOR_QUAD,
                        REL_TILESET,
                        OgcService.JSON,
                        "The WebMercatorQuad tile set"),
                    Link.of(
                        tileMatrixSetHref(base),
                        REL_TILING_SCHEME,
                        OgcService.JSON,
                        "The WebMercatorQuad tile matrix set")))));
  }

  public OgcTileDocuments.TileSet tileSet(URI base) {
    String self = tilesHref(base) + "/" + WEB_MERCATOR_QUAD;
    List<OgcTileDocuments.TileMatrixLimits> limits = new ArrayList<>();
    for (int z = 0; z <= VectorTiles.MAX_ZOOM; z++) {
      long last = (1L << z) - 1;
      limits.add(new OgcTileDocuments.TileMatrixLimits(Integer.toString(z), 0, last, 0, last));
    }
    return new OgcTileDocuments.TileSet(
        "Sightings, gathered in cells",
        DESCRIPTION,
        "vector",
        EPSG_3857,
        WEB_MERCATOR_QUAD_URI,
        tileMatrixSetHref(base),
        limits,
        List.of(
            new OgcTileDocuments.Layer(
                VectorTiles.LAYER,
                "Approved sightings",
                DESCRIPTION,
                "vector",
                0,
                "0",
                Integer.toString(VectorTiles.MAX_ZOOM),
                propertiesSchema())),
        List.of(
            Link.of(self, "self", OgcService.JSON, "This tile set"),
            Link.of(
                tileMatrixSetHref(base),
                REL_TILING_SCHEME,
                OgcService.JSON,
                "The WebMercatorQuad tile matrix set"),
            Link.of(
                ogc(base) + "/collections/" + OgcService.COLLECTION,
                "collection",
                OgcService.JSON,
                "The collection"),
            new Link(
                self + "/{tileMatrix}/{tileRow}/{tileCol}",
                "item",
                TileResource.MEDIA_TYPE,
                "A vector tile",
                true),
            Link.of(Licence.URL, "license", "text/html", Licence.ID)));
  }

  static final String DESCRIPTION =
      "Mapbox Vector Tiles 2.1 of the approved cameras, layer 'sightings', extent 4096, zoom 0"
          + " to "
          + VectorTiles.MAX_ZOOM
          + ". Each point is a cell of 8 pixels holding the cameras there: 'count', and 'vsa' for"
          + " how many are suspected of VSA. The exports' filters apply. "
          + Licence.ATTRIBUTION
          + ", "
          + Licence.ID
          + ".";

  private static Map<String, Object> propertiesSchema() {
    Map<String, Object> properties = new LinkedHashMap<>();
    properties.put(
        "count", Map.of("type", "integer", "minimum", 1, "description", "Cameras in the cell"));
    properties.put(
        "vsa",
        Map.of(
            "type",
            "integer",
            "minimum",
            0,
            "description",
            "Cameras of the cell suspected of VSA"));
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("type", "object");
    schema.put("properties", properties);
    return schema;
  }

  /** Under the landing page, as absolute links. */
  private static String ogc(URI base) {
    return base.toString().replaceAll("/$", "") + "/ogc";
  }

  private static String tileMatrixSetHref(URI base) {
    return ogc(base) + "/tileMatrixSets/" + WEB_MERCATOR_QUAD;
  }

  private static String tilesHref(URI base) {
    return ogc(base) + "/collections/" + OgcService.COLLECTION + "/tiles";
  }
}
