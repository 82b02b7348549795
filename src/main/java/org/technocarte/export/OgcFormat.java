package org.technocarte.export;

import java.util.Set;

/** The `f` parameter of the OGC API: only JSON encodings are offered. */
final class OgcFormat {

  private OgcFormat() {}

  static void check(QueryParams params, String... accepted) {
    String f = params.text("f");
    if (f != null && !Set.of(accepted).contains(f)) {
      params.error("f", "only " + String.join(" or ", accepted) + " is offered");
    }
  }

  /** Reads a query that takes no parameter but `f`. */
  static void onlyFormat(
      jakarta.ws.rs.core.MultivaluedMap<String, String> query, String... accepted) {
    QueryParams params = new QueryParams(query, Set.of("f"));
    check(params, accepted.length == 0 ? new String[] {"json"} : accepted);
    params.check();
  }
}
