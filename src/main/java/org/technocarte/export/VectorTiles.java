package org.technocarte.export;

import jakarta.enterprise.context.ApplicationScoped;
import org.technocarte.sighting.ApprovedSightings;
import org.technocarte.sighting.SightingFilter;
import org.technocarte.sighting.Where;

/**
 * Mapbox Vector Tiles of the approved sightings for the map at low zoom, built by PostGIS ({@code
 * ST_AsMVT}). A tile of a whole country would hold every camera, so cameras are gathered into cells
 * of {@value #CELL} tile units (8 pixels of a 256-pixel tile): each feature of layer {@value
 * #LAYER} is one cell, at the mean position of its cameras, with {@code count} and {@code vsa} (how
 * many are suspected of VSA). A tile's size is bounded by its cells, not by the data; up to zoom
 * {@value ApprovedSightings#CELL_MAX_ZOOM} its time too, the cells being counted ahead (V51).
 */
@ApplicationScoped
public class VectorTiles {

  static final String LAYER = ApprovedSightings.TILE_LAYER;
  static final int EXTENT = ApprovedSightings.TILE_EXTENT;
  static final int BUFFER = ApprovedSightings.TILE_BUFFER;
  static final int CELL = ApprovedSightings.TILE_CELL;

  /** Above this zoom the map loads the cameras themselves. */
  public static final int MAX_ZOOM = 16;

  private final ApprovedSightings sightings;

  public VectorTiles(ApprovedSightings sightings) {
    this.sightings = sightings;
  }

  /** Whether z/x/y names a tile of the grid this service draws. */
  public static boolean exists(int z, long x, long y) {
    return z >= 0 && z <= MAX_ZOOM && x >= 0 && y >= 0 && x < (1L << z) && y < (1L << z);
  }

  /**
   * The tile, empty (zero bytes) when no camera falls in it: at the low zooms without a filter from
   * the cells that triggers keep counted (ApprovedSightings.cellTile, a few hundred rows), else
   * gathered from the cameras themselves.
   */
  public byte[] tile(int z, int x, int y, SightingFilter filter) {
    Where where = filter.where();
    if (z <= ApprovedSightings.CELL_MAX_ZOOM && where.approvedOnly()) {
      return sightings.cellTile(z, x, y);
    }
    return sightings.tile(z, x, y, where);
  }
}
