package org.technocarte.export;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.Explode;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterStyle;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.technocarte.common.error.Problem;

/**
 * OGC API – Features: the sightings as one collection, for QGIS, GDAL and any OGC client. JSON by
 * default (features are GeoJSON); web pages for f=html or a browser's Accept: text/html.
 */
@Path("/ogc")
@Tag(name = "OGC API – Features", description = "The approved sightings for GIS clients")
@Produces({OgcService.JSON, OgcPages.HTML, Problem.MEDIA_TYPE})
public class OgcResource {

  /** The Content-Crs header of Part 2: the CRS of the coordinates, as {@code <uri>}. */
  static final String CONTENT_CRS = "Content-Crs";

  private static final String CRS_HEADER =
      "The CRS of the coordinates (OGC API – Features Part 2), e.g."
          + " <http://www.opengis.net/def/crs/OGC/1.3/CRS84>";

  private final OgcService service;
  private final OgcApiDefinition definition;
  private final OgcPages pages;

  public OgcResource(OgcService service, OgcApiDefinition definition, OgcPages pages) {
    this.service = service;
    this.definition = definition;
    this.pages = pages;
  }

  private static boolean html(UriInfo uri, HttpHeaders headers) {
    return OgcFormat.wantsHtml(uri.getQueryParameters().getFirst("f"), headers);
  }

  @GET
  @Operation(summary = "Landing page", description = "Links to the API, conformance and data.")
  @Parameter(
      name = "f",
      in = ParameterIn.QUERY,
      description = "The encoding: json, or html for a web page",
      style = ParameterStyle.FORM,
      explode = Explode.FALSE,
      schema =
          @Schema(
              type = SchemaType.STRING,
              enumeration = {"json", "html"}))
  @APIResponse(
      responseCode = "200",
      description = "The landing page",
      content = {
        @Content(
            mediaType = OgcService.JSON,
            schema = @Schema(implementation = OgcDocuments.Landing.class)),
        @Content(mediaType = OgcPages.HTML, schema = @Schema(type = SchemaType.STRING))
      })
  @APIResponse(responseCode = "400", description = "Unknown parameter")
  public Response landing(@Context UriInfo uri, @Context HttpHeaders headers) {
    OgcFormat.onlyFormat(uri.getQueryParameters(), "json", "html");
    OgcDocuments.Landing landing = service.landing(uri.getBaseUri());
    return html(uri, headers)
        ? pages.landing(landing, uri.getBaseUri(), uri.getRequestUri())
        : Response.ok(landing, OgcService.JSON).build();
  }

  @GET
  @Path("api")
  @Produces({
    "application/vnd.oai.openapi+json",
    "application/vnd.oai.openapi",
    OgcService.JSON,
    "application/yaml",
    Problem.MEDIA_TYPE
  })
  @Operation(
      summary = "API definition",
      description =
          "This API as an OpenAPI 3.0 document rooted at the landing page: JSON by default and"
              + " for application/vnd.oai.openapi+json, YAML for application/vnd.oai.openapi or"
              + " f=yaml.")
  @Parameter(
      name = "f",
      in = ParameterIn.QUERY,
      description = "The encoding: json or yaml",
      style = ParameterStyle.FORM,
      explode = Explode.FALSE,
      schema =
          @Schema(
              type = SchemaType.STRING,
              enumeration = {"json", "yaml"}))
  @APIResponse(
      responseCode = "200",
      description = "The OpenAPI document",
      content = {
        @Content(mediaType = OgcApiDefinition.JSON, schema = @Schema(type = SchemaType.OBJECT)),
        @Content(mediaType = OgcApiDefinition.YAML, schema = @Schema(type = SchemaType.OBJECT))
      })
  @APIResponse(responseCode = "400", description = "Unknown parameter")
  public Response api(@Context UriInfo uri, @Context HttpHeaders headers) {
    OgcFormat.onlyFormat(uri.getQueryParameters(), "json", "yaml");
    ObjectNode document = definition.document(service.landingUri(uri.getBaseUri()));
    if (OgcFormat.wantsYaml(uri.getQueryParameters().getFirst("f"), headers)) {
      return Response.ok(definition.yaml(document), OgcApiDefinition.YAML).build();
    }
    return Response.ok(document, OgcApiDefinition.JSON).build();
  }

  @GET
  @Path("conformance")
  @Operation(summary = "Conformance classes", description = "The standards this API implements.")
  @Parameter(
      name = "f",
      in = ParameterIn.QUERY,
      description = "The encoding: json, or html for a web page",
      style = ParameterStyle.FORM,
      explode = Explode.FALSE,
      schema =
          @Schema(
              type = SchemaType.STRING,
              enumeration = {"json", "html"}))
  @APIResponse(
      responseCode = "200",
      description = "The conformance classes",
      content = {
        @Content(
            mediaType = OgcService.JSON,
            schema = @Schema(implementation = OgcDocuments.Conformance.class)),
        @Content(mediaType = OgcPages.HTML, schema = @Schema(type = SchemaType.STRING))
      })
  @APIResponse(responseCode = "400", description = "Unknown parameter")
  public Response conformance(@Context UriInfo uri, @Context HttpHeaders headers) {
    OgcFormat.onlyFormat(uri.getQueryParameters(), "json", "html");
    OgcDocuments.Conformance conformance = service.conformance();
    return html(uri, headers)
        ? pages.conformance(conformance, uri.getBaseUri(), uri.getRequestUri())
        : Response.ok(conformance, OgcService.JSON).build();
  }

  @GET
  @Path("collections")
  @Operation(summary = "Collections", description = "One collection: sightings.")
  @Parameter(
      name = "f",
      in = ParameterIn.QUERY,
      description = "The encoding: json, or html for a web page",
      style = ParameterStyle.FORM,
      explode = Explode.FALSE,
      schema =
          @Schema(
              type = SchemaType.STRING,
              enumeration = {"json", "html"}))
  @APIResponse(
      responseCode = "200",
      description = "The collections",
      content = {
        @Content(
            mediaType = OgcService.JSON,
            schema = @Schema(implementation = OgcDocuments.Collections.class)),
        @Content(mediaType = OgcPages.HTML, schema = @Schema(type = SchemaType.STRING))
      })
  @APIResponse(responseCode = "400", description = "Unknown parameter")
  public Response collections(@Context UriInfo uri, @Context HttpHeaders headers) {
    OgcFormat.onlyFormat(uri.getQueryParameters(), "json", "html");
    OgcDocuments.Collections collections = service.collections(uri.getBaseUri());
    return html(uri, headers)
        ? pages.collections(collections, uri.getBaseUri(), uri.getRequestUri())
        : Response.ok(collections, OgcService.JSON).build();
  }

  @GET
  @Path("collections/sightings")
  @Operation(
      summary = "The sightings collection",
      description = "With its spatial extent and the dates the cameras were seen.")
  @Parameter(
      name = "f",
      in = ParameterIn.QUERY,
      description = "The encoding: json, or html for a web page",
      style = ParameterStyle.FORM,
      explode = Explode.FALSE,
      schema =
          @Schema(
              type = SchemaType.STRING,
              enumeration = {"json", "html"}))
  @APIResponse(
      responseCode = "200",
      description = "The collection",
      content = {
        @Content(
            mediaType = OgcService.JSON,
            schema = @Schema(implementation = OgcDocuments.Collection.class)),
        @Content(mediaType = OgcPages.HTML, schema = @Schema(type = SchemaType.STRING))
      })
  @APIResponse(responseCode = "400", description = "Unknown parameter")
  public Response collection(@Context UriInfo uri, @Context HttpHeaders headers) {
    OgcFormat.onlyFormat(uri.getQueryParameters(), "json", "html");
    OgcDocuments.Collection collection = service.collection(uri.getBaseUri());
    return html(uri, headers)
        ? pages.collection(collection, uri.getBaseUri(), uri.getRequestUri())
        : Response.ok(collection, OgcService.JSON).build();
  }

  @GET
  @Path("collections/sightings/queryables")
  @Produces({OgcService.SCHEMA_JSON, OgcService.JSON, Problem.MEDIA_TYPE})
  @Operation(
      summary = "Queryables",
      description = "A JSON Schema of the properties a filter may name.")
  @Parameter(
      name = "f",
      in = ParameterIn.QUERY,
      description = "The encoding: json, or html for a web page",
      style = ParameterStyle.FORM,
      explode = Explode.FALSE,
      schema =
          @Schema(
              type = SchemaType.STRING,
              enumeration = {"json", "html"}))
  @APIResponse(
      responseCode = "200",
      description = "The queryables",
      content =
          @Content(mediaType = OgcService.SCHEMA_JSON, schema = @Schema(type = SchemaType.OBJECT)))
  @APIResponse(responseCode = "400", description = "Unknown parameter")
  public Response queryables(@Context UriInfo uri) {
    OgcFormat.onlyFormat(uri.getQueryParameters());
    Map<String, Object> schema = service.queryables(uri.getBaseUri());
    return Response.ok(schema, OgcService.SCHEMA_JSON).build();
  }

  @GET
  @Path("collections/sightings/schema")
  @Produces({OgcService.SCHEMA_JSON, OgcService.JSON, Problem.MEDIA_TYPE})
  @Operation(
      summary = "Schema of the features",
      description =
          "A JSON Schema (2020-12) of the sightings' properties, as OGC API – Features Part 5"
              + " has it: x-ogc-role marks the id, the geometry and the date seen.")
  @Parameter(
      name = "f",
      in = ParameterIn.QUERY,
      description = "The encoding: json",
      style = ParameterStyle.FORM,
      explode = Explode.FALSE,
      schema = @Schema(type = SchemaType.STRING, enumeration = "json"))
  @APIResponse(
      responseCode = "200",
      description = "The schema",
      content =
          @Content(mediaType = OgcService.SCHEMA_JSON, schema = @Schema(type = SchemaType.OBJECT)))
  @APIResponse(responseCode = "400", description = "Unknown parameter")
  public Response schema(@Context UriInfo uri) {
    OgcFormat.onlyFormat(uri.getQueryParameters());
    return Response.ok(service.schema(uri.getBaseUri()), OgcService.SCHEMA_JSON).build();
  }

  @GET
  @Path("collections/sightings/items")
  @Produces({OgcService.GEO_JSON, OgcService.JSON, OgcPages.HTML, Problem.MEDIA_TYPE})
  @Operation(
      summary = "Sightings, a page at a time",
      description =
          "A GeoJSON FeatureCollection with numberMatched, numberReturned, timeStamp and links;"
              + " follow the next link for the following page.")
  @Parameter(
      name = "bbox",
      in = ParameterIn.QUERY,
      description =
          "west,south,east,north in CRS84, e.g. 3.86,43.60,3.89,43.62; or 6 numbers with a"
              + " lower and an upper height (ignored: the sightings are 2D); a west edge east of"
              + " the east edge crosses the antimeridian",
      style = ParameterStyle.FORM,
      explode = Explode.FALSE,
      schema =
          @Schema(
              type = SchemaType.ARRAY,
              implementation = Double.class,
              minItems = 4,
              maxItems = 6))
  @Parameter(
      name = "bbox-crs",
      in = ParameterIn.QUERY,
      description =
          "The CRS of bbox (OGC API – Features Part 2), by URI, in its axis order: CRS84 (the"
              + " default), EPSG:4326 (lat,lon), EPSG:3857 or EPSG:2154 (a box in metres is"
              + " clipped to the area the CRS is made for)",
      style = ParameterStyle.FORM,
      explode = Explode.FALSE,
      schema = @Schema(implementation = FeatureParams.CrsUri.class))
  @Parameter(
      name = "status",
      in = ParameterIn.QUERY,
      description =
          "approved (the default), removed (the cameras seen gone, with removedOn), or"
              + " approved,removed",
      style = ParameterStyle.FORM,
      explode = Explode.FALSE,
      schema = @Schema(type = SchemaType.STRING))
  @Parameter(
      name = "campaign",
      in = ParameterIn.QUERY,
      description = "The id of a mapping party: only the sightings sent inside its zone during it",
      style = ParameterStyle.FORM,
      explode = Explode.FALSE,
      schema = @Schema(type = SchemaType.INTEGER))
  @Parameter(
      name = "datetime",
      in = ParameterIn.QUERY,
      description =
          "On the date the camera was seen: 2026-11-28, or an interval 2026-01-01/.. or"
              + " ../2026-06-30 (inclusive)",
      style = ParameterStyle.FORM,
      explode = Explode.FALSE,
      schema = @Schema(type = SchemaType.STRING))
  @Parameter(
      name = "limit",
      in = ParameterIn.QUERY,
      description = "Page size; above 10000, 10000 are sent",
      style = ParameterStyle.FORM,
      explode = Explode.FALSE,
      schema =
          @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "10000", defaultValue = "10"))
  @Parameter(
      name = "after",
      in = ParameterIn.QUERY,
      description = "Token of the next page, from the next link",
      style = ParameterStyle.FORM,
      explode = Explode.FALSE,
      schema = @Schema(type = SchemaType.STRING))
  @Parameter(
      name = "offset",
      in = ParameterIn.QUERY,
      description = "Rows to skip in a sorted list, from the next link of a sortby page",
      style = ParameterStyle.FORM,
      explode = Explode.FALSE,
      schema = @Schema(type = SchemaType.INTEGER, minimum = "0", defaultValue = "0"))
  @Parameter(
      name = "sortby",
      in = ParameterIn.QUERY,
      description =
          "The order, comma-separated queryables (not the geometry), each ascending or with -"
              + " descending, e.g. -updatedAt,id; ties in id order. Pages then follow offset.",
      style = ParameterStyle.FORM,
      explode = Explode.FALSE,
      schema = @Schema(type = SchemaType.ARRAY, implementation = String.class))
  @Parameter(
      name = "filter",
      in = ParameterIn.QUERY,
      description =
          "CQL2 text over the queryables, e.g. cameraType = 'dome' AND"
              + " S_INTERSECTS(geometry, BBOX(3.86, 43.60, 3.89, 43.62))",
      style = ParameterStyle.FORM,
      explode = Explode.FALSE,
      schema = @Schema(type = SchemaType.STRING))
  @Parameter(
      name = "filter-lang",
      in = ParameterIn.QUERY,
      style = ParameterStyle.FORM,
      explode = Explode.FALSE,
      schema = @Schema(type = SchemaType.STRING, enumeration = "cql2-text"))
  @Parameter(
      name = "f",
      in = ParameterIn.QUERY,
      description =
          "The encoding: geojson (application/geo+json, the default), json, or html for a web"
              + " page",
      style = ParameterStyle.FORM,
      explode = Explode.FALSE,
      schema =
          @Schema(
              type = SchemaType.STRING,
              enumeration = {"geojson", "json", "html"}))
  @APIResponse(
      responseCode = "200",
      description = "A page of sightings",
      headers =
          @Header(
              name = CONTENT_CRS,
              description = CRS_HEADER,
              schema = @Schema(type = SchemaType.STRING)),
      content = {
        @Content(
            mediaType = OgcService.GEO_JSON,
            schema = @Schema(implementation = OgcDocuments.FeaturePage.class)),
        @Content(mediaType = OgcPages.HTML, schema = @Schema(type = SchemaType.STRING))
      })
  @APIResponse(
      responseCode = "400",
      description = "A parameter or the filter is invalid, or unknown")
  public Response items(
      @Context UriInfo uri, @Context HttpHeaders headers, @BeanParam FeatureParams feature)
      throws java.io.IOException {
    ItemsQuery query = ItemsQuery.parse(uri.getQueryParameters());
    if (html(uri, headers)) {
      OgcService.ItemsPage page = service.itemsPage(query, uri.getRequestUri());
      return pages.items(
          page.features(), page.matched(), page.next(), uri.getBaseUri(), uri.getRequestUri());
    }
    return Response.ok(service.items(query, uri.getRequestUri()), type(uri))
        .header(CONTENT_CRS, query.shape().crs().header())
        .build();
  }

  private static String type(UriInfo uri) {
    return "json".equals(uri.getQueryParameters().getFirst("f"))
        ? OgcService.JSON
        : OgcService.GEO_JSON;
  }

  @GET
  @Path("collections/sightings/items/{featureId}")
  @Produces({OgcService.GEO_JSON, OgcService.JSON, OgcPages.HTML, Problem.MEDIA_TYPE})
  @Operation(summary = "One sighting", description = "An approved sighting as a GeoJSON Feature.")
  @Parameter(
      name = "f",
      in = ParameterIn.QUERY,
      description =
          "The encoding: geojson (application/geo+json, the default), json, or html for a web"
              + " page",
      style = ParameterStyle.FORM,
      explode = Explode.FALSE,
      schema =
          @Schema(
              type = SchemaType.STRING,
              enumeration = {"geojson", "json", "html"}))
  @APIResponse(
      responseCode = "200",
      description = "The sighting",
      headers =
          @Header(
              name = CONTENT_CRS,
              description = CRS_HEADER,
              schema = @Schema(type = SchemaType.STRING)),
      content = {
        @Content(
            mediaType = OgcService.GEO_JSON,
            schema = @Schema(implementation = OgcDocuments.Feature.class)),
        @Content(mediaType = OgcPages.HTML, schema = @Schema(type = SchemaType.STRING))
      })
  @APIResponse(responseCode = "400", description = "A parameter is invalid, or unknown")
  @APIResponse(responseCode = "404", description = "No such approved sighting")
  public Response item(
      @Parameter(
              description = "The sighting's id",
              style = ParameterStyle.SIMPLE,
              explode = Explode.FALSE,
              schema = @Schema(type = SchemaType.STRING))
          @PathParam("featureId")
          String featureId,
      @Context UriInfo uri,
      @Context HttpHeaders headers,
      @BeanParam FeatureParams params) {
    FeatureShape shape = ItemsQuery.parseItem(uri.getQueryParameters());
    if (html(uri, headers)) {
      return pages.item(
          service.approved(featureId, Crs.DEFAULT), uri.getBaseUri(), uri.getRequestUri());
    }
    ObjectNode feature = service.item(featureId, shape, uri.getBaseUri());
    return Response.ok(feature, type(uri)).header(CONTENT_CRS, shape.crs().header()).build();
  }
}
