package org.technocarte.sighting;

import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.technocarte.common.Caching;
import org.technocarte.common.JsonBody;
import org.technocarte.common.config.TechnocarteConfig;
import org.technocarte.common.error.FieldCode;
import org.technocarte.common.error.Problem;
import org.technocarte.safety.ProofOfWorkRequired;
import org.technocarte.safety.RateLimited;

/** The public sightings API: walkers submit and amend, everyone reads approved sightings. */
@Path("/api/sightings")
@Tag(name = "Sightings", description = "Camera sightings: submit, amend, read")
@Produces({SightingResource.GEO_JSON, Problem.MEDIA_TYPE})
public class SightingResource {

  static final String GEO_JSON = "application/geo+json";
  static final String EDIT_TOKEN = "X-Edit-Token";

  private final SightingService service;
  private final JsonBody json;
  private final TechnocarteConfig config;

  public SightingResource(SightingService service, JsonBody json, TechnocarteConfig config) {
    this.service = service;
    this.json = json;
    this.config = config;
  }

  @POST
  @Consumes({GEO_JSON, "application/json"})
  @RateLimited(RateLimited.Kind.SUBMISSION)
  @ProofOfWorkRequired
  @Parameter(
      name = ProofOfWorkRequired.HEADER,
      in = ParameterIn.HEADER,
      schema = @Schema(type = SchemaType.STRING),
      description =
          "<challenge>:<nonce>, a solved challenge of GET /api/pow/challenge (unless its"
              + " difficulty is 0)")
  @APIResponse(
      responseCode = "403",
      description = "Proof of work forged, expired, too weak or already used")
  @APIResponse(
      responseCode = "429",
      description = "Too many submissions from here: see Retry-After")
  @Operation(
      summary = "Submit a sighting",
      description =
          "A GeoJSON Feature with a Point and the properties of a sighting. It is pending until a"
              + " moderator approves it. The answer carries the private editToken, once. A"
              + " properties.clientId (random UUID) makes a resend idempotent: the same clientId"
              + " again answers the first sighting and its token (200), never a second one.")
  @RequestBody(
      required = true,
      content =
          @Content(mediaType = GEO_JSON, schema = @Schema(implementation = SightingView.class)))
  @APIResponse(
      responseCode = "201",
      description = "Created, pending",
      content =
          @Content(mediaType = GEO_JSON, schema = @Schema(implementation = SightingView.class)))
  @APIResponse(
      responseCode = "200",
      description = "Already created with this clientId: the first sighting",
      content =
          @Content(mediaType = GEO_JSON, schema = @Schema(implementation = SightingView.class)))
  @APIResponse(
      responseCode = "400",
      description = "Malformed JSON, or proof of work missing or malformed")
  @APIResponse(responseCode = "413", description = "Body too large")
  @APIResponse(responseCode = "415", description = "Not JSON")
  @APIResponse(responseCode = "422", description = "Invalid fields, each listed in errors")
  public Response submit(
      InputStream body,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type,
      @Context UriInfo uri) {
    SightingInput input =
        SightingInputParser.parse(json.readFeature(body, type), SightingInputParser.Mode.CREATE);
    SightingService.Created created = service.submit(input);
    SightingView sighting = created.sighting();
    Response.ResponseBuilder answer =
        created.replayed()
            ? Response.ok()
            : Response.created(
                uri.getBaseUriBuilder().path("api/sightings/{id}").build(sighting.id()));
    return answer.entity(sighting).type(GEO_JSON).cacheControl(Caching.privateNoStore()).build();
  }

  @GET
  @Operation(
      summary = "Approved sightings in a box",
      description =
          "A GeoJSON FeatureCollection of approved sightings, filtered; status=removed gives the"
              + " cameras seen gone instead (the map's \"removed\" layer).")
  @APIResponse(
      responseCode = "200",
      description = "The sightings",
      content =
          @Content(
              mediaType = GEO_JSON,
              schema = @Schema(implementation = SightingCollection.class)))
  @APIResponse(
      responseCode = "400",
      description = "A parameter is missing, malformed, out of range or unknown")
  public Response approved(@BeanParam MapParams query) {
    MapParams.Page page = query.page(config.api());
    // The bytes PostgreSQL built: a SightingCollection, as the schema above says.
    return Response.ok(service.approved(page.filter(), page.limit()), GEO_JSON).build();
  }

  @GET
  @Path("nearby")
  @Operation(
      summary = "Approved sightings near a point",
      description =
          "Nearest first, within radius metres (default set by the server, at most 200): the"
              + " cameras a walker is asked about before adding one, to confirm instead of"
              + " duplicating.")
  @Parameter(
      name = "lon",
      in = ParameterIn.QUERY,
      required = true,
      schema = @Schema(implementation = Double.class))
  @Parameter(
      name = "lat",
      in = ParameterIn.QUERY,
      required = true,
      schema = @Schema(implementation = Double.class))
  @Parameter(
      name = "radius",
      in = ParameterIn.QUERY,
      description = "Metres, 1–200",
      schema = @Schema(implementation = Integer.class))
  @APIResponse(
      responseCode = "200",
      description = "The sightings, nearest first",
      content =
          @Content(
              mediaType = GEO_JSON,
              schema = @Schema(implementation = SightingCollection.class)))
  @APIResponse(
      responseCode = "400",
      description = "A parameter is missing, malformed or out of range")
  public SightingCollection nearby(@Context UriInfo uri) {
    QueryParams params = new QueryParams(uri.getQueryParameters(), Set.of("lon", "lat", "radius"));
    double lon = params.number("lon", -180, 180);
    double lat = params.number("lat", -90, 90);
    int radius = config.map().duplicateRadiusMetres();
    String radiusText = params.text("radius");
    if (radiusText != null) {
      try {
        radius = Integer.parseInt(radiusText.trim());
      } catch (NumberFormatException e) {
        radius = -1;
      }
      if (radius < 1 || radius > MAX_RADIUS_METRES) {
        params.error(
            "radius",
            FieldCode.OUT_OF_RANGE,
            "must be whole metres from 1 to " + MAX_RADIUS_METRES);
      }
    }
    params.check();
    return service.approvedNear(lon, lat, radius);
  }

  /** How far nearby looks, at most. */
  static final int MAX_RADIUS_METRES = 200;

  @POST
  @Path("{id}/confirmations")
  @RateLimited(RateLimited.Kind.CONFIRMATION)
  @APIResponse(
      responseCode = "429",
      description = "Too many confirmations from here: see Retry-After")
  @Operation(
      summary = "Confirm that an approved camera is still there",
      description = "Sets its checkDate to today. No body is needed; nothing about who is kept.")
  @APIResponse(
      responseCode = "201",
      description = "Confirmed: the sighting with its new checkDate",
      content =
          @Content(mediaType = GEO_JSON, schema = @Schema(implementation = SightingView.class)))
  @APIResponse(responseCode = "404", description = "No approved sighting with this id")
  public Response confirm(@PathParam("id") long id) {
    return Response.status(Response.Status.CREATED)
        .entity(service.confirm(id))
        .type(GEO_JSON)
        .build();
  }

  @GET
  @Path("{id}")
  @Operation(
      summary = "One sighting",
      description =
          "An approved or removed sighting for anyone; a pending one only with its token in"
              + " X-Edit-Token.")
  @APIResponse(
      responseCode = "200",
      description = "The sighting",
      content =
          @Content(mediaType = GEO_JSON, schema = @Schema(implementation = SightingView.class)))
  @APIResponse(
      responseCode = "404",
      description = "No such sighting, or not visible without its token")
  public Response one(
      @PathParam("id") long id,
      @Parameter(description = "The private token given when the sighting was submitted")
          @HeaderParam(EDIT_TOKEN)
          String editToken) {
    SightingView sighting = service.find(id, editToken);
    Response.ResponseBuilder answer = Response.ok(sighting).type(GEO_JSON);
    if (!Status.PUBLIC.contains(sighting.properties().status())) {
      answer.cacheControl(Caching.privateNoStore());
    }
    return answer.build();
  }

  @PATCH
  @Path("{id}")
  @Consumes({GEO_JSON, "application/json", "application/merge-patch+json"})
  @Operation(
      summary = "Amend a pending sighting",
      description =
          "The walker who holds the token changes some fields: send a Feature with only the"
              + " properties (or geometry) to change; null clears an optional field. Give"
              + " properties.version to be refused (409) if someone changed it meanwhile.")
  @RequestBody(
      required = true,
      content =
          @Content(mediaType = GEO_JSON, schema = @Schema(implementation = SightingView.class)))
  @APIResponse(
      responseCode = "200",
      description = "The amended sighting",
      content =
          @Content(mediaType = GEO_JSON, schema = @Schema(implementation = SightingView.class)))
  @APIResponse(responseCode = "400", description = "Malformed JSON")
  @APIResponse(responseCode = "404", description = "No such sighting, or wrong token")
  @APIResponse(responseCode = "409", description = "Not pending any more, or stale version")
  @APIResponse(responseCode = "413", description = "Body too large")
  @APIResponse(responseCode = "415", description = "Not JSON")
  @APIResponse(responseCode = "422", description = "Invalid fields, each listed in errors")
  public Response amend(
      @PathParam("id") long id,
      @HeaderParam(EDIT_TOKEN) String editToken,
      @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type,
      InputStream body) {
    SightingInput input =
        SightingInputParser.parse(json.readFeature(body, type), SightingInputParser.Mode.AMEND);
    return Response.ok(service.amend(id, editToken, input))
        .type(GEO_JSON)
        .cacheControl(Caching.privateNoStore())
        .build();
  }
}
