package org.technocarte.city;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.technocarte.moderation.ModerationFixtures;

/**
 * The counts the statistics read (sighting_tally) stay equal to a count of the sightings themselves
 * through every kind of change: inserts one by one and in bulk, approvals, removals, edits of the
 * counted fields, deletions.
 */
@QuarkusTest
class TallyTest {

  /** The tally's rows that a direct count of sighting does not give, both ways; 0 when exact. */
  private static final String DIFFERENCE =
      "SELECT count(*) FROM ((SELECT * FROM direct EXCEPT SELECT * FROM tally)"
          + " UNION ALL (SELECT * FROM tally EXCEPT SELECT * FROM direct)) d";

  private static final String VIEWS =
      "CREATE OR REPLACE TEMP VIEW direct AS SELECT k.*, count(*) AS n FROM sighting s,"
          + " LATERAL sighting_tally_rows(s) k GROUP BY 1, 2, 3, 4, 5, 6, 7, 8;"
          + " CREATE OR REPLACE TEMP VIEW tally AS SELECT * FROM sighting_tally WHERE n <> 0";

  @Inject ModerationFixtures fixtures;

  @BeforeEach
  void empty() {
    fixtures.clear();
  }

  @Test
  void shouldKeepTheCountsExactThroughEveryKindOfChange() {
    assertExact();
    fixtures.execute(
        "INSERT INTO sighting (geom, surveillance_type, camera_type, status, city_code, city_name,"
            + " vsa_suspected) SELECT ST_SetSRID(ST_MakePoint(3.87 + i * 0.0001, 43.6), 4326),"
            + " CASE WHEN i % 3 = 0 THEN 'alpr' ELSE 'camera' END,"
            + " CASE WHEN i % 2 = 0 THEN 'dome' ELSE 'fixed' END,"
            + " CASE WHEN i % 4 = 0 THEN 'pending' ELSE 'approved' END,"
            + " '2992166', 'Montpellier', i % 5 = 0 FROM generate_series(1, 200) i");
    assertExact();
    fixtures.execute("UPDATE sighting SET status = 'approved' WHERE status = 'pending'");
    assertExact();
    fixtures.execute(
        "UPDATE sighting SET status = 'removed', removed_on = DATE '2026-03-04'"
            + " WHERE camera_type = 'dome' AND vsa_suspected");
    assertExact();
    fixtures.execute(
        "UPDATE sighting SET city_name = 'Montpellier-Centre', camera_type = 'panning',"
            + " created_at = created_at - interval '40 days' WHERE surveillance_type = 'alpr'");
    assertExact();
    fixtures.execute(
        "UPDATE sighting SET status = 'rejected', removed_on = NULL WHERE vsa_suspected");
    assertExact();
    fixtures.execute("DELETE FROM sighting WHERE camera_type = 'fixed'");
    assertExact();
    fixtures.execute("DELETE FROM sighting");
    assertExact();
    assertEquals(0, fixtures.count("SELECT coalesce(sum(n), 0) FROM sighting_tally"));
  }

  private void assertExact() {
    fixtures.execute(VIEWS);
    assertEquals(0, fixtures.count(DIFFERENCE));
  }
}
