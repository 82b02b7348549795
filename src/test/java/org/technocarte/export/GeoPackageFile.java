package org.technocarte.export;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import mil.nga.geopackage.geom.GeoPackageGeometryData;
import mil.nga.sf.Point;

/**
 * A downloaded GeoPackage read back with plain SQL through sqlite-jdbc, as any SQLite client would
 * (only the geometry blob is decoded by the library): its tables, column types and rows.
 */
final class GeoPackageFile implements AutoCloseable {

  final Path path;
  private final Connection connection;

  GeoPackageFile(byte[] bytes) throws IOException, SQLException {
    path = Files.createTempFile("export", ".gpkg");
    Files.write(path, bytes);
    connection = DriverManager.getConnection("jdbc:sqlite:" + path);
  }

  /** Each row as column name → value, in the order of the query. */
  List<Map<String, Object>> query(String sql) throws SQLException {
    List<Map<String, Object>> rows = new ArrayList<>();
    try (Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery(sql)) {
      ResultSetMetaData meta = result.getMetaData();
      while (result.next()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.put(meta.getColumnLabel(i), result.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  /** The declared type of each column of a table, as SQLite keeps it. */
  Map<String, String> columnTypes(String table) throws SQLException {
    Map<String, String> types = new LinkedHashMap<>();
    for (Map<String, Object> column : query("PRAGMA table_info(" + table + ")")) {
      types.put((String) column.get("name"), (String) column.get("type"));
    }
    return types;
  }

  static Point point(Object blob) throws IOException {
    return (Point) GeoPackageGeometryData.create((byte[]) blob).getGeometry();
  }

  @Override
  public void close() throws SQLException, IOException {
    connection.close();
    Files.deleteIfExists(path);
  }
}
