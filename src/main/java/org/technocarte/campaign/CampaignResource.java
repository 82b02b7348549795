package org.technocarte.campaign;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.technocarte.common.error.ApiException;
import org.technocarte.common.error.Problem;

/** The public side of a mapping party: its page's data, its QR code, its short link. */
@Path("/")
@Tag(name = "Mapping parties", description = "A group maps a zone together, live")
public class CampaignResource {

  private static final String CODE = "[a-z2-9]{8}";

  private final CampaignService service;

  public CampaignResource(CampaignService service) {
    this.service = service;
  }

  @GET
  @Path("api/campaigns/{code}")
  @Produces({MediaType.APPLICATION_JSON, Problem.MEDIA_TYPE})
  @Operation(
      summary = "A mapping party, live",
      description =
          "Its zone, dates and goal; the cameras known before it and the sightings sent during it"
              + " (counts and per hour); the blocks of the zone where nothing is known yet. The"
              + " page polls it; cached 15 s.")
  @APIResponse(
      responseCode = "200",
      description = "The party",
      content =
          @Content(
              mediaType = MediaType.APPLICATION_JSON,
              schema = @Schema(implementation = CampaignService.View.class)))
  @APIResponse(responseCode = "404", description = "No party with this code")
  public Response view(@PathParam("code") String code) {
    CacheControl cache = new CacheControl();
    cache.setMaxAge(15);
    return Response.ok(service.view(checked(code))).cacheControl(cache).build();
  }

  @GET
  @Path("api/campaigns/{code}/qr.svg")
  @Produces({"image/svg+xml", Problem.MEDIA_TYPE})
  @Operation(
      summary = "The QR code of a party's short link",
      description = "Drawn by the app (SVG), to print on a poster or show on a phone.")
  @APIResponse(responseCode = "200", description = "The QR code")
  @APIResponse(responseCode = "404", description = "No party with this code")
  public Response qr(@PathParam("code") String code, @Context UriInfo uri) {
    String link = uri.getBaseUriBuilder().path(service.linkOf(checked(code))).build().toString();
    CacheControl cache = new CacheControl();
    cache.setMaxAge(3600);
    return Response.ok(QrSvg.of(link), "image/svg+xml").cacheControl(cache).build();
  }

  @GET
  @Path("p/{code}")
  @Operation(
      summary = "A party's short link",
      description = "Sends the browser to the party's page, /campaign/#<code>.")
  @APIResponse(responseCode = "303", description = "To the party's page")
  @APIResponse(responseCode = "404", description = "No party with this code")
  public Response shortLink(@PathParam("code") String code) {
    service.linkOf(checked(code));
    return Response.seeOther(URI.create("/campaign/#" + code)).build();
  }

  private static String checked(String code) {
    if (code == null || !code.matches(CODE)) {
      throw ApiException.notFound("No mapping party " + code);
    }
    return code;
  }
}
