package org.technocarte.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.technocarte.common.WireValue;
import org.technocarte.sighting.SightingView;

/**
 * CSV (RFC 4180: comma, CRLF, double quotes doubled), UTF-8, one row per camera: {@code id}, {@code
 * lon}, {@code lat}, {@code wkt}, then the properties of the API; directions are joined with {@code
 * ;}.
 *
 * <p>A CSV file has no place for its CRS, so it is said three ways: the column names, the {@code
 * wkt} column ({@code POINT(lon lat)}, as PostGIS's {@code ST_AsText} writes EPSG:4326, longitude
 * first, with the same numbers as {@code lon} and {@code lat}) that GDAL and QGIS read as the
 * geometry, and a {@code Content-Crs} header (CRS84) on the download.
 *
 * <p>Free text written by walkers (operator, evidence, notes, city name, source reference) that a
 * spreadsheet would run as a formula, starting with {@code = + - @}, a tab or a carriage return,
 * gets a leading apostrophe (OWASP's advice against CSV injection): a researcher opening the file
 * in LibreOffice or Excel sees the text and runs nothing. GeoJSON and OGC API keep the exact text.
 */
public final class CsvWriter implements FeatureWriter {

  static final List<String> HEADER =
      List.of(
          "id",
          "lon",
          "lat",
          "wkt",
          "surveillanceType",
          "cameraType",
          "mount",
          "directions",
          "fieldOfView",
          "area",
          "zone",
          "operator",
          "operatorType",
          "height",
          "vsaSuspected",
          "vsaEvidence",
          "notes",
          "cityCode",
          "cityName",
          "observedAt",
          "checkDate",
          "status",
          "removedOn",
          "source",
          "sourceRef",
          "version",
          "createdAt",
          "updatedAt");

  private final Writer out;

  public CsvWriter(OutputStream out) {
    this.out = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
  }

  @Override
  public void begin() throws IOException {
    row(HEADER);
  }

  @Override
  public void write(SightingView s) throws IOException {
    SightingView.Properties p = s.properties();
    row(
        java.util.Arrays.asList(
            Long.toString(s.id()),
            number(s.geometry().lon()),
            number(s.geometry().lat()),
            wkt(s.geometry().lon(), s.geometry().lat()),
            word(p.surveillanceType()),
            word(p.cameraType()),
            word(p.mount()),
            directions(p.directions()),
            text(p.fieldOfView()),
            word(p.area()),
            word(p.zone()),
            inert(p.operator()),
            word(p.operatorType()),
            p.height() == null ? null : number(p.height()),
            Boolean.toString(p.vsaSuspected()),
            inert(p.vsaEvidence()),
            inert(p.notes()),
            p.city() == null ? null : p.city().code(),
            p.city() == null ? null : inert(p.city().name()),
            text(p.observedAt()),
            text(p.checkDate()),
            word(p.status()),
            text(p.removedOn()),
            word(p.source()),
            inert(p.sourceRef()),
            Integer.toString(p.version()),
            text(p.createdAt()),
            text(p.updatedAt())));
  }

  @Override
  public void end() throws IOException {
    out.flush();
  }

  private void row(List<String> cells) throws IOException {
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        out.write(',');
      }
      cell(cells.get(i));
    }
    out.write("\r\n");
  }

  private void cell(String value) throws IOException {
    if (value == null || value.isEmpty()) {
      return;
    }
    if (value.indexOf(',') < 0
        && value.indexOf('"') < 0
        && value.indexOf('\n') < 0
        && value.indexOf('\r') < 0) {
      out.write(value);
      return;
    }
    out.write('"');
    out.write(value.replace("\"", "\"\""));
    out.write('"');
  }

  /** The point as Well-Known Text, longitude first: {@code POINT(3.87967 43.60851)}. */
  static String wkt(double lon, double lat) {
    return "POINT(" + number(lon) + " " + number(lat) + ")";
  }

  /** The directions as OSM's {@code camera:direction} writes them: {@code 90;180}. */
  static String directions(List<Integer> directions) {
    return directions.stream().map(String::valueOf).collect(Collectors.joining(";"));
  }

  /** Free text a spreadsheet would read as a formula, made inert by a leading apostrophe. */
  static String inert(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    return switch (text.charAt(0)) {
      case '=', '+', '-', '@', '\t', '\r' -> "'" + text;
      default -> text;
    };
  }

  /** Plain decimal notation: spreadsheets read 3.87967, not 3.87967E0. */
  static String number(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  private static String word(WireValue value) {
    return value == null ? null : value.wire();
  }

  private static String text(Object value) {
    return value == null ? null : value.toString();
  }
}
