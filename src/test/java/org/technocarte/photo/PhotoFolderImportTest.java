package org.technocarte.photo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Photos kept in a folder before the database store was chosen move into the database. */
@QuarkusTest
class PhotoFolderImportTest {

  @Inject PhotoFolderImport folderImport;
  @Inject DatabasePhotoStore database;
  @Inject PhotoRows rows;

  @Test
  void shouldMoveBothFilesOfEachFolderPhotoIntoTheDatabaseOnce() throws Exception {
    Path folder = Files.createTempDirectory(Path.of("target"), "photo-folder-");
    UUID whole = rows.newPhoto();
    UUID halfOnly = rows.newPhoto();
    byte[] full = TestImages.plainJpeg(TestImages.landscape(80, 60));
    byte[] thumbnail = TestImages.plainJpeg(TestImages.landscape(32, 24));
    Files.write(folder.resolve(whole + ".jpg"), full);
    Files.write(folder.resolve(whole + ".thumb.jpg"), thumbnail);
    Files.write(folder.resolve(halfOnly + ".jpg"), full);

    assertEquals(1, folderImport.importFrom(folder), "the photo with both files");

    assertArrayEquals(full, database.get(whole, PhotoStore.Variant.FULL).orElseThrow());
    assertArrayEquals(thumbnail, database.get(whole, PhotoStore.Variant.THUMBNAIL).orElseThrow());
    assertTrue(database.get(halfOnly, PhotoStore.Variant.FULL).isEmpty(), "both files or neither");
    assertEquals(0, folderImport.importFrom(folder), "moved once");
    assertTrue(Files.exists(folder.resolve(whole + ".jpg")), "the folder is left to the operator");
  }
}
