package org.technocarte.common.config;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The settings the browser needs: base map, staleness, duplicate radius, and the caps of the public
 * reads it must stay within (the largest map box), so that the page never copies them.
 */
@Path("/api/config")
@Tag(name = "Configuration")
@Produces(MediaType.APPLICATION_JSON)
public class ClientConfigResource {

  private final ClientConfig config;

  public ClientConfigResource(TechnocarteConfig config) {
    TechnocarteConfig.Map map = config.map();
    this.config =
        new ClientConfig(
            map.tileUrl().orElse(null),
            map.pmtiles().isPresent() ? STREETS : null,
            map.tileAttribution(),
            map.tileMaxZoom(),
            map.staleAfterDays(),
            map.duplicateRadiusMetres(),
            config.api().maxBboxArea());
  }

  /** Where the app serves the operator's PMTiles extract (BasemapResource). */
  static final String STREETS = "/basemap/streets.pmtiles";

  /** What the map needs to start. */
  public record ClientConfig(
      @Schema(
              nullable = true,
              description =
                  "A raster tile URL template; null (the default) when the app draws its own base"
                      + " map from /basemap")
          String tileUrl,
      @Schema(
              nullable = true,
              description =
                  "The PMTiles extract of the street zooms, on this host; null when none is"
                      + " configured")
          String streetsUrl,
      String tileAttribution,
      int tileMaxZoom,
      int staleAfterDays,
      int duplicateRadiusMetres,
      @Schema(
              description =
                  "The largest box GET /api/sightings answers, in square degrees (larger is 400)")
          double maxBboxArea) {}

  @GET
  @Operation(
      summary = "Settings of the map: base-map tiles, staleness, duplicate radius, largest box")
  public ClientConfig get() {
    return config;
  }
}
