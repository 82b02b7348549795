package org.technocarte.photo;

import java.util.Optional;
import java.util.UUID;

/**
 * Where the re-encoded files of photos are kept: a folder now, an S3-compatible bucket when the app
 * runs on several machines. Only bytes that went through {@link PhotoEncoder} are given to it.
 */
public interface PhotoStore {

  /** The two files of one photo. */
  enum Variant {
    FULL,
    THUMBNAIL
  }

  /** Stores a file, replacing any with the same id and variant. */
  void put(UUID photoId, Variant variant, byte[] jpeg);

  /** The file, or empty when it is not there. */
  Optional<byte[]> get(UUID photoId, Variant variant);

  /** Deletes both files of a photo; missing files are not an error. */
  void delete(UUID photoId);
}
