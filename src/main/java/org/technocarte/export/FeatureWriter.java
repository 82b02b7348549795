package org.technocarte.export;

import java.io.IOException;
import org.technocarte.sighting.SightingView;

/** One output format of the collection seam: it is given sightings one by one, by id. */
public interface FeatureWriter extends AutoCloseable {

  void begin() throws IOException;

  void write(SightingView sighting) throws IOException;

  /** Closes the document and flushes it, leaving the stream open for the HTTP layer. */
  void end() throws IOException;

  /**
   * Frees what the writer holds besides the stream (a temporary file), after {@link #end} or after
   * a failure half-way.
   */
  @Override
  default void close() throws IOException {}
}
