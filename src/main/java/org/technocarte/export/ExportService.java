package org.technocarte.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.technocarte.sighting.ApprovedSightings;
import org.technocarte.sighting.FeatureJson;
import org.technocarte.sighting.SightingFilter;
import org.technocarte.sighting.Where;

/** Downloads of approved sightings: one query through the seam, one writer per format. */
@ApplicationScoped
public class ExportService {

  private final ApprovedSightings sightings;
  private final ObjectMapper mapper;
  private final Clock clock = Clock.systemUTC();

  public ExportService(ApprovedSightings sightings, ObjectMapper mapper) {
    this.sightings = sightings;
    this.mapper = mapper;
  }

  /** A download: its body, written while the rows stream, and the name to save it under. */
  public record Download(StreamingOutput body, String fileName, String mediaType) {}

  /**
   * The filter has been checked before this answers, so that a bad parameter is a 400 and never a
   * 200 cut short.
   */
  public Download export(ExportFormat format, SightingFilter filter) {
    Where where = filter.where();
    StreamingOutput body = format == ExportFormat.GEOJSON ? geoJson(where) : rows(format, where);
    return new Download(body, fileName(format, filter), format.mediaType());
  }

  /**
   * The GeoJSON file, each feature as PostgreSQL writes it ({@link FeatureJson#FLAT}, the shape of
   * {@link FlatFeature}, its city flat as in every other format) and copied as its bytes: the
   * largest export, streamed without a row mapped to Java.
   */
  private StreamingOutput geoJson(Where where) {
    return out -> {
      GeoJsonWriter writer = new GeoJsonWriter(out, mapper, licenceMembers(), Map::of);
      writer.begin();
      sightings.streamJson(
          where, FeatureJson.FLAT, null, 0, 0, 0, (id, feature) -> writer.writeRaw(feature));
      writer.end();
    };
  }

  /** The other formats, each row mapped to a SightingView for its writer. */
  private StreamingOutput rows(ExportFormat format, Where where) {
    return out -> {
      try (FeatureWriter writer = writer(format, out)) {
        writer.begin();
        sightings.stream(where, 0, 0, writer::write);
        writer.end();
      }
    };
  }

  private static FeatureWriter writer(ExportFormat format, OutputStream out) throws IOException {
    return switch (format) {
      case CSV -> new CsvWriter(out);
      case OSM -> new OsmWriter(out);
      case GPKG -> new GeoPackageWriter(out);
      case GEOJSON -> throw new IllegalArgumentException("GeoJSON is written by geoJson");
    };
  }

  /** RFC 7946 foreign members: the licence travels inside the file. */
  static Map<String, ?> licenceMembers() {
    Map<String, String> members = new LinkedHashMap<>();
    members.put("license", Licence.ID);
    members.put("attribution", Licence.ATTRIBUTION);
    return members;
  }

  /**
   * Dated, so that successive downloads do not overwrite each other; the CSV name also carries the
   * licence, as a spreadsheet has no place for it inside the file.
   */
  String fileName(ExportFormat format) {
    return fileName(format, SightingFilter.NONE);
  }

  /**
   * The filters are in the name too ({@code …-city-2992166-vsa.csv}), so that a filtered download
   * saved beside the full one of the same day does not collide with it.
   */
  String fileName(ExportFormat format, SightingFilter filter) {
    String date = LocalDate.now(clock).toString();
    String licence = format == ExportFormat.CSV ? "-" + Licence.ID : "";
    return "technocarte-sightings-"
        + date
        + filter.nameSuffix()
        + licence
        + "."
        + format.extension();
  }
}
