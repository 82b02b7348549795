package org.technocarte.photo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Every upload test again, with the photos in a folder of the server instead of the database. */
@QuarkusTest
@TestProfile(FileSystemStoreProfile.class)
class PhotoUploadOnFileSystemTest extends PhotoUploadTest {

  @Test
  void shouldKeepBothFilesOfAPhotoInTheFolder() throws Exception {
    Pending sighting = pending();
    String id =
        upload(sighting, "image/jpeg", TestImages.plainJpeg(TestImages.landscape(40, 30)))
            .then()
            .statusCode(201)
            .extract()
            .path("id");

    assertArrayEquals(
        stored(id, PhotoStore.Variant.FULL),
        Files.readAllBytes(FileSystemStoreProfile.DIR.resolve(id + ".jpg")));
    assertArrayEquals(
        stored(id, PhotoStore.Variant.THUMBNAIL),
        Files.readAllBytes(FileSystemStoreProfile.DIR.resolve(id + ".thumb.jpg")));
  }
}
