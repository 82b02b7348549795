package org.technocarte.common.error;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;
import org.technocarte.common.JsonBody;
import org.technocarte.common.config.PhotoConfig;
import org.technocarte.common.config.TechnocarteConfig;

/**
 * Refuses a body that declares itself too large before a byte of it is read, with a problem+json
 * 413, ahead of the HTTP layer's own bare limit. Bodies that hide their size (chunked) are cut by
 * {@link JsonBody} instead.
 */
@ApplicationScoped
public class BodySizeLimit {

  /** Photo uploads are images, not JSON: they have their own cap. */
  private static final Pattern PHOTO_UPLOAD = Pattern.compile("/api/sightings/[^/]+/photos/?");

  /** A moderator's import of OpenStreetMap nodes is a file: it has its own cap too. */
  private static final String IMPORTS = "/api/moderation/imports";

  /**
   * A group's territory is often a file as well (a town's boundary exported from OpenStreetMap or
   * QGIS, thousands of points): creating or changing a group takes the import cap.
   */
  private static final Pattern GROUP_WRITE =
      Pattern.compile("/api/groups(/[0-9]+|/territory-check)?/?");

  private final int apiMaxBytes;
  private final int photoMaxBytes;
  private final int importMaxBytes;
  private final ObjectMapper mapper;

  public BodySizeLimit(
      JsonBody json, PhotoConfig photos, TechnocarteConfig config, ObjectMapper mapper) {
    this.apiMaxBytes = json.maxBytes();
    this.photoMaxBytes = photos.maxBytes();
    this.importMaxBytes = config.api().maxImportBytes();
    this.mapper = mapper;
  }

  void install(@Observes Router router) {
    router.route().order(Integer.MIN_VALUE).handler(this::check);
  }

  private void check(RoutingContext context) {
    String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
    String path = context.normalizedPath();
    int max =
        PHOTO_UPLOAD.matcher(path).matches()
            ? photoMaxBytes
            : path.startsWith(IMPORTS) || GROUP_WRITE.matcher(path).matches()
                ? importMaxBytes
                : apiMaxBytes;
    if (length != null && path.startsWith("/api/") && tooLong(length, max)) {
      try {
        byte[] body = mapper.writeValueAsBytes(ApiException.tooLarge(max).toProblem());
        context
            .response()
            .setStatusCode(413)
            .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE)
            .putHeader(HttpHeaders.CONNECTION, "close")
            .end(io.vertx.core.buffer.Buffer.buffer(body));
      } catch (JsonProcessingException e) {
        context.fail(e);
      }
      return;
    }
    context.next();
  }

  private static boolean tooLong(String length, int max) {
    try {
      return Long.parseLong(length.trim()) > max;
    } catch (NumberFormatException e) {
      return false;
    }
  }
}
