package org.technocarte.photo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.Produces;
import org.jboss.logging.Logger;
import org.technocarte.common.config.PhotoConfig;

/** The one {@link PhotoStore} the app uses, chosen at start by technocarte.photos.store. */
@ApplicationScoped
public class PhotoStores {

  private static final Logger LOG = Logger.getLogger(PhotoStores.class);

  @Produces
  @ApplicationScoped
  PhotoStore chosen(
      PhotoConfig config,
      Instance<DatabasePhotoStore> database,
      Instance<FileSystemPhotoStore> files) {
    return switch (config.store()) {
      case DATABASE -> {
        LOG.info("Photos are kept in the database (technocarte.photos.store=database)");
        yield database.get();
      }
      case FILESYSTEM -> {
        LOG.infof(
            "Photos are kept in the folder %s (technocarte.photos.store=filesystem): one server"
                + " only, back the folder up with the database",
            config.dir());
        yield files.get();
      }
    };
  }
}
