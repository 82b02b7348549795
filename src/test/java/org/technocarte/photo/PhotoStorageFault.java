package org.technocarte.photo;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Photo storage that cannot write (a full or read-only disk, a database out of space) answers 507
 * problem+json with Retry-After, writes one log line, and leaves no half-stored photo: no photo
 * row, no file. Each store breaks its storage for real in its own way.
 */
abstract class PhotoStorageFault {

  private static final Path APP_LOG = Path.of("target/test-app.log");

  @Inject PhotoRows rows;

  /** Makes the store's storage refuse writes until {@link #repair()}. */
  abstract void breakStorage() throws Exception;

  abstract void repair() throws Exception;

  /** Files the store holds, whatever their photo. */
  abstract long storedFiles() throws Exception;

  @AfterEach
  void repairStorage() throws Exception {
    repair();
  }

  @Test
  void shouldAnswer507AndStoreNothingWhenThePhotoStorageCannotWrite() throws Exception {
    PhotoUploadTest.Pending sighting = PhotoUploadTest.pending();
    breakStorage();
    long photos = rows.count("photo");
    long files = storedFiles();
    int logLines = appLog().size();

    PhotoUploadTest.upload(
            sighting, "image/jpeg", TestImages.plainJpeg(TestImages.landscape(400, 300)))
        .then()
        .statusCode(507)
        .contentType("application/problem+json")
        .header("Retry-After", equalTo("600"))
        .body("type", equalTo("/problems/photo-storage"))
        .body("status", equalTo(507))
        .body(not(containsString("Exception")))
        .body(not(containsString("SQL")))
        .body(not(containsString("target")));

    assertEquals(photos, rows.count("photo"), "no photo row without its files");
    assertEquals(files, storedFiles(), "no file left behind");
    List<String> logged = appLog().subList(logLines, appLog().size());
    assertEquals(
        1,
        logged.stream().filter(line -> line.contains("was not stored")).count(),
        "one line says so: " + logged);
    assertTrue(
        logged.stream().noneMatch(line -> line.startsWith("\tat ")), "no stack trace: " + logged);

    repair();
    PhotoUploadTest.upload(
            sighting, "image/jpeg", TestImages.plainJpeg(TestImages.landscape(400, 300)))
        .then()
        .statusCode(201);
    assertEquals(photos + 1, rows.count("photo"), "once repaired, the photo is taken");
  }

  private static List<String> appLog() throws IOException {
    return Files.readAllLines(APP_LOG, StandardCharsets.UTF_8);
  }
}
