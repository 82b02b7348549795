package org.technocarte.export;

/** The download formats of the sightings, each a writer behind the same collection seam. */
public enum ExportFormat {
  GEOJSON("geojson", "application/geo+json"),
  CSV("csv", "text/csv;charset=utf-8;header=present"),
  OSM("osm", "application/vnd.openstreetmap.data+xml"),
  GPKG("gpkg", "application/geopackage+sqlite3");

  private final String extension;
  private final String mediaType;

  ExportFormat(String extension, String mediaType) {
    this.extension = extension;
    this.mediaType = mediaType;
  }

  public String extension() {
    return extension;
  }

  public String mediaType() {
    return mediaType;
  }
}
