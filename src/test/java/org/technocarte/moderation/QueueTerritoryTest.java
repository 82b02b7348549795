package org.technocarte.moderation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The queue of a territory is the same read whichever way PostgreSQL is told to take it: through
 * the territory's GiST index when it holds few of the pending, along the queue's order when it
 * holds many (ModerationService.readInQueueOrder); and a moderator of two groups sees both.
 */
@QuarkusTest
class QueueTerritoryTest {

  @Inject ModerationFixtures fixtures;
  @Inject EntityManager em;

  private long montpellier;
  private long paris;

  @BeforeEach
  void twoGroups() {
    fixtures.clear();
    montpellier = fixtures.group("Technopolice Montpellier", ModerationFixtures.TERRITORY_A);
    paris = fixtures.group("Technopolice Paris", ModerationFixtures.TERRITORY_B);
    fixtures.member(fixtures.user("mod@montpellier.test", false), montpellier, "moderator");
    long both = fixtures.user("mod@both.test", false);
    fixtures.member(both, montpellier, "moderator");
    fixtures.member(both, paris, "moderator");
  }

  @Test
  void shouldListTheOldestOfMyTerritoryWhetherItHoldsFewOrManyOfThePending() {
    // 300 pending in Paris, 3 in Montpellier: the Montpellier queue is a small one.
    pending(2.37, 48.86, 300, 0);
    pending(3.88, 43.60, 3, 1000);
    fixtures.execute("ANALYZE sighting");
    Response few = queue("mod@montpellier.test");
    assertEquals("3", few.header("X-Total-Count"));
    assertEquals(oldest(3), few.jsonPath().getList("sighting.id", Long.class));

    // 2,000 more in Montpellier: most of the pending, read in queue order.
    pending(3.881, 43.601, 2000, 2000);
    fixtures.execute("ANALYZE sighting");
    Response many = queue("mod@montpellier.test");
    assertEquals("2003", many.header("X-Total-Count"));
    assertEquals(oldest(100), many.jsonPath().getList("sighting.id", Long.class));
  }

  @Test
  void shouldListThePendingOfEachOfMyTerritories() {
    pending(2.37, 48.86, 2, 0);
    pending(3.88, 43.60, 2, 10);
    Response both = queue("mod@both.test");
    assertEquals("4", both.header("X-Total-Count"));
    assertEquals(4, both.jsonPath().getList("sighting.id").size());
  }

  /** {@code count} pending sightings around a point, created a second apart from {@code from}. */
  private void pending(double lon, double lat, int count, int from) {
    fixtures.execute(
        "INSERT INTO sighting (geom, surveillance_type, camera_type, status, created_at) SELECT"
            + " ST_SetSRID(ST_MakePoint("
            + lon
            + " + i * 0.000001, "
            + lat
            + "), 4326), 'camera', 'dome', 'pending', TIMESTAMPTZ '2026-01-01 00:00Z' + ("
            + from
            + " + i) * interval '1 second' FROM generate_series(1, "
            + count
            + ") i");
  }

  /** The ids of the oldest pending in Montpellier's territory, oldest first. */
  private List<Long> oldest(int limit) {
    return em
        .createNativeQuery(
            "SELECT s.id FROM sighting s, local_group g WHERE g.id = :group AND s.status ="
                + " 'pending' AND ST_Covers(g.territory, s.geom) ORDER BY s.created_at, s.id"
                + " LIMIT :limit")
        .setParameter("group", montpellier)
        .setParameter("limit", limit)
        .getResultList()
        .stream()
        .map(id -> ((Number) id).longValue())
        .toList();
  }

  private static Response queue(String email) {
    Response answer = ModerationFixtures.login(email).as().get("/api/moderation/queue?limit=100");
    answer.then().statusCode(200);
    return answer;
  }
}
