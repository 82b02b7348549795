package org.technocarte.sighting;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;

/**
 * Sightings in PostGIS, on the primary through Hibernate's connection: writes, and the reads of
 * walkers and moderators, whatever the status. Public reads go through {@link ApprovedSightings},
 * which owns the columns and the row mapping used here too.
 */
@ApplicationScoped
public class SightingRepository implements PanacheRepositoryBase<Sighting, Long> {

  /**
   * The id of the sighting created with this clientId, if any: the id alone, by plain JDBC on its
   * unique index (loading the entity decoded its geometry and every column for nothing).
   */
  Optional<Long> findIdByClientIdHash(byte[] hash) {
    return jdbc(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement(
                  "SELECT s.id FROM sighting s WHERE s.client_id_hash = ?")) {
            statement.setBytes(1, hash);
            try (ResultSet rows = statement.executeQuery()) {
              return rows.next() ? Optional.of(rows.getLong(1)) : Optional.<Long>empty();
            }
          }
        });
  }

  /**
   * Serialises the creations that carry the same clientId until the end of the transaction, so that
   * two resends racing each other still make one row. Plain JDBC on the transaction's connection: a
   * Hibernate native query cost more than PostgreSQL's answer.
   */
  void lockClientId(byte[] clientIdHash) {
    long key = 0;
    for (int i = 0; i < 8; i++) {
      key = (key << 8) | (clientIdHash[i] & 0xff);
    }
    long lockKey = key;
    jdbc(
        connection -> {
          try (PreparedStatement statement =
              connection.prepareStatement("SELECT CAST(pg_advisory_xact_lock(?) AS text)")) {
            statement.setLong(1, lockKey);
            statement.executeQuery().close();
          }
          return null;
        });
  }

  private <T> T jdbc(ReturningWork<T> work) {
    return getEntityManager().unwrap(Session.class).doReturningWork(work);
  }

  /** The sighting as the API shows it, whatever its status. */
  Optional<SightingView> view(long id) {
    List<SightingView> found =
        select(
            "SELECT " + ApprovedSightings.COLUMNS + " FROM sighting s WHERE s.id = ?", List.of(id));
    return found.stream().findFirst();
  }

  /** The sightings of these ids that exist, by id, in one query. */
  Map<Long, SightingView> views(List<Long> ids) {
    Map<Long, SightingView> found = new java.util.HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    for (SightingView view :
        select(
            "SELECT " + ApprovedSightings.COLUMNS + " FROM sighting s WHERE s.id = ANY (?)",
            List.of((Object) ids.toArray(Long[]::new)))) {
      found.put(view.id(), view);
    }
    return found;
  }

  /**
   * Sightings of the given statuses within a distance, nearest first, as the moderators see them
   * (on the primary).
   */
  public List<SightingView> near(
      double lon, double lat, int metres, Set<Status> statuses, long excludedId, int rows) {
    return select(
        ApprovedSightings.nearSql(statuses),
        ApprovedSightings.nearParams(lon, lat, metres, excludedId, rows));
  }

  /**
   * {@link #near} for each of these sightings in one statement: by id, the sightings of the given
   * statuses within the distance of it, nearest first (an id with none is left out).
   */
  public Map<Long, List<SightingView>> nearEach(
      List<Long> ids, int metres, Set<Status> statuses, int rows) {
    Map<Long, List<SightingView>> found = new java.util.HashMap<>();
    if (ids.isEmpty()) {
      return found;
    }
    getEntityManager()
        .unwrap(Session.class)
        .doWork(
            connection -> {
              try (PreparedStatement statement =
                  connection.prepareStatement(ApprovedSightings.nearEachSql(statuses))) {
                statement.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
                statement.setDouble(2, metres);
                statement.setDouble(3, metres);
                statement.setInt(4, rows);
                try (ResultSet result = statement.executeQuery()) {
                  while (result.next()) {
                    found
                        .computeIfAbsent(result.getLong("near_of"), k -> new ArrayList<>())
                        .add(ApprovedSightings.toView(result));
                  }
                }
              }
            });
    return found;
  }

  /**
   * Records that someone saw an approved camera still there today. Returns false when there is no
   * approved sighting with this id. The version stays: a confirmation never makes an edit stale.
   */
  boolean confirm(long id, LocalDate today) {
    int updated =
        getEntityManager()
            .createNativeQuery(
                "UPDATE sighting s SET check_date = greatest(s.check_date, :today),"
                    + " updated_at = now() WHERE s.id = :id AND "
                    + ApprovedSightings.approvedRule("s"))
            .setParameter("today", today)
            .setParameter("id", id)
            .executeUpdate();
    if (updated == 0) {
      return false;
    }
    getEntityManager()
        .createNativeQuery(
            "INSERT INTO confirmation (sighting_id, confirmed_on) VALUES (:id, :today)")
        .setParameter("id", id)
        .setParameter("today", today)
        .executeUpdate();
    return true;
  }

  private List<SightingView> select(String sql, List<Object> params) {
    return getEntityManager()
        .unwrap(Session.class)
        .doReturningWork(connection -> views(connection, sql, params));
  }

  private static List<SightingView> views(Connection connection, String sql, List<Object> params)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(connection, statement, params);
      try (ResultSet rows = statement.executeQuery()) {
        List<SightingView> views = new ArrayList<>();
        while (rows.next()) {
          views.add(ApprovedSightings.toView(rows));
        }
        return views;
      }
    }
  }

  private static void bind(Connection connection, PreparedStatement statement, List<Object> params)
      throws SQLException {
    for (int i = 0; i < params.size(); i++) {
      Object p = params.get(i);
      if (p instanceof String[] words) {
        statement.setArray(i + 1, connection.createArrayOf("text", words));
      } else if (p instanceof Long[] numbers) {
        statement.setArray(i + 1, connection.createArrayOf("bigint", numbers));
      } else if (p instanceof Double d) {
        statement.setDouble(i + 1, d);
      } else {
        statement.setObject(i + 1, p);
      }
    }
  }
}
