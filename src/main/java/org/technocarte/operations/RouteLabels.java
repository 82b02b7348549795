package org.technocarte.operations;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.regex.Pattern;

/**
 * Keeps the route label of the HTTP meters a template. Quarkus labels a request with its route's
 * template (/api/sightings/{id}), but a request that matched no method (405, 406, 415) keeps its
 * raw path: each id would then open a series of its own. A segment with a digit becomes {id}; what
 * is left is bounded by quarkus.micrometer.binder.http-server.max-uri-tags.
 */
public class RouteLabels {

  private static final String HTTP_SERVER_REQUESTS = "http.server.requests";
  private static final Pattern SEGMENT_WITH_DIGIT = Pattern.compile("(?<=/)[^/{}]*[0-9][^/{}]*");

  @Produces
  @Singleton
  MeterFilter templatedRoutes() {
    return new MeterFilter() {
      @Override
      public Meter.Id map(Meter.Id id) {
        String uri = id.getTag("uri");
        if (!HTTP_SERVER_REQUESTS.equals(id.getName()) || uri == null || uri.contains("{")) {
          return id;
        }
        String template = template(uri);
        return template.equals(uri) ? id : id.withTag(Tag.of("uri", template));
      }
    };
  }

  static String template(String uri) {
    return SEGMENT_WITH_DIGIT.matcher(uri).replaceAll("{id}");
  }
}
