package org.technocarte.export;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.enums.Explode;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterStyle;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

/**
 * How the OGC API writes features, shared by its items and its item and taken as a
 * {@code @BeanParam} so that it is documented once. The fields only carry that documentation:
 * {@link ItemsQuery} reads the whole query string, refusing what it does not know.
 */
public class FeatureParams {

  /** The CRS the OGC API knows (see {@link Crs}), as an OpenAPI schema of its own. */
  @Schema(
      name = "OgcCrsUri",
      type = SchemaType.STRING,
      format = "uri",
      enumeration = {
        "http://www.opengis.net/def/crs/OGC/1.3/CRS84",
        "http://www.opengis.net/def/crs/EPSG/0/4326",
        "http://www.opengis.net/def/crs/EPSG/0/3857",
        "http://www.opengis.net/def/crs/EPSG/0/2154"
      },
      defaultValue = "http://www.opengis.net/def/crs/OGC/1.3/CRS84")
  public static final class CrsUri {
    private CrsUri() {}
  }

  @QueryParam("crs")
  @Parameter(
      name = "crs",
      in = ParameterIn.QUERY,
      description =
          "The CRS of the coordinates (OGC API – Features Part 2), by URI: CRS84 (the default,"
              + " lon,lat), EPSG:4326 (lat,lon), EPSG:3857 or EPSG:2154 (Lambert-93); the answer"
              + " says it in its Content-Crs header",
      style = ParameterStyle.FORM,
      explode = Explode.FALSE,
      schema = @Schema(implementation = FeatureParams.CrsUri.class))
  String crs;

  @QueryParam("properties")
  @Parameter(
      name = "properties",
      in = ParameterIn.QUERY,
      description =
          "The properties to send, comma-separated (e.g. cameraType,cityName); all when absent",
      style = ParameterStyle.FORM,
      explode = Explode.FALSE,
      schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
  String properties;

  @QueryParam("skipGeometry")
  @Parameter(
      name = "skipGeometry",
      in = ParameterIn.QUERY,
      description = "true sends each feature with a null geometry",
      style = ParameterStyle.FORM,
      explode = Explode.FALSE,
      schema = @Schema(type = SchemaType.BOOLEAN, defaultValue = "false"))
  String skipGeometry;
}
