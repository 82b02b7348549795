package org.technocarte.export;

import io.vertx.ext.web.RoutingContext;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.technocarte.common.error.Problem;
import org.technocarte.sighting.SightingFilter;

/** Downloads of all approved sightings, filtered, streamed from the database. */
@Path("/api/export")
@Tag(name = "Exports", description = "Approved sightings as files, under ODbL 1.0")
@APIResponse(
    responseCode = "400",
    description = "A parameter is malformed or unknown; each is named in errors")
@APIResponse(
    responseCode = "503",
    description = "Too many downloads stream at once; Retry-After says when to try again")
public class ExportResource {

  static final String GEOPACKAGE = "application/geopackage+sqlite3";

  /** WGS 84 longitude, latitude: the CSV has no other place to say it. */
  static final String CONTENT_CRS = "<http://www.opengis.net/def/crs/OGC/1.3/CRS84>";

  private final ExportService service;
  private final ExportSlots slots;

  public ExportResource(ExportService service, ExportSlots slots) {
    this.service = service;
    this.slots = slots;
  }

  @GET
  @Path("sightings.geojson")
  @Produces({"application/geo+json", Problem.MEDIA_TYPE})
  @Operation(
      summary = "Approved sightings as GeoJSON",
      description =
          "An RFC 7946 FeatureCollection of every approved sighting matching the filters, with the"
              + " licence in its license and attribution members; the city is flat (cityCode,"
              + " cityName), as in the CSV and the OGC API.")
  @APIResponse(
      responseCode = "200",
      description = "The file",
      content =
          @Content(
              mediaType = "application/geo+json",
              schema = @Schema(implementation = FlatFeature.Collection.class)))
  public Response geojson(@BeanParam ExportQuery query, @Context RoutingContext http) {
    return download(ExportFormat.GEOJSON, query, http);
  }

  @GET
  @Path("sightings.csv")
  @Produces({"text/csv", Problem.MEDIA_TYPE})
  @Operation(
      summary = "Approved sightings as CSV",
      description =
          "UTF-8, RFC 4180, a header row, one camera per row: id, lon, lat, wkt, then the"
              + " properties; directions joined with ';'. The coordinates are WGS 84 longitude and"
              + " latitude (CRS84, EPSG:4326 with longitude first), also as the Well-Known Text"
              + " POINT(lon lat) of the wkt column (GDAL: -oo GEOM_POSSIBLE_NAMES=wkt), and the"
              + " Content-Crs header says so. Free text starting with = + - or @ gets a leading"
              + " apostrophe, so a spreadsheet shows it instead of running it as a formula. The"
              + " licence is in the file name and the Link header.")
  @APIResponse(
      responseCode = "200",
      description = "The file",
      headers =
          @Header(
              name = "Content-Crs",
              description = "The CRS of the coordinates, as OGC API – Features Part 2 writes it",
              schema = @Schema(type = SchemaType.STRING, enumeration = CONTENT_CRS)),
      content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING)))
  public Response csv(@BeanParam ExportQuery query, @Context RoutingContext http) {
    Response file = download(ExportFormat.CSV, query, http);
    return Response.fromResponse(file).header("Content-Crs", CONTENT_CRS).build();
  }

  @GET
  @Path("sightings.osm")
  @Produces({"application/vnd.openstreetmap.data+xml", Problem.MEDIA_TYPE})
  @Operation(
      summary = "Approved sightings as OSM XML for JOSM",
      description =
          "New nodes (negative ids) tagged man_made=surveillance and the OSM tags of the design,"
              + " in a file marked upload=\"never\": check each camera on the ground before copying"
              + " it to OpenStreetMap. Suspected VSA is never in it.")
  @APIResponse(
      responseCode = "200",
      description = "The file",
      content =
          @Content(
              mediaType = "application/vnd.openstreetmap.data+xml",
              schema = @Schema(type = SchemaType.STRING)))
  public Response osm(@BeanParam ExportQuery query, @Context RoutingContext http) {
    return download(ExportFormat.OSM, query, http);
  }

  @GET
  @Path("sightings.gpkg")
  @Produces({ExportResource.GEOPACKAGE, Problem.MEDIA_TYPE})
  @Operation(
      summary = "Approved sightings as a GeoPackage for QGIS",
      description =
          "OGC GeoPackage 1.4: one feature table 'sightings' of points in EPSG:4326 (lon/lat),"
              + " with an R-tree spatial index, whose feature id is the sighting id. The"
              + " properties are those of the CSV, typed: fieldOfView, version and direction (the"
              + " first of directions) INTEGER, height DOUBLE, vsaSuspected BOOLEAN, observedAt"
              + " and checkDate DATE, createdAt and updatedAt DATETIME (UTC); directions is TEXT"
              + " joined with ';' as OSM's camera:direction. The licence is in the table's"
              + " description and the Link header.")
  @APIResponse(
      responseCode = "200",
      description = "The file",
      content =
          @Content(
              mediaType = GEOPACKAGE,
              schema = @Schema(type = SchemaType.STRING, format = "binary")))
  public Response geopackage(@BeanParam ExportQuery query, @Context RoutingContext http) {
    return download(ExportFormat.GPKG, query, http);
  }

  /**
   * The slot is given back when the body has been written, and also when the answer ends or the
   * connection drops before that (whichever comes first; giving back twice is harmless).
   */
  private Response download(ExportFormat format, ExportQuery query, RoutingContext http) {
    SightingFilter filter = query.filter();
    ExportSlots.Slot slot = slots.take();
    http.addEndHandler(ended -> slot.close());
    ExportService.Download file = service.export(format, filter);
    StreamingOutput body =
        out -> {
          try (slot) {
            file.body().write(out);
          }
        };
    return Response.ok(body, file.mediaType())
        .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file.fileName() + "\"")
        .header("Link", Licence.LINK_HEADER)
        .build();
  }
}
