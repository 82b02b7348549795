package org.technocarte.basemap;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One range of bytes of a file (RFC 9110 §14): what a PMTiles reader asks for, a header or a tile
 * at a time. One range only: a PMTiles reader never asks for more, and answering several would be a
 * multipart body for no one.
 */
record ByteRange(long first, long last) {

  private static final Pattern SPEC = Pattern.compile("bytes=(\\d{0,18})-(\\d{0,18})");

  /** Thrown for a Range header this file cannot answer: the caller answers 416. */
  static final class Unsatisfiable extends RuntimeException {
    Unsatisfiable(String message) {
      super(message, null, false, false);
    }
  }

  long length() {
    return last - first + 1;
  }

  /** "bytes 0-99/1000", the Content-Range of the answer. */
  String contentRange(long size) {
    return "bytes " + first + "-" + last + "/" + size;
  }

  /**
   * The range a Range header asks for in a file of {@code size} bytes; empty without a header (the
   * whole file). A last byte past the end is cut at the end, as the RFC says.
   */
  static Optional<ByteRange> parse(String header, long size) {
    if (header == null || header.isBlank()) {
      return Optional.empty();
    }
    Matcher spec = SPEC.matcher(header.strip());
    if (!spec.matches() || spec.group(1).isEmpty() && spec.group(2).isEmpty()) {
      throw new Unsatisfiable("Range must be one range of bytes, as bytes=0-16383: " + header);
    }
    if (spec.group(1).isEmpty()) {
      long suffix = Long.parseLong(spec.group(2));
      if (suffix == 0 || size == 0) {
        throw new Unsatisfiable("No last " + suffix + " bytes in a file of " + size);
      }
      return Optional.of(new ByteRange(Math.max(0, size - suffix), size - 1));
    }
    long first = Long.parseLong(spec.group(1));
    long last = spec.group(2).isEmpty() ? size - 1 : Long.parseLong(spec.group(2));
    if (first >= size || last < first) {
      throw new Unsatisfiable("Bytes " + header.substring(6) + " are not in a file of " + size);
    }
    return Optional.of(new ByteRange(first, Math.min(last, size - 1)));
  }
}
