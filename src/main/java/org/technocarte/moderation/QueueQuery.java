package org.technocarte.moderation;

import jakarta.ws.rs.core.MultivaluedMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.technocarte.campaign.CampaignService;
import org.technocarte.common.error.FieldCode;
import org.technocarte.sighting.QueryParams;

/**
 * What a moderator asks of the queue: a page ({@code limit}, {@code after} the cursor of the last
 * one seen) and filters (city code, age, suspected VSA, with photos, sent during a mapping party).
 * Each clause is a small piece of SQL with named parameters, on the pending sightings {@code s}.
 */
record QueueQuery(
    int limit,
    Cursor after,
    String city,
    Age age,
    Boolean vsaSuspected,
    Boolean withPhotos,
    Long campaign) {

  static final int MAX_LIMIT = 100;
  static final int DEFAULT_LIMIT = 50;
  private static final Set<String> KNOWN =
      Set.of("limit", "after", "city", "age", "vsaSuspected", "photos", "campaign");
  private static final Pattern CURSOR = Pattern.compile("([0-9]{1,18})-([0-9]{1,18})");

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

  static QueueQuery parse(MultivaluedMap<String, String> query) {
    QueryParams params = new QueryParams(query, KNOWN);
    int limit = DEFAULT_LIMIT;
    String text = params.text("limit");
    if (text != null) {
      try {
        limit = Integer.parseInt(text);
      } catch (NumberFormatException e) {
        limit = -1;
      }
      if (limit < 1 || limit > MAX_LIMIT) {
        params.error(
            "limit", FieldCode.OUT_OF_RANGE, "must be a whole number from 1 to " + MAX_LIMIT);
      }
    }
    Cursor after = null;
    text = params.text("after");
    if (text != null) {
      Matcher m = CURSOR.matcher(text);
      if (m.matches()) {
        after = new Cursor(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)));
      } else {
        params.error("after", FieldCode.BAD_FORMAT, "must be the cursor of a next link");
      }
    }
    String city = params.cityCode("city");
    Age age = null;
    text = params.text("age");
    if (text != null) {
      try {
        age = Age.valueOf(text.toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        params.error("age", FieldCode.NOT_ONE_OF, "must be day, week or older");
      }
    }
    Boolean vsa = params.bool("vsaSuspected");
    Boolean photos = params.bool("photos");
    Long campaign = null;
    text = params.text("campaign");
    if (text != null) {
      if (text.matches("[0-9]{1,18}")) {
        campaign = Long.parseLong(text);
      } else {
        params.error("campaign", FieldCode.BAD_FORMAT, "must be the id of a mapping party");
      }
    }
    params.check();
    return new QueueQuery(limit, after, city, age, vsa, photos, campaign);
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
          .append(
              "EXISTS (SELECT 1 FROM photo p WHERE p.sighting_id = s.id AND p.removal_report_id IS NULL)");
    }
    if (campaign != null) {
      sql.append(" AND EXISTS (SELECT 1 FROM campaign c WHERE c.id = :campaign AND ")
          .append(CampaignService.IN_PARTY)
          .append(')');
      bind.put("campaign", campaign);
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

  /**
   * The pending sightings {@code s} in queue order (an index of their creation time), behind a
   * fence (OFFSET 0 keeps the territory's condition out, so that its GiST index is not used): read
   * until the page is full (ModerationService.queue says when).
   */
  static final String IN_QUEUE_ORDER =
      "(SELECT * FROM sighting s WHERE s.status = 'pending' ORDER BY s.created_at, s.id OFFSET 0) s";

  /** The creation time as whole microseconds, exact both ways (a double would round). */
  static final String MICROS =
      "(EXTRACT(EPOCH FROM date_trunc('second', s.created_at))::bigint * 1000000"
          + " + EXTRACT(MICROSECONDS FROM s.created_at)::bigint % 1000000)";

  static Map<String, Object> newBind() {
    return new LinkedHashMap<>();
  }
}
