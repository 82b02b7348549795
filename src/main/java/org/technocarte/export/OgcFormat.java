package org.technocarte.export;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Set;
import org.technocarte.common.error.FieldCode;
import org.technocarte.sighting.QueryParams;

/** The `f` parameter of the OGC API: JSON encodings, and YAML for the API definition. */
final class OgcFormat {

  private OgcFormat() {}

  static void check(QueryParams params, String... accepted) {
    String f = params.text("f");
    if (f != null && !Set.of(accepted).contains(f)) {
      params.error(
          "f", FieldCode.BAD_FORMAT, "only " + String.join(" or ", accepted) + " is offered");
    }
  }

  /** Reads a query that takes no parameter but `f`. */
  static void onlyFormat(
      jakarta.ws.rs.core.MultivaluedMap<String, String> query, String... accepted) {
    QueryParams params = new QueryParams(query, Set.of("f"));
    check(params, accepted.length == 0 ? new String[] {"json"} : accepted);
    params.check();
  }

  /** YAML types of an OpenAPI document; JSON is what anything else gets. */
  private static final List<MediaType> YAML =
      List.of(
          MediaType.valueOf("application/vnd.oai.openapi"),
          MediaType.valueOf("application/yaml"),
          MediaType.valueOf("application/x-yaml"),
          MediaType.valueOf("text/yaml"));

  /**
   * Whether the API definition goes out as YAML: asked by {@code f=yaml}, or by an Accept header
   * whose most preferred type is a YAML one. Without either, JSON.
   */
  static boolean wantsYaml(String f, HttpHeaders headers) {
    return wants("yaml", YAML, f, headers);
  }

  /**
   * Whether the answer is a web page: asked by {@code f=html}, or by an Accept header that prefers
   * text/html (a browser). Clients that send no Accept, {@code *}{@code /*} or JSON first get JSON.
   */
  static boolean wantsHtml(String f, HttpHeaders headers) {
    return wants("html", List.of(MediaType.TEXT_HTML_TYPE), f, headers);
  }

  /**
   * {@code f} when given, else whether the most preferred type of Accept is one of {@code types}.
   */
  private static boolean wants(
      String format, List<MediaType> types, String f, HttpHeaders headers) {
    if (f != null) {
      return format.equals(f);
    }
    List<MediaType> accepted = headers.getAcceptableMediaTypes();
    if (accepted.isEmpty() || accepted.get(0).isWildcardType()) {
      return false;
    }
    MediaType first = accepted.get(0);
    return types.stream()
        .anyMatch(
            y ->
                y.getType().equalsIgnoreCase(first.getType())
                    && y.getSubtype().equalsIgnoreCase(first.getSubtype()));
  }
}
