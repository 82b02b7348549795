package org.technocarte.export;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.technocarte.common.error.FieldCode;
import org.technocarte.sighting.QueryParams;

/**
 * The {@code sortby} parameter (OGC API – Features Part 8, as pygeoapi reads it): {@code
 * +updatedAt,-id}, a comma list of queryables, each ascending unless it starts with {@code -}. The
 * id ends every order, so that rows that tie keep one order from page to page. Only queryables
 * become columns, so no text of the parameter reaches the SQL.
 */
final class Sortby {

  private Sortby() {}

  /** The queryables one may sort on: all but the geometry. */
  static List<String> sortable() {
    return Queryable.all().stream()
        .filter(q -> q.type() != Queryable.Type.GEOMETRY)
        .map(Queryable::property)
        .toList();
  }

  /** The SQL ORDER BY of {@code sortby}, or null when it is absent; errors kept in params. */
  static String parse(QueryParams params) {
    String text = params.text("sortby");
    if (text == null) {
      return null;
    }
    List<String> order = new ArrayList<>();
    Set<Queryable> seen = new LinkedHashSet<>();
    for (String key : text.split(",", -1)) {
      // A '+' left unencoded in a URL arrives as a space.
      String k = key.strip();
      boolean descending = k.startsWith("-");
      String name = k.startsWith("-") || k.startsWith("+") ? k.substring(1).strip() : k;
      Queryable q =
          Queryable.named(name).filter(n -> n.type() != Queryable.Type.GEOMETRY).orElse(null);
      if (q == null) {
        params.error(
            "sortby",
            FieldCode.NOT_ONE_OF,
            "'"
                + name
                + "' is not a sortable property; sortable: "
                + String.join(", ", sortable()));
      } else if (seen.add(q)) {
        order.add(q.column() + (descending ? " DESC" : " ASC"));
      }
    }
    if (!seen.contains(Queryable.ID)) {
      order.add(Queryable.ID.column() + " ASC");
    }
    return String.join(", ", order);
  }
}
