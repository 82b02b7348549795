package org.technocarte.sighting;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.technocarte.campaign.CampaignService;
import org.technocarte.common.WireValue;
import org.technocarte.common.geo.BBox;

/**
 * The WHERE clause of a read of public sightings (approved ones unless removed ones are asked for),
 * built from small named pieces. Every value a client gives travels as a bound parameter, never
 * inside the SQL text.
 */
public final class Where {

  private String status = ApprovedSightings.approvedRule("s");
  private final StringBuilder sql = new StringBuilder();
  private final List<Object> params = new ArrayList<>();

  /**
   * The public statuses read, approved only unless told: removed cameras are read when asked for
   * (status=removed or approved,removed), with their status and removal day.
   */
  public Where statuses(Set<Status> statuses) {
    if (statuses != null && !statuses.isEmpty()) {
      status = ApprovedSightings.statusRule("s", statuses);
    }
    return this;
  }

  /** Answered by the GiST index, a box across the antimeridian too (see BBox.sqlIntersects). */
  public Where bbox(BBox box) {
    return and(box.sqlIntersects("s.geom"), box.sqlValues());
  }

  /** The column holds one of these words; any when there are none. */
  public Where anyOf(String column, Collection<? extends WireValue> in) {
    if (in != null && !in.isEmpty()) {
      and(column + " = ANY (?)", (Object) in.stream().map(WireValue::wire).toArray(String[]::new));
    }
    return this;
  }

  /** The sightings of a mapping party: inside its zone, sent during it. */
  public Where campaign(long campaignId) {
    return and(
        "EXISTS (SELECT 1 FROM campaign c WHERE c.id = ? AND " + CampaignService.IN_PARTY + ")",
        campaignId);
  }

  /** Adds {@code AND (clause)}, whose {@code ?} take the values in order. */
  public Where and(String clause, Object... values) {
    sql.append(" AND (").append(clause).append(')');
    params.addAll(Arrays.asList(values));
    return this;
  }

  /** Adds a clause with its parameters, as a filter language produces them. */
  public Where and(String clause, List<Object> values) {
    return and(clause, values.toArray());
  }

  /** A condition and the values of its {@code ?}, in order. */
  public record Clause(String sql, List<Object> values) {}

  public Where and(Clause clause) {
    return and(clause.sql(), clause.values());
  }

  /** The values of the {@code ?} of {@link #sql}, in order. */
  public List<Object> values() {
    return java.util.Collections.unmodifiableList(params);
  }

  public String sql() {
    return status + sql;
  }

  /** Whether this reads every approved sighting, no filter added: what the tiles' cells count. */
  public boolean approvedOnly() {
    return sql.isEmpty() && status.equals(ApprovedSightings.approvedRule("s"));
  }

  /** Binds the parameters from position {@code first}; answers the next free position. */
  public int bind(Connection connection, PreparedStatement statement, int first)
      throws SQLException {
    int i = first;
    for (Object p : params) {
      if (p instanceof String[] words) {
        statement.setArray(i++, connection.createArrayOf("text", words));
      } else {
        statement.setObject(i++, p);
      }
    }
    return i;
  }
}
