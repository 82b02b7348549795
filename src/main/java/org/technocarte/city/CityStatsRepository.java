package org.technocarte.city;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.List;

/**
 * Counts of approved sightings, grouped in SQL: PostgreSQL counts a million rows faster than any
 * mapping of them would.
 */
@ApplicationScoped
public class CityStatsRepository {

  private static final String APPROVED_IN_A_CITY =
      " FROM sighting s WHERE s.status = 'approved' AND s.city_code IS NOT NULL";

  /** code, name, cameras, vsaSuspected; the name most sightings give, as walkers may fix it. */
  private static final String PER_CITY =
      "SELECT s.city_code, mode() WITHIN GROUP (ORDER BY s.city_name), count(*),"
          + " count(*) FILTER (WHERE s.vsa_suspected)"
          + APPROVED_IN_A_CITY;

  private final EntityManager em;

  public CityStatsRepository(EntityManager em) {
    this.em = em;
  }

  /** Rows of code, name, cameras, vsaSuspected, largest city first. */
  List<Object[]> perCity() {
    return rows(PER_CITY + " GROUP BY s.city_code ORDER BY count(*) DESC, s.city_code", null);
  }

  List<Object[]> city(String code) {
    return rows(PER_CITY + " AND s.city_code = :code GROUP BY s.city_code", code);
  }

  /** Codes of the cities that have VSA evidence but no approved camera yet. */
  @SuppressWarnings("unchecked")
  List<String> evidenceOnly() {
    return em.createNativeQuery(
            "SELECT DISTINCT e.city_code FROM city_evidence e WHERE NOT EXISTS (SELECT 1"
                + " FROM sighting s WHERE s.status = 'approved' AND s.city_code = e.city_code)"
                + " ORDER BY 1")
        .getResultList();
  }

  /** Rows of code, value, count for a column among surveillance_type and camera_type. */
  List<Object[]> perCityAnd(String column, String code) {
    if (!column.equals("surveillance_type") && !column.equals("camera_type")) {
      throw new IllegalArgumentException(column);
    }
    return rows(
        "SELECT s.city_code, s."
            + column
            + ", count(*)"
            + APPROVED_IN_A_CITY
            + (code == null ? "" : " AND s.city_code = :code")
            + " GROUP BY 1, 2 ORDER BY 1, 2",
        code);
  }

  /** One row: all approved cameras, and those suspected of VSA. */
  Object[] totals() {
    return (Object[])
        em.createNativeQuery(
                "SELECT count(*), count(*) FILTER (WHERE s.vsa_suspected) FROM sighting s"
                    + " WHERE s.status = 'approved'")
            .getSingleResult();
  }

  /** Rows of month (YYYY-MM, UTC), count of approved sightings added that month. */
  List<Object[]> addedPerMonth() {
    return rows(
        "SELECT to_char(s.created_at AT TIME ZONE 'UTC', 'YYYY-MM') AS month, count(*)"
            + " FROM sighting s WHERE s.status = 'approved' GROUP BY 1 ORDER BY 1",
        null);
  }

  @SuppressWarnings("unchecked")
  private List<Object[]> rows(String sql, String code) {
    var query = em.createNativeQuery(sql);
    if (code != null) {
      query.setParameter("code", code);
    }
    return query.getResultList();
  }
}
