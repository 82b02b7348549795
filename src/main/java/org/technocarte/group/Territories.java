package org.technocarte.group;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.technocarte.auth.Principal;

/**
 * The one rule of where a moderator may act: at a point covered (PostGIS ST_Covers) by the
 * territory of one of their groups; a site admin anywhere. Moderation applies it to a sighting, the
 * city pages to a city's position.
 */
@ApplicationScoped
public class Territories {

  private final EntityManager em;

  public Territories(EntityManager em) {
    this.em = em;
  }

  /** In whose name someone acts: a group, or none for a site admin outside every territory. */
  public record Scope(Long groupId) {}

  /**
   * The same rule as an SQL condition on the column {@code geom} (4326) of many rows: empty for a
   * site admin, who acts anywhere; binds the moderator's groups under the name "groups". A
   * moderator without a group is answered nothing before any query (see {@link #none}).
   */
  public static String covering(Principal actor, String geom, Map<String, Object> bind) {
    if (actor.siteAdmin()) {
      return "";
    }
    bind.put("groups", actor.roles().keySet());
    return " AND EXISTS (SELECT 1 FROM local_group g WHERE g.id IN (:groups)"
        + " AND ST_Covers(g.territory, "
        + geom
        + "))";
  }

  /**
   * The same rule as {@link #covering} for a read of many rows that PostgreSQL must plan well (the
   * moderation queue): the moderator's territories are read first and bound as constants (named
   * territory0, territory1…), so that the planner estimates from their extent how many rows they
   * cover. Joined to local_group instead, a territory is a column and the planner guesses a dozen
   * rows whatever its size: at 50,000 pending in a territory it read them all and sorted them for
   * the oldest 100 (deploy/bench/RESULTS.md). The caller plans the statement with these values, not
   * a generic plan (see ModerationService.queue). "false" for a moderator whose groups are gone.
   */
  public String coveringBound(Principal actor, String geom, Map<String, Object> bind) {
    if (actor.siteAdmin()) {
      return "";
    }
    List<?> shapes =
        em.createNativeQuery(
                "SELECT ST_AsEWKB(g.territory) FROM local_group g WHERE g.id IN (:groups)"
                    + " ORDER BY g.id")
            .setParameter("groups", actor.roles().keySet())
            .getResultList();
    if (shapes.isEmpty()) {
      return " AND false";
    }
    List<String> covers = new ArrayList<>();
    for (int i = 0; i < shapes.size(); i++) {
      bind.put("territory" + i, shapes.get(i));
      covers.add("ST_Covers(ST_GeomFromEWKB(:territory" + i + "), " + geom + ")");
    }
    return " AND (" + String.join(" OR ", covers) + ")";
  }

  /** Whether the moderator may act nowhere: no group and not a site admin. */
  public static boolean none(Principal actor) {
    return !actor.siteAdmin() && actor.roles().isEmpty();
  }

  /**
   * Empty when the moderator may not act at the point, an SQL geometry expression (4326) with its
   * named parameters; else the first covering group of theirs (any covering group for a site
   * admin).
   */
  public Optional<Scope> scope(Principal actor, String point, Map<String, Object> parameters) {
    if (none(actor)) {
      return Optional.empty();
    }
    var query =
        em.createNativeQuery(
            "SELECT g.id FROM local_group g WHERE ST_Covers(g.territory, "
                + point
                + ")"
                + (actor.siteAdmin() ? "" : " AND g.id IN (:groups)")
                + " ORDER BY g.id LIMIT 1");
    parameters.forEach(query::setParameter);
    if (!actor.siteAdmin()) {
      query.setParameter("groups", actor.roles().keySet());
    }
    List<?> found = query.getResultList();
    if (found.isEmpty()) {
      return actor.siteAdmin() ? Optional.of(new Scope(null)) : Optional.empty();
    }
    return Optional.of(new Scope(((Number) found.get(0)).longValue()));
  }
}
