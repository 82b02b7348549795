package org.technocarte.route;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.technocarte.common.Caching;
import org.technocarte.common.JsonBody;
import org.technocarte.common.config.RouteConfig;
import org.technocarte.common.error.Problem;
import org.technocarte.safety.RateLimited;

/**
 * How watched a walk is. Both endpoints take the route in the body (never in the URL, which logs
 * and proxies keep), answer it and forget it: nothing is stored, logged or counted per route. They
 * share one per-address bucket (technocarte.rate-limit.route), taken before the body is read.
 */
@Path("/api/routes")
@Tag(name = "Routes", description = "How watched a walk is, and the least watched way")
public class RouteResource {

  private final RouteService service;
  private final JsonBody json;
  private final RouteConfig config;

  public RouteResource(RouteService service, JsonBody json, RouteConfig config) {
    this.service = service;
    this.json = json;
    this.config = config;
  }

  /** A line, for the OpenAPI document: a GeoJSON LineString (or a Feature of one). */
  @Schema(name = "RouteLine")
  public record LineBody(
      @Schema(enumeration = {"LineString"}) String type,
      @Schema(description = "[lon, lat] positions, WGS 84") List<List<Double>> coordinates,
      @Schema(description = "Instead of a LineString: the points, [lon, lat] each")
          List<List<Double>> points) {}

  /** Two points and the detour allowed, for the OpenAPI document. */
  @Schema(name = "RoutePair")
  public record PairBody(
      @Schema(description = "[lon, lat] (or a GeoJSON Point)", required = true) List<Double> from,
      @Schema(description = "[lon, lat] (or a GeoJSON Point)", required = true) List<Double> to,
      @Schema(
              description = "Longest detour accepted, as a share of the shortest route (0.2: 20 %)",
              defaultValue = "0.2",
              minimum = "0",
              maximum = "1")
          Double maxDetour) {}

  @POST
  @Path("exposure")
  @RateLimited(RateLimited.Kind.ROUTE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  @Operation(
      summary = "How watched a route is",
      description =
          "The metres of the line inside at least one approved camera's view (an estimate: a"
              + " sector per direction, or a disc, whose reach depends on the type of camera and"
              + " its mount), the cameras seen and the longest unwatched stretch. The route is not"
              + " stored, logged or counted.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = LineBody.class)))
  @APIResponse(
      responseCode = "200",
      description = "The exposure of the line",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RouteService.Exposure.class)))
  @APIResponse(responseCode = "400", description = "Malformed JSON")
  @APIResponse(responseCode = "413", description = "Body too large")
  @APIResponse(responseCode = "415", description = "Not JSON")
  @APIResponse(
      responseCode = "422",
      description = "Not a LineString, too long, too many points, or positions out of range")
  @APIResponse(
      responseCode = "429",
      description = "Too many routes from this address: Retry-After says when to come back")
  public Response exposure(
      @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type, InputStream body) {
    RouteInput.Line line = RouteInput.line(json.read(body, type), config);
    return Response.ok(service.exposure(line)).cacheControl(Caching.privateNoStore()).build();
  }

  @POST
  @Path("least-watched")
  @RateLimited(RateLimited.Kind.ROUTE)
  @Consumes(MediaType.APPLICATION_JSON)
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  @Operation(
      summary = "The least watched way between two points",
      description =
          "On the street network, from the place on a street nearest `from` (a corner or"
              + " mid-block, within technocarte.routes.snap-metres) to the one nearest `to`:"
              + " the shortest route, and the least watched route at most maxDetour longer (the"
              + " least watched of the routes that minimise length + k × watched length for a"
              + " range of penalties k), each with its exposure. Needs pgRouting and an imported"
              + " street network (503 otherwise). Nothing is stored, logged or counted.")
  @RequestBody(
      required = true,
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = PairBody.class)))
  @APIResponse(
      responseCode = "200",
      description = "Both routes",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = RouteService.LeastWatched.class)))
  @APIResponse(responseCode = "400", description = "Malformed JSON")
  @APIResponse(responseCode = "413", description = "Body too large")
  @APIResponse(responseCode = "415", description = "Not JSON")
  @APIResponse(
      responseCode = "422",
      description =
          "Invalid points or detour, a point outside the street network, or no route joins them")
  @APIResponse(
      responseCode = "429",
      description = "Too many routes from this address: Retry-After says when to come back")
  @APIResponse(
      responseCode = "503",
      description = "pgRouting is not installed or no street network is imported")
  public Response leastWatched(
      @HeaderParam(HttpHeaders.CONTENT_TYPE) MediaType type, InputStream body) {
    RouteInput.Pair pair = RouteInput.pair(json.read(body, type), config);
    return Response.ok(service.leastWatched(pair)).cacheControl(Caching.privateNoStore()).build();
  }
}
