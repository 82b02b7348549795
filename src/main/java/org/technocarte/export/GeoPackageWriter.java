package org.technocarte.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import mil.nga.geopackage.GeoPackage;
import mil.nga.geopackage.GeoPackageException;
import mil.nga.geopackage.GeoPackageManager;
import mil.nga.geopackage.contents.Contents;
import mil.nga.geopackage.db.GeoPackageDataType;
import mil.nga.geopackage.db.TableColumnKey;
import mil.nga.geopackage.extension.rtree.RTreeIndexExtension;
import mil.nga.geopackage.features.columns.GeometryColumns;
import mil.nga.geopackage.features.user.FeatureColumn;
import mil.nga.geopackage.features.user.FeatureDao;
import mil.nga.geopackage.features.user.FeatureRow;
import mil.nga.geopackage.features.user.FeatureTableMetadata;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.geopackage.srs.SpatialReferenceSystem;
import mil.nga.sf.GeometryType;
import mil.nga.sf.Point;
import org.technocarte.common.WireValue;
import org.technocarte.sighting.SightingView;

/**
 * OGC GeoPackage 1.4 (SQLite), the file QGIS users keep: one feature table {@value #TABLE} of
 * points in EPSG:4326 whose feature id (the primary key GDAL and QGIS take as FID) is the sighting
 * id, so {@code ogr2ogr} copies keep it. The columns are those of the CSV, typed: integers as
 * INTEGER, {@code height} as DOUBLE, {@code vsaSuspected} as BOOLEAN, dates as DATE and DATETIME
 * (ISO 8601, UTC). The directions are a TEXT {@code directions} such as {@code 90;180}, as OSM's
 * {@code camera:direction} and the CSV write them (every direction, readable back by splitting on
 * {@code ;}), and the first one again as an INTEGER {@code direction}, which QGIS can take as a
 * data-defined rotation of the symbol without parsing anything.
 *
 * <p>SQLite writes to a file, not a stream: the GeoPackage is built in a temporary file, with an
 * R-tree spatial index, then copied to the answer and deleted, also when the export fails.
 */
public final class GeoPackageWriter implements FeatureWriter {

  static final String TABLE = "sightings";
  static final String GEOMETRY_COLUMN = "geom";
  static final String ID_COLUMN = "id";
  static final long EPSG_WGS84 = 4326;

  private static final DateTimeFormatter DATETIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

  /** The properties in the order of the CSV, each with its GeoPackage type. */
  private static final List<FeatureColumn> COLUMNS =
      List.of(
          FeatureColumn.createColumn("surveillanceType", GeoPackageDataType.TEXT),
          FeatureColumn.createColumn("cameraType", GeoPackageDataType.TEXT),
          FeatureColumn.createColumn("mount", GeoPackageDataType.TEXT),
          FeatureColumn.createColumn("directions", GeoPackageDataType.TEXT),
          FeatureColumn.createColumn("direction", GeoPackageDataType.INTEGER),
          FeatureColumn.createColumn("fieldOfView", GeoPackageDataType.INTEGER),
          FeatureColumn.createColumn("area", GeoPackageDataType.TEXT),
          FeatureColumn.createColumn("zone", GeoPackageDataType.TEXT),
          FeatureColumn.createColumn("operator", GeoPackageDataType.TEXT),
          FeatureColumn.createColumn("operatorType", GeoPackageDataType.TEXT),
          FeatureColumn.createColumn("height", GeoPackageDataType.DOUBLE),
          FeatureColumn.createColumn("vsaSuspected", GeoPackageDataType.BOOLEAN, true, false),
          FeatureColumn.createColumn("vsaEvidence", GeoPackageDataType.TEXT),
          FeatureColumn.createColumn("notes", GeoPackageDataType.TEXT),
          FeatureColumn.createColumn("cityCode", GeoPackageDataType.TEXT),
          FeatureColumn.createColumn("cityName", GeoPackageDataType.TEXT),
          FeatureColumn.createColumn("observedAt", GeoPackageDataType.DATE),
          FeatureColumn.createColumn("checkDate", GeoPackageDataType.DATE),
          FeatureColumn.createColumn("status", GeoPackageDataType.TEXT),
          FeatureColumn.createColumn("removedOn", GeoPackageDataType.DATE),
          FeatureColumn.createColumn("source", GeoPackageDataType.TEXT),
          FeatureColumn.createColumn("sourceRef", GeoPackageDataType.TEXT),
          FeatureColumn.createColumn("version", GeoPackageDataType.INTEGER),
          FeatureColumn.createColumn("createdAt", GeoPackageDataType.DATETIME),
          FeatureColumn.createColumn("updatedAt", GeoPackageDataType.DATETIME));

  private final OutputStream out;
  private Path file;
  private GeoPackage geoPackage;
  private FeatureDao features;
  private double minLon = Double.POSITIVE_INFINITY;
  private double minLat = Double.POSITIVE_INFINITY;
  private double maxLon = Double.NEGATIVE_INFINITY;
  private double maxLat = Double.NEGATIVE_INFINITY;

  public GeoPackageWriter(OutputStream out) {
    this.out = out;
  }

  @Override
  public void begin() throws IOException {
    Path folder = Files.createTempDirectory("technocarte-export-");
    file = folder.resolve(TABLE + ".gpkg");
    try {
      GeoPackageManager.create(file.toFile());
      geoPackage = GeoPackageManager.open(file.toFile());
      SpatialReferenceSystem wgs84 =
          geoPackage.getSpatialReferenceSystemDao().getOrCreateFromEpsg(EPSG_WGS84);
      geoPackage.createGeometryColumnsTable();
      GeometryColumns geometry = new GeometryColumns();
      geometry.setId(new TableColumnKey(TABLE, GEOMETRY_COLUMN));
      geometry.setGeometryType(GeometryType.POINT);
      geometry.setZ((byte) 0);
      geometry.setM((byte) 0);
      geometry.setSrs(wgs84);
      // The library takes its columns list as its own and adds to it.
      geoPackage.createFeatureTable(
          FeatureTableMetadata.create(geometry, ID_COLUMN, new ArrayList<>(COLUMNS)));
      features = geoPackage.getFeatureDao(TABLE);
      // The feature id is the sighting's, not one SQLite would pick.
      features.getTable().setPkModifiable(true);
      geoPackage.beginTransaction();
    } catch (SQLException | GeoPackageException e) {
      throw new IOException("creating the GeoPackage failed", e);
    }
  }

  @Override
  public void write(SightingView s) throws IOException {
    SightingView.Properties p = s.properties();
    double lon = s.geometry().lon();
    double lat = s.geometry().lat();
    FeatureRow row = features.newRow();
    row.setId(s.id());
    row.setGeometry(GeoPackageGeometryData.create(EPSG_WGS84, new Point(lon, lat)));
    row.setValue("surveillanceType", word(p.surveillanceType()));
    row.setValue("cameraType", word(p.cameraType()));
    row.setValue("mount", word(p.mount()));
    boolean looks = !p.directions().isEmpty();
    row.setValue("directions", looks ? CsvWriter.directions(p.directions()) : null);
    row.setValue("direction", looks ? (long) p.directions().get(0) : null);
    row.setValue("fieldOfView", p.fieldOfView() == null ? null : (long) p.fieldOfView());
    row.setValue("area", word(p.area()));
    row.setValue("zone", word(p.zone()));
    row.setValue("operator", p.operator());
    row.setValue("operatorType", word(p.operatorType()));
    row.setValue("height", p.height());
    row.setValue("vsaSuspected", p.vsaSuspected());
    row.setValue("vsaEvidence", p.vsaEvidence());
    row.setValue("notes", p.notes());
    row.setValue("cityCode", p.city() == null ? null : p.city().code());
    row.setValue("cityName", p.city() == null ? null : p.city().name());
    row.setValue("observedAt", p.observedAt() == null ? null : p.observedAt().toString());
    row.setValue("checkDate", p.checkDate() == null ? null : p.checkDate().toString());
    row.setValue("status", word(p.status()));
    row.setValue("removedOn", p.removedOn() == null ? null : p.removedOn().toString());
    row.setValue("source", word(p.source()));
    row.setValue("sourceRef", p.sourceRef());
    row.setValue("version", (long) p.version());
    row.setValue("createdAt", datetime(p.createdAt()));
    row.setValue("updatedAt", datetime(p.updatedAt()));
    try {
      features.insert(row);
    } catch (GeoPackageException e) {
      throw new IOException("writing sighting " + s.id() + " to the GeoPackage failed", e);
    }
    minLon = Math.min(minLon, lon);
    minLat = Math.min(minLat, lat);
    maxLon = Math.max(maxLon, lon);
    maxLat = Math.max(maxLat, lat);
  }

  @Override
  public void end() throws IOException {
    try {
      geoPackage.endTransaction(true);
      describe();
      // Built once over the loaded table, faster than kept up row by row.
      new RTreeIndexExtension(geoPackage).create(features.getTable());
    } catch (SQLException | GeoPackageException e) {
      throw new IOException("finishing the GeoPackage failed", e);
    }
    geoPackage.close();
    geoPackage = null;
    Files.copy(file, out);
    out.flush();
  }

  /** The licence and the extent travel in the file, in the table's contents row. */
  private void describe() throws SQLException {
    Contents contents = geoPackage.getTableContents(TABLE);
    contents.setIdentifier(TABLE);
    contents.setDescription(
        "Approved surveillance camera sightings of Technocarte, "
            + Licence.ATTRIBUTION
            + ", under "
            + Licence.ID
            + " ("
            + Licence.URL
            + ")");
    if (minLon <= maxLon) {
      contents.setMinX(minLon);
      contents.setMinY(minLat);
      contents.setMaxX(maxLon);
      contents.setMaxY(maxLat);
    }
    geoPackage.getContentsDao().update(contents);
  }

  /** Deletes the temporary file, whether the export went to its end or not. */
  @Override
  public void close() throws IOException {
    if (geoPackage != null) {
      geoPackage.close();
      geoPackage = null;
    }
    if (file != null) {
      Path folder = file.getParent();
      try (var leftovers = Files.list(folder)) {
        // SQLite's journal too, should it be left behind by a failure.
        for (Path leftover : leftovers.collect(Collectors.toList())) {
          Files.deleteIfExists(leftover);
        }
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
      Files.deleteIfExists(folder);
      file = null;
    }
  }

  private static String word(WireValue value) {
    return value == null ? null : value.wire();
  }

  private static String datetime(OffsetDateTime value) {
    return value == null ? null : DATETIME.format(value.withOffsetSameInstant(ZoneOffset.UTC));
  }
}
