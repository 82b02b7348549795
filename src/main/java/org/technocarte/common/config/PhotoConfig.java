package org.technocarte.common.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Photos of sightings: what is accepted, how it is re-encoded and where it is kept. */
@ConfigMapping(prefix = "technocarte.photos")
public interface PhotoConfig {

  /** Where the re-encoded files of photos are kept. */
  enum Store {
    /**
     * In PostgreSQL, beside the photo's row and in the same transaction: every instance sees the
     * same photos and a database backup holds them.
     */
    DATABASE,
    /** In a folder ({@link #dir()}) of the one server that runs the app. */
    FILESYSTEM
  }

  /**
   * The photo store: database (the default, needed as soon as two instances serve the site, and the
   * only one that a pg_dump backs up whole) or filesystem (one server that prefers to keep photos
   * out of the database; back the folder up beside the dump).
   */
  @WithDefault("database")
  Store store();

  /**
   * Folder of the filesystem photo store, created when missing. Only re-encoded images are written
   * there: an upload never touches the disk as it was sent.
   */
  @WithDefault("data/photos")
  String dir();

  /**
   * Largest upload, in bytes (413 above). A phone's full-size JPEG is 2–6 MB. The HTTP layer's own
   * limit, quarkus.http.limits.max-body-size, must stay above it.
   */
  @WithDefault("8388608")
  int maxBytes();

  /**
   * Largest image accepted, in pixels (width × height), read from the file's header before any
   * decoding: a small file declaring a huge image (a decompression bomb) is refused with 422. 50 MP
   * admits the largest phone cameras.
   */
  @WithDefault("50000000")
  long maxPixels();

  /** Photos a sighting may have. */
  @WithDefault("3")
  int maxPerSighting();

  /** Longest side of the stored photo, in pixels. */
  @WithDefault("2048")
  int maxSide();

  /** Longest side of the thumbnail, in pixels. */
  @WithDefault("320")
  int thumbnailSide();

  /** JPEG quality of what is stored, 0–1. */
  @WithDefault("0.85")
  float jpegQuality();

  /**
   * Images decoded at the same time; others wait. Each decode holds tens of megabytes, so this
   * bounds the memory that uploads can take.
   */
  @WithDefault("2")
  int concurrentDecodes();
}
