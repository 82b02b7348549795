package org.technocarte.photo;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;

/** The photo store in a folder keeps the same promises as the one in the database. */
@QuarkusTest
class FileSystemPhotoStoreTest extends PhotoStoreContract {

  @Inject FileSystemPhotoStore store;

  @Override
  PhotoStore store() {
    return store;
  }
}
