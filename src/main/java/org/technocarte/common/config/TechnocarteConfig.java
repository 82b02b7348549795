package org.technocarte.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Settings of Technocarte itself; each can come from the environment (TECHNOCARTE_…). */
@ConfigMapping(prefix = "technocarte")
public interface TechnocarteConfig {

  /**
   * Load the demo sightings (Montpellier, Paris 11e) at start when the table is empty. For the demo
   * and development only: off unless asked for.
   */
  @WithDefault("false")
  boolean demoData();

  /** Limits of the public API. */
  Api api();

  /**
   * Email of the first site administrator, created at start when no site administrator exists (with
   * {@link #adminPassword()}).
   */
  java.util.Optional<String> adminEmail();

  /** Password of the first site administrator: at least 10 characters. */
  java.util.Optional<String> adminPassword();

  /** Moderators' sessions. */
  Auth auth();

  /** The offline gazetteer that names the city of a sighting. */
  Gazetteer gazetteer();

  /** What the map in the browser needs to know; served at /api/config. */
  Map map();

  interface Api {
    /** Largest bbox a map request may ask for, in square degrees (about 110 × 80 km at 45°N). */
    @WithDefault("1.0")
    double maxBboxArea();

    /** Sightings returned when a request gives no limit. */
    @WithDefault("1000")
    int defaultLimit();

    /** Largest limit a request may ask for. */
    @WithDefault("5000")
    int maxLimit();

    /** Largest JSON body the API accepts, in bytes (a sighting is about 1 KB). */
    @WithDefault("65536")
    int maxBodyBytes();

    /**
     * Largest file of OpenStreetMap nodes a moderator imports at once, in bytes; also the largest
     * body creating or changing a group (its territory).
     */
    @WithDefault("10485760")
    int maxImportBytes();

    /**
     * Exports streaming at once; each holds one of the database pool's connections while it runs
     * (see quarkus.datasource.jdbc.max-size), so keep this well below the pool.
     */
    @WithDefault("4")
    int maxConcurrentExports();
  }

  interface Map {
    /**
     * Raster base-map tiles, as a Leaflet URL template, for those who prefer them to the base map
     * the app draws itself. Unset (the default), the page asks no other host for anything; set, the
     * page's Content-Security-Policy allows this host, which sees where the walkers look.
     */
    Optional<String> tileUrl();

    /**
     * A Protomaps PMTiles extract (a path on this machine) that the app serves at
     * /basemap/streets.pmtiles for the street zooms of its own base map; unset, the map shows land,
     * borders and places only. See the README's "Base map" for how to download one.
     */
    Optional<java.nio.file.Path> pmtiles();

    /** Attribution the raster tile provider requires, as HTML. */
    @WithDefault(
        "&copy; <a href=\"https://www.openstreetmap.org/copyright\">OpenStreetMap</a> contributors")
    String tileAttribution();

    /** Deepest zoom the raster tile server offers. */
    @WithDefault("19")
    int tileMaxZoom();

    /** A camera nobody has confirmed for this many days is drawn as stale. */
    @WithDefault("730")
    int staleAfterDays();

    /** Cameras within this distance of a new one are offered as possible duplicates. */
    @WithDefault("25")
    int duplicateRadiusMetres();
  }

  interface Auth {
    /** A moderator's session lasts this long after login. */
    @WithDefault("12")
    int sessionHours();

    /** An invitation link to a group works this long, once. */
    @WithDefault("168")
    int inviteHours();
  }

  interface Gazetteer {
    /** A sighting farther than this from every known place gets no city. */
    @WithDefault("15")
    double maxDistanceKm();
  }
}
