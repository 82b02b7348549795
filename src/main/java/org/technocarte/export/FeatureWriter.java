package org.technocarte.export;

import java.io.IOException;
import org.technocarte.sighting.SightingView;

/** One output format of the collection seam: it is given sightings one by one, by id. */
public interface FeatureWriter {

  void begin() throws IOException;

  void write(SightingView sighting) throws IOException;

  /** Closes the document and flushes it, leaving the stream open for the HTTP layer. */
  void end() throws IOException;
}
