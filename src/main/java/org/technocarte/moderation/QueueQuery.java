package org.technocarte.moderation;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.technocarte.common.error.ApiException;
import org.technocarte.common.error.FieldCode;
import org.technocarte.common.error.FieldError;

/**
 * What a moderator asks of the queue: a page ({@code limit}, {@code after} the cursor of the last
 * one seen) and filters (city code, age, suspected VSA, with photos). Each clause is a small piece
 * of SQL with named parameters, on the pending sightings {@code s}.
 */
record QueueQuery(
    int limit, Cursor after, String city, Age age, Boolean vsaSuspected, Boolean withPhotos) {

  static final int MAX_LIMIT = 100;
  static final int DEFAULT_LIMIT = 50;
  private static final Set<String> KNOWN =
      Set.of("limit", "after", "city", "age", "vsaSuspected", "photos");
  private static final Pattern CURSOR = Pattern.compile("([0-9]{1,18})-([0-9]{1,18})");
  private static final Pattern CITY = Pattern.compile("[A-Za-z0-9_-]{1,40}");

  /** How long a sighting has waited. */
  enum Age {
    DAY("s.created_at >= now() - interval '1 day'"),
    WEEK("s.created_at >= now() - interval '7 days'"),
    OLDER("s.created_at < now() - interval '7 days'");

    final String sql;

    Age(String sql) {
      this.sql = sql;
    }
  }

  /** The position of a queue entry: its creation time (microseconds since 1970) and its id. */
  record Cursor(long createdMicros, long id) {
    String text() {
      return createdMicros + "-" + id;
    }
  }

  static QueueQuery parse(MultivaluedMap<String, String> params) {
    List<FieldError> errors = new ArrayList<>();
    for (String name : params.keySet()) {
      if (!KNOWN.contains(name)) {
        errors.add(
            new FieldError(
                name,
                FieldCode.UNKNOWN_FIELD,
                "unknown parameter; known: " + String.join(", ", new TreeSet<>(KNOWN))));
      } else if (params.get(name).size() > 1) {
        errors.add(new FieldError(name, FieldCode.REPEATED, "given more than once"));
      }
    }
    int limit = DEFAULT_LIMIT;
    String text = params.getFirst("limit");
    if (text != null) {
      try {
        limit = Integer.parseInt(text);
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > MAX_LIMIT) {
        errors.add(
            new FieldError(
                "limit", FieldCode.OUT_OF_RANGE, "must be a whole number from 1 to " + MAX_LIMIT));
      }
    }
    Cursor after = null;
    text = params.getFirst("after");
    if (text != null) {
      Matcher m = CURSOR.matcher(text);
      if (m.matches()) {
        after = new Cursor(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
      } else {
        errors.add(
            new FieldError("after", FieldCode.BAD_FORMAT, "must be the cursor of a next link"));
      }
    }
    String city = params.getFirst("city");
    if (city != null && !CITY.matcher(city).matches()) {
      errors.add(
          new FieldError("city", FieldCode.BAD_FORMAT, "must be a city code such as 2992166"));
    }
    Age age = null;
    text = params.getFirst("age");
    if (text != null) {
      try {
        age = Age.valueOf(text.toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("age", FieldCode.NOT_ONE_OF, "must be day, week or older"));
      }
    }
    Boolean vsa = bool(params, "vsaSuspected", errors);
    Boolean photos = bool(params, "photos", errors);
    if (!errors.isEmpty()) {
      throw ApiException.badParameters(errors);
    }
    return new QueueQuery(limit, after, city, age, vsa, photos);
  }

  private static Boolean bool(
      MultivaluedMap<String, String> params, String name, List<FieldError> errors) {
    String text = params.getFirst(name);
    if (text == null) {
      return null;
    }
    return switch (text) {
      case "true" -> true;
      case "false" -> false;
      default -> {
        errors.add(new FieldError(name, FieldCode.NOT_A_BOOLEAN, "must be true or false"));
        yield null;
      }
    };
  }

  /** The filters' clauses (not the cursor: the total counts every page), joined by AND. */
  String filterSql(Map<String, Object> bind) {
    StringBuilder sql = new StringBuilder();
    if (city != null) {
      sql.append(" AND s.city_code = :city");
      bind.put("city", city);
    }
    if (age != null) {
      sql.append(" AND ").append(age.sql);
    }
    if (vsaSuspected != null) {
      sql.append(" AND s.vsa_suspected = :vsa");
      bind.put("vsa", vsaSuspected);
    }
    if (withPhotos != null) {
      sql.append(withPhotos ? " AND " : " AND NOT ")
          .append("EXISTS (SELECT 1 FROM photo p WHERE p.sighting_id = s.id)");
    }
    return sql.toString();
  }

  /** The cursor's clause: entries after the last one seen, in queue order. */
  String afterSql(Map<String, Object> bind) {
    if (after == null) {
      return "";
    }
    bind.put("afterMicros", after.createdMicros());
    bind.put("afterId", after.id());
    return " AND (" + MICROS + ", s.id) > (:afterMicros, :afterId)";
  }

  /** The creation time as whole microseconds, exact both ways (a double would round). */
  static final String MICROS =
      "(EXTRACT(EPOCH FROM date_trunc('second', s.created_at))::bigint * 1000000"
          + " + EXTRACT(MICROSECONDS FROM s.created_at)::bigint % 1000000)";

  static Map<String, Object> newBind() {
    return new LinkedHashMap<>();
  }
}
