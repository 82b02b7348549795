package org.technocarte.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How far cameras see and how routes are measured (POST /api/routes/exposure and
 * /api/routes/least-watched). The reaches are estimates, documented with their sources in the
 * README's "Routes" section: the distance at which a typical 4-megapixel camera (2560 pixels
 * across) still gives the 62.5 pixels per metre that EN 62676-4 calls "observation" (a person's
 * figure and clothes), given its field of view; a panning (PTZ) camera zooms, so its reach is that
 * of the infrared lighting that manufacturers announce for such cameras (100 m and more).
 */
@ConfigMapping(prefix = "technocarte.routes")
public interface RouteConfig {

  /** Reach of each type of camera, in metres. */
  Range range();

  /** Field of view of a camera whose sighting gives none, in degrees. */
  FieldOfView fieldOfView();

  /** Reach of any camera on a ceiling (indoors: a hall, a shop), in metres. */
  @WithDefault("10")
  double ceilingRange();

  /** Longest line measured, in metres. */
  @WithDefault("20000")
  double maxLengthMetres();

  /** Most points in a line measured. */
  @WithDefault("2000")
  int maxPoints();

  /** A point farther than this from every street is outside the network, in metres. */
  @WithDefault("150")
  double snapMetres();

  /** Largest detour a walker may ask for, as a share of the shortest route (1 = twice as long). */
  @WithDefault("1.0")
  double maxDetour();

  interface Range {
    /** 2560 px over 60° at 62.5 px/m: 2560 / (62.5 × 2 tan 30°) ≈ 35 m. */
    @WithDefault("35")
    double fixed();

    /** 2560 px over 90° at 62.5 px/m: 2560 / (62.5 × 2 tan 45°) ≈ 20 m. */
    @WithDefault("20")
    double dome();

    /** A zooming camera: the infrared reach announced for PTZ cameras, at its lower end. */
    @WithDefault("100")
    double panning();

    /** Between a fixed camera and a dome. */
    @WithDefault("30")
    double unknown();
  }

  interface FieldOfView {
    /** A fixed camera's usual lens (4 mm on a 1/3" sensor: about 60°... 80°), at the narrow end. */
    @WithDefault("60")
    int fixed();

    /** A dome: all around, as the design's default for fieldOfView says. */
    @WithDefault("360")
    int dome();

    /** Unknown type: a wide lens, between a fixed camera and a dome. */
    @WithDefault("90")
    int unknown();
  }
}
