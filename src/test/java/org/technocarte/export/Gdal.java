package org.technocarte.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs GDAL's command-line tools, a real client of our files and of the OGC API. */
public final class Gdal {

  private Gdal() {}

  /** Skips the calling test, saying why, when GDAL is not installed (CI installs gdal-bin). */
  public static void assumeInstalled() {
    boolean found = false;
    for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
      found |= new File(dir, "ogrinfo").canExecute();
    }
    Assumptions.assumeTrue(
        found, "ogrinfo is not installed (apt-get install gdal-bin): GDAL checks skipped");
  }

  /** Runs a command, fails the test if it does not succeed within a minute, returns its output. */
  public static String run(String... command) throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of(command));
    // Output goes to a file, so that a hung tool cannot block the test on a full pipe.
    File log = File.createTempFile("gdal", ".log");
    log.deleteOnExit();
    Process process =
        new ProcessBuilder(args)
            .redirectErrorStream(true)
            .redirectOutput(log)
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", args) + " did not finish within 60 s");
    }
    String text = java.nio.file.Files.readString(log.toPath(), StandardCharsets.UTF_8);
    assertEquals(0, process.exitValue(), String.join(" ", args) + " failed:\n" + text);
    return text;
  }
}
