package org.technocarte.photo;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;
import org.technocarte.common.config.PhotoConfig;

/**
 * Photos as files in one folder, named by the photo's random id: `<id>.jpg`, `<id>.thumb.jpg`. A
 * file is written beside its final name and moved in place, so a reader never sees half a photo.
 */
@ApplicationScoped
public class FileSystemPhotoStore implements PhotoStore {

  private final Path dir;

  public FileSystemPhotoStore(PhotoConfig config) {
    this.dir = Path.of(config.dir()).toAbsolutePath().normalize();
  }

  @Override
  public void put(UUID photoId, Variant variant, byte[] jpeg) {
    Path target = path(photoId, variant);
    try {
      Files.createDirectories(dir);
      Path partial = Files.createTempFile(dir, ".upload-", ".part");
      try {
        Files.write(partial, jpeg);
        move(partial, target);
      } finally {
        Files.deleteIfExists(partial);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not store a photo", e);
    }
  }

  @Override
  public Optional<byte[]> get(UUID photoId, Variant variant) {
    try {
      return Optional.of(Files.readAllBytes(path(photoId, variant)));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read a photo", e);
    }
  }

  @Override
  public void delete(UUID photoId) {
    try {
      for (Variant variant : Variant.values()) {
        Files.deleteIfExists(path(photoId, variant));
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not delete a photo", e);
    }
  }

  /** Names come from a UUID only, so no request can reach outside the folder. */
  private Path path(UUID photoId, Variant variant) {
    String name = photoId + (variant == Variant.THUMBNAIL ? ".thumb.jpg" : ".jpg");
    return dir.resolve(name);
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
