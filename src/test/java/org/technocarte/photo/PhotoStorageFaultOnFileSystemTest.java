package org.technocarte.photo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The folder store when its disk refuses writes. The tests run as root in CI, and root writes into
 * a read-only folder anyway: instead, the store's parent folder becomes a plain file, so creating
 * the store's folder fails for root too, as on a read-only or vanished mount.
 */
@QuarkusTest
@TestProfile(FileSystemStoreProfile.class)
class PhotoStorageFaultOnFileSystemTest extends PhotoStorageFault {

  @Override
  void breakStorage() throws IOException {
    deleteTree(FileSystemStoreProfile.ROOT);
    Files.writeString(FileSystemStoreProfile.ROOT, "not a folder");
  }

  @Override
  void repair() throws IOException {
    if (Files.isRegularFile(FileSystemStoreProfile.ROOT)) {
      Files.delete(FileSystemStoreProfile.ROOT);
    }
  }

  /** Every file under the store's parent (none while it is a plain file itself). */
  @Override
  long storedFiles() throws IOException {
    if (!Files.isDirectory(FileSystemStoreProfile.ROOT)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(FileSystemStoreProfile.ROOT)) {
      return files.filter(Files::isRegularFile).count();
    }
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}
