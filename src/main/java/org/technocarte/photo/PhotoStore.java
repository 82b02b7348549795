package org.technocarte.photo;

import java.util.Optional;
import java.util.UUID;

/**
 * Where the re-encoded files of photos are kept: in PostgreSQL ({@link DatabasePhotoStore}) or in a
 * folder of one server ({@link FileSystemPhotoStore}), as technocarte.photos.store says. Only bytes
 * that went through {@link PhotoEncoder} are given to it.
 *
 * <p>Inside a transaction, a store's writes and deletions take effect with it: a put rolled back
 * leaves no file, a delete rolled back keeps the files. That is what keeps a photo's row and its
 * files together.
 */
public interface PhotoStore {

  /** The two files of one photo. */
  enum Variant {
    FULL,
    THUMBNAIL
  }

  /**
   * Stores a file, replacing any with the same id and variant.
   *
   * @throws Unwritable when the storage refuses the write (full or read-only)
   */
  void put(UUID photoId, Variant variant, byte[] jpeg);

  /** The file, or empty when it is not there. */
  Optional<byte[]> get(UUID photoId, Variant variant);

  /** Deletes both files of a photo; missing files are not an error. */
  void delete(UUID photoId);

  /**
   * The storage cannot take a file now (a full or read-only disk, a database out of space): an
   * operator's problem, not the client's. The message is for the log, never for the client.
   */
  class Unwritable extends RuntimeException {
    public Unwritable(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
