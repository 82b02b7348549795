package org.technocarte.common.config;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The settings the browser needs: tile server, staleness, duplicate radius. */
@Path("/api/config")
@Tag(name = "Configuration")
@Produces(MediaType.APPLICATION_JSON)
public class ClientConfigResource {

  private final ClientConfig config;

  public ClientConfigResource(TechnocarteConfig config) {
    TechnocarteConfig.Map map = config.map();
    this.config =
        new ClientConfig(
            map.tileUrl(),
            map.tileAttribution(),
            map.tileMaxZoom(),
            map.staleAfterDays(),
            map.duplicateRadiusMetres());
  }

  /** What the map needs to start. */
  public record ClientConfig(
      String tileUrl,
      String tileAttribution,
      int tileMaxZoom,
      int staleAfterDays,
      int duplicateRadiusMetres) {}

  @GET
  @Operation(summary = "Settings of the map: base-map tiles, staleness, duplicate radius")
  public ClientConfig get() {
    return config;
  }
}
