package org.technocarte.photo;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.nio.file.Path;
import java.util.Map;

/** The app with its photos in a folder (technocarte.photos.store=filesystem), one server's way. */
public class FileSystemStoreProfile implements QuarkusTestProfile {

  /**
   * The parent of the store's folder: a fault test puts a plain file there to make it unwritable.
   */
  static final Path ROOT = Path.of("target/test-photos-files");

  static final Path DIR = ROOT.resolve("photos");

  @Override
  public Map<String, String> getConfigOverrides() {
    return Map.of(
        "technocarte.photos.store", "filesystem", "technocarte.photos.dir", DIR.toString());
  }
}
