package org.technocarte.safety;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.technocarte.common.config.TechnocarteConfig;

/**
 * Headers that keep the page to itself, on every answer: pages, assets, the API and its errors. By
 * default the page loads nothing from elsewhere (the app serves its own base map); with a raster
 * tile URL configured, it loads those tiles from that URL's host. It sends no Referer (a tile
 * server would learn which page, and so which city, is looked at).
 *
 * <p>Styles need no 'unsafe-inline': Leaflet positions its panes and markers through the CSSOM
 * (element.style), which a style-src without it still allows.
 */
@ApplicationScoped
public class SecurityHeaders {

  /**
   * Swagger UI (and the Dev UI of ./mvnw quarkus:dev) are built from inline scripts and styles:
   * they get them, and nothing else does.
   */
  private static final java.util.List<String> INLINE_TOOLS =
      java.util.List.of("/q/swagger-ui", "/q/dev-ui");

  private static final Pattern ORIGIN = Pattern.compile("^(https?)://([^/?#]+)");
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9*.-]+(:[0-9]{1,5})?");

  private final Map<String, String> headers;
  private final Map<String, String> swaggerHeaders;

  public SecurityHeaders(TechnocarteConfig config) {
    String tiles = config.map().tileUrl().map(SecurityHeaders::tileSource).orElse("");
    this.headers = headers(policy(tiles, false));
    this.swaggerHeaders = headers(policy(tiles, true));
  }

  /** Runs before every other route (the 413 of BodySizeLimit included), so no answer escapes. */
  void install(@Observes @Priority(1) Router router) {
    router.route().order(Integer.MIN_VALUE).handler(this::add);
  }

  private void add(RoutingContext context) {
    String path = context.normalizedPath();
    Map<String, String> chosen =
        INLINE_TOOLS.stream().anyMatch(path::startsWith) ? swaggerHeaders : headers;
    context.addHeadersEndHandler(v -> chosen.forEach(context.response()::putHeader));
    context.next();
  }

  /** The header values, for tests and for anyone who sets them in a proxy instead. */
  public Map<String, String> headers() {
    return headers;
  }

  private static Map<String, String> headers(String csp) {
    return Map.of(
        "Content-Security-Policy",
        csp,
        "Referrer-Policy",
        "no-referrer",
        "Permissions-Policy",
        // The motion sensors give the compass that aims a camera's direction in the add flow.
        "geolocation=(self), camera=(self), microphone=(), display-capture=(),"
            + " payment=(), usb=(), serial=(), hid=(), midi=(),"
            + " accelerometer=(self), gyroscope=(self), magnetometer=(self), browsing-topics=()",
        "X-Content-Type-Options",
        "nosniff");
  }

  private static String policy(String tiles, boolean swaggerUi) {
    String inline = swaggerUi ? " 'unsafe-inline'" : "";
    return "default-src 'self'; script-src 'self'"
        + inline
        + "; style-src 'self'"
        + inline
        + "; img-src 'self' data: blob:"
        + (tiles.isEmpty() ? "" : " " + tiles)
        + "; connect-src 'self'; worker-src 'self'; manifest-src 'self'; font-src 'self';"
        + " object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";
  }

  /**
   * The CSP source of a Leaflet tile URL template: its origin, `{s}` subdomains as a wildcard. A
   * relative URL (tiles served by this app) needs nothing beyond 'self'.
   */
  static String tileSource(String tileUrl) {
    Matcher origin = ORIGIN.matcher(tileUrl.strip());
    if (!origin.find()) {
      if (tileUrl.startsWith("/") && !tileUrl.startsWith("//")) {
        return "";
      }
      throw new IllegalArgumentException(
          "technocarte.map.tile-url must be an http(s) URL or a path: " + tileUrl);
    }
    String host = origin.group(2).replace("{s}", "*");
    if (!HOST.matcher(host).matches() || host.indexOf('*') > 0) {
      throw new IllegalArgumentException(
          "technocarte.map.tile-url has a host this page cannot allow: " + host);
    }
    return origin.group(1) + "://" + host;
  }
}
