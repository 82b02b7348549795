package org.technocarte.photo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.technocarte.common.config.PhotoConfig;

/**
 * Photos stored in a folder before the database store was chosen (it was the only store once) move
 * into the database at start: a server upgraded, or switched to technocarte.photos.store =
 * database, keeps serving them. Only photos whose rows have no file in the database are read, so
 * once they have moved a start costs one query; the folder itself is left alone for the operator to
 * remove once a backup holds the photos.
 */
@ApplicationScoped
public class PhotoFolderImport {

  private static final Logger LOG = Logger.getLogger(PhotoFolderImport.class);

  private static final String WITHOUT_FILES =
      "SELECT p.id FROM photo p WHERE NOT EXISTS (SELECT 1 FROM photo_file f WHERE f.photo_id = p.id)";

  private final PhotoConfig config;
  private final EntityManager em;
  private final DatabasePhotoStore database;

  public PhotoFolderImport(PhotoConfig config, EntityManager em, DatabasePhotoStore database) {
    this.config = config;
    this.em = em;
    this.database = database;
  }

  void onStart(@Observes StartupEvent start) {
    Path folder = Path.of(config.dir());
    if (config.store() == PhotoConfig.Store.DATABASE && holdsPhotos(folder)) {
      int moved;
      try {
        moved = importFrom(folder);
      } catch (RuntimeException e) {
        // A start during a database outage still starts (readiness says DOWN meanwhile); the
        // photos move at the next start.
        LOG.warnf("Photos of the folder %s not moved this time: %s", folder, e.getMessage());
        return;
      }
      if (moved > 0) {
        LOG.infof(
            "Moved %d photos from the folder %s into the database; remove the folder once a backup"
                + " holds them",
            moved, folder);
      }
    }
  }

  /**
   * Copies into the database the files found in the folder for photos that have none there, each
   * photo in its own transaction (both files or neither). Answers how many photos moved.
   */
  public int importFrom(Path folder) {
    @SuppressWarnings("unchecked")
    List<UUID> missing = em.createNativeQuery(WITHOUT_FILES, UUID.class).getResultList();
    int moved = 0;
    for (UUID id : missing) {
      Path full = folder.resolve(id + ".jpg");
      Path thumbnail = folder.resolve(id + ".thumb.jpg");
      if (Files.isRegularFile(full) && Files.isRegularFile(thumbnail)) {
        try {
          byte[] fullBytes = read(full);
          byte[] thumbnailBytes = read(thumbnail);
          QuarkusTransaction.requiringNew()
              .run(
                  () -> {
                    database.put(id, PhotoStore.Variant.FULL, fullBytes);
                    database.put(id, PhotoStore.Variant.THUMBNAIL, thumbnailBytes);
                  });
          moved++;
        } catch (RuntimeException e) {
          // Erased meanwhile, or unreadable: the others still move, and the app still starts.
          LOG.warnf("Photo %s stays in the folder: %s", id, e.getMessage());
        }
      }
    }
    return moved;
  }

  private static boolean holdsPhotos(Path folder) {
    if (!Files.isDirectory(folder)) {
      return false;
    }
    try (var files = Files.list(folder)) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith(".jpg"));
    } catch (IOException e) {
      LOG.warnf("The photo folder %s cannot be listed: %s", folder, e.getMessage());
      return false;
    }
  }

  private static byte[] read(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + file, e);
    }
  }
}
