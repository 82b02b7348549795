package org.technocarte.sighting;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import org.jboss.logging.Logger;
import org.technocarte.common.WireValue;
import org.technocarte.common.config.TechnocarteConfig;

/**
 * Loads about 200 demo sightings (Montpellier centre, Paris 11e) when {@code technocarte.demo-data}
 * is on and no sighting exists yet. They go through the same validation as any submission.
 */
@ApplicationScoped
public class DemoSightings {

  static final String RESOURCE = "demo/sightings.geojson";
  private static final Logger LOG = Logger.getLogger(DemoSightings.class);

  private final TechnocarteConfig config;
  private final SightingService service;
  private final SightingRepository repository;
  private final ObjectMapper mapper;

  public DemoSightings(
      TechnocarteConfig config,
      SightingService service,
      SightingRepository repository,
      ObjectMapper mapper) {
    this.config = config;
    this.service = service;
    this.repository = repository;
    this.mapper = mapper;
  }

  void onStart(@Observes StartupEvent start) {
    if (config.demoData()) {
      load();
    }
  }

  /** Loads the demo file unless the table already holds sightings; returns how many it added. */
  @Transactional
  public int load() {
    if (repository.count() > 0) {
      LOG.info("Demo data not loaded: sightings already exist");
      return 0;
    }
    JsonNode features = read().path("features");
    for (int i = 0; i < features.size(); i++) {
      ObjectNode properties = (ObjectNode) features.get(i).path("properties");
      Status status =
          WireValue.parse(Status.class, properties.remove("status").asText()).orElseThrow();
      JsonNode checkDate = properties.remove("checkDate");
      service.importSighting(
          SightingInputParser.parse(features.get(i), SightingInputParser.Mode.CREATE),
          status,
          checkDate == null ? null : LocalDate.parse(checkDate.asText()),
          "demo:" + (i + 1));
    }
    LOG.infof("Loaded %d demo sightings", features.size());
    return features.size();
  }

  private JsonNode read() {
    try (InputStream in = DemoSightings.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      return mapper.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
