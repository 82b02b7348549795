package org.technocarte.common;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/** The app's log file of the test run (target/test-app.log), read from a mark onwards. */
public final class AppLog {

  private final Path file;
  private final long mark;

  private AppLog(Path file, long mark) {
    this.file = file;
    this.mark = mark;
  }

  /** Marks the end of the log now; {@link #linesSince()} reads what is written after. */
  public static AppLog mark() throws IOException {
    Path file = Path.of(ConfigProvider.getConfig().getValue("quarkus.log.file.path", String.class));
    return new AppLog(file, Files.exists(file) ? Files.size(file) : 0);
  }

  /** The lines written since the mark. */
  public List<String> linesSince() throws IOException {
    try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
      long length = in.length() - mark;
      byte[] bytes = new byte[(int) Math.max(0, length)];
      in.seek(mark);
      in.readFully(bytes);
      String text = new String(bytes, StandardCharsets.UTF_8);
      return text.isEmpty() ? List.of() : List.of(text.split("\n"));
    }
  }
}
