package org.technocarte.city;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.technocarte.sighting.SightingFixtures.MONTPELLIER_COMEDIE;
import static org.technocarte.sighting.SightingFixtures.MONTPELLIER_GARE;
import static org.technocarte.sighting.SightingFixtures.feature;
import static org.technocarte.sighting.SightingFixtures.submitted;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.technocarte.moderation.ModerationFixtures;

/**
 * The counts the national statistics read (V52: per city with its types, per month) follow the
 * sightings as they are approved, merged, removed and deleted, stay equal to a count of the
 * sightings themselves through every kind of change, and answer what the statements of the finer
 * tally (V43, dropped by V54) answer on a direct count of the sightings.
 */
@QuarkusTest
class CityCountsTest {

  private static final String MONTPELLIER = "2992166";

  /** The rows of the two counts that a direct count of sighting does not give, both ways. */
  private static final String DIFFERENCE =
      """
      WITH k AS (SELECT r.* FROM sighting s, LATERAL sighting_tally_rows(s) r),
      direct_city AS (SELECT city_code, city_name, count(*) AS n,
                             count(*) FILTER (WHERE vsa_suspected) AS vsa,
                             count(*) FILTER (WHERE surveillance_type = 'alpr') AS kind_alpr,
                             count(*) FILTER (WHERE surveillance_type = 'camera') AS kind_camera,
                             count(*) FILTER (WHERE surveillance_type = 'guard') AS kind_guard,
                             count(*) FILTER (WHERE surveillance_type = 'other') AS kind_other,
                             count(*) FILTER (WHERE camera_type = 'dome') AS shape_dome,
                             count(*) FILTER (WHERE camera_type = 'fixed') AS shape_fixed,
                             count(*) FILTER (WHERE camera_type = 'panning') AS shape_panning,
                             count(*) FILTER (WHERE camera_type = 'unknown') AS shape_unknown
                      FROM k WHERE status = 'approved' AND city_code <> '' GROUP BY 1, 2),
      counted_city AS (SELECT * FROM sighting_city_count
                       WHERE (n, vsa, kind_alpr, kind_camera, kind_guard, kind_other, shape_dome,
                              shape_fixed, shape_panning, shape_unknown)
                             <> (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)),
      direct_month AS (SELECT status, vsa_suspected, added_month, removed_month, count(*) AS n
                       FROM k GROUP BY 1, 2, 3, 4),
      counted_month AS (SELECT status, vsa_suspected, added_month, removed_month, n
                        FROM sighting_month_count WHERE n <> 0)
      SELECT (SELECT count(*) FROM ((TABLE direct_city EXCEPT TABLE counted_city)
                 UNION ALL (TABLE counted_city EXCEPT TABLE direct_city)) d)
           + (SELECT count(*) FROM ((TABLE direct_month EXCEPT TABLE counted_month)
                 UNION ALL (TABLE counted_month EXCEPT TABLE direct_month)) d)""";

  /**
   * The public sightings counted one by one, in the rows the tally of V43 kept (what the counts of
   * V52 group coarser): the reference the statistics' statements before V52 read here.
   */
  private static final String DIRECT =
      "(SELECT k.*, 1 AS n FROM sighting s, LATERAL sighting_tally_rows(s) k) t";

  /**
   * The statistics' statements before V52, on the direct count, as the reference of the answers.
   */
  private static final String TALLY_PER_CITY =
      "SELECT c.city_code, (SELECT t.city_name FROM "
          + DIRECT
          + " WHERE t.status = 'approved'"
          + " AND t.city_code <> '' AND t.n > 0 AND t.city_code = c.city_code GROUP BY t.city_name"
          + " ORDER BY sum(t.n) DESC, t.city_name LIMIT 1), c.cameras, c.vsa FROM (SELECT"
          + " t.city_code, sum(t.n) AS cameras, coalesce(sum(t.n) FILTER (WHERE t.vsa_suspected),"
          + " 0) AS vsa FROM "
          + DIRECT
          + " WHERE t.status = 'approved' AND t.city_code <> ''"
          + " AND t.n > 0 GROUP BY t.city_code) c ORDER BY c.cameras DESC, c.city_code";

  private static final String TALLY_PER_CITY_AND =
      "SELECT t.city_code, t.%s, sum(t.n) FROM "
          + DIRECT
          + " WHERE t.status = 'approved' AND"
          + " t.city_code <> '' AND t.n > 0 GROUP BY 1, 2 HAVING sum(t.n) > 0 ORDER BY 1, 2";

  private static final String TALLY_TOTALS =
      "SELECT coalesce(sum(t.n) FILTER (WHERE t.status = 'approved'), 0), coalesce(sum(t.n)"
          + " FILTER (WHERE t.status = 'approved' AND t.vsa_suspected), 0), coalesce(sum(t.n)"
          + " FILTER (WHERE t.status = 'removed'), 0) FROM "
          + DIRECT;

  private static final String TALLY_ADDED =
      "SELECT t.added_month, sum(t.n) FROM "
          + DIRECT
          + " GROUP BY 1 HAVING sum(t.n) > 0"
          + " ORDER BY 1";

  private static final String TALLY_REMOVED =
      "SELECT t.removed_month, sum(t.n) FROM "
          + DIRECT
          + " WHERE t.status = 'removed'"
          + " GROUP BY 1 HAVING sum(t.n) > 0 ORDER BY 1";

  @Inject ModerationFixtures fixtures;
  @Inject CityStatsRepository repository;
  @Inject EntityManager em;

  private ModerationFixtures.Session moderator;

  @BeforeEach
  void aGroupInMontpellier() {
    fixtures.clear();
    moderator =
        fixtures.moderatorOf(
            "Technopolice Montpellier", ModerationFixtures.TERRITORY_A, "mod@montpellier.test");
  }

  @Test
  void shouldFollowApprovalMergeRemovalAndDeletion() {
    long comedie = submitted(feature(MONTPELLIER_COMEDIE));
    long gare = submitted(feature(MONTPELLIER_GARE));
    assertExact();
    assertEquals(0, approvedInMontpellier());

    post("/api/moderation/sightings/" + comedie + "/approve", Map.of("version", 0));
    post("/api/moderation/sightings/" + gare + "/approve", Map.of("version", 0));
    assertExact();
    assertEquals(2, approvedInMontpellier());
    assertEquals(2, fixtures.count("SELECT sum(shape_dome) FROM sighting_city_count"));

    // A duplicate merged into the Comédie camera confirms it: nothing more is counted.
    long duplicate = submitted(feature(MONTPELLIER_COMEDIE));
    post(
        "/api/moderation/sightings/" + duplicate + "/merge",
        Map.of("version", 0, "targetId", comedie));
    assertExact();
    assertEquals(2, approvedInMontpellier());

    long report =
        given()
            .contentType("application/json")
            .body(Map.of("kind", "gone"))
            .post("/api/sightings/" + comedie + "/removal-reports")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath()
            .getLong("id");
    int version =
        given()
            .get("/api/sightings/" + comedie)
            .then()
            .extract()
            .jsonPath()
            .getInt("properties.version");
    post(
        "/api/moderation/removal-reports/" + report + "/confirm",
        Map.of("version", version, "reason", "Vu sur place"));
    assertExact();
    assertEquals(1, approvedInMontpellier());
    assertEquals(
        1, fixtures.count("SELECT sum(n) FROM sighting_month_count WHERE status = 'removed'"));

    fixtures.execute("DELETE FROM sighting WHERE id = " + gare);
    assertExact();
    assertEquals(0, approvedInMontpellier());
    fixtures.execute("DELETE FROM sighting");
    assertExact();
    assertEquals(0, fixtures.count("SELECT count(*) FROM sighting_month_count WHERE n <> 0"));
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
            + " CASE WHEN i % 7 = 0 THEN NULL ELSE '2992166' END,"
            + " CASE WHEN i % 7 = 0 THEN NULL ELSE 'Montpellier' END,"
            + " i % 5 = 0 FROM generate_series(1, 200) i");
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
    // Only the VSA flag changes: the city keeps its cameras, not its suspected ones.
    fixtures.execute("UPDATE sighting SET vsa_suspected = NOT vsa_suspected WHERE id % 2 = 0");
    assertExact();
    // An edit of what is not counted moves no count.
    String before = counts();
    fixtures.execute("UPDATE sighting SET notes = 'vu', check_date = DATE '2026-01-02'");
    assertEquals(before, counts());
    fixtures.execute(
        "UPDATE sighting SET status = 'rejected', removed_on = NULL WHERE vsa_suspected");
    assertExact();
    fixtures.execute("DELETE FROM sighting WHERE camera_type = 'fixed'");
    assertExact();
    fixtures.execute("DELETE FROM sighting");
    assertExact();
  }

  @Test
  void shouldAnswerWhatTheTallyStatementsAnswerOnADirectCount() {
    // Montpellier under two names (the one most sightings give wins), Paris under two names with
    // as many sightings each (the first by name wins), sightings without a city, removed ones.
    fixtures.execute(
        "INSERT INTO sighting (geom, surveillance_type, camera_type, status, city_code, city_name,"
            + " vsa_suspected, removed_on, created_at) SELECT"
            + " ST_SetSRID(ST_MakePoint(3.87 + i * 0.0001, 43.6), 4326),"
            + " (ARRAY['camera', 'alpr', 'guard', 'other'])[1 + i % 4],"
            + " (ARRAY['fixed', 'dome', 'panning', 'unknown'])[1 + i % 3],"
            + " CASE WHEN i % 9 = 0 THEN 'removed' WHEN i % 11 = 0 THEN 'pending'"
            + " ELSE 'approved' END,"
            + " CASE WHEN i % 13 = 0 THEN NULL WHEN i % 2 = 0 THEN '2992166' ELSE '2988507' END,"
            + " CASE WHEN i % 13 = 0 THEN NULL WHEN i % 2 = 0 THEN"
            + " (CASE WHEN i % 6 = 0 THEN 'Montpellier-Centre' ELSE 'Montpellier' END)"
            + " ELSE (CASE WHEN i % 4 = 1 THEN 'Paris' ELSE 'Paris 11e' END) END,"
            + " i % 5 = 0, CASE WHEN i % 9 = 0 THEN DATE '2026-01-01' + i END,"
            + " TIMESTAMPTZ '2025-01-15 00:00Z' + i * interval '3 days'"
            + " FROM generate_series(1, 240) i");
    fixtures.execute(
        "INSERT INTO sighting (geom, surveillance_type, camera_type, status, city_code, city_name)"
            + " VALUES (ST_SetSRID(ST_MakePoint(3.9, 43.57), 4326), 'camera', 'dome', 'approved',"
            + " '3007609', 'Lattes-Boirargues'), (ST_SetSRID(ST_MakePoint(3.9, 43.571), 4326),"
            + " 'camera', 'dome', 'approved', '3007609', 'Lattes')");
    assertExact();
    assertSameRows(
        TALLY_PER_CITY, repository.perCity().stream().map(row -> Arrays.copyOf(row, 4)).toList());
    assertSameRows(
        TALLY_PER_CITY_AND.formatted("surveillance_type"), perCityAnd("surveillance_type"));
    assertSameRows(TALLY_PER_CITY_AND.formatted("camera_type"), perCityAnd("camera_type"));
    assertSameRows(TALLY_TOTALS, rowOf(repository.totals()));
    assertSameRows(TALLY_ADDED, repository.addedPerMonth());
    assertSameRows(TALLY_REMOVED, repository.removedPerMonth());
    List<Object[]> cities = repository.perCity();
    Object[] montpellier =
        cities.stream().filter(row -> row[0].equals(MONTPELLIER)).findFirst().orElseThrow();
    assertEquals("Montpellier", montpellier[1], "the name most sightings give");
    assertEquals("Lattes", cities.get(cities.size() - 1)[1], "a tie goes to the first by name");
    assertEquals(rowsText(rowOf(montpellier)), rowsText(repository.city(MONTPELLIER)));
  }

  @Test
  void shouldBenchmarkTheStatementsTheAppSends() throws Exception {
    // deploy/bench/run.sh shows the plans of the statements the app sends, with its values.
    String bench = Files.readString(Path.of("deploy/bench/run.sh"));
    Matcher perCity = Pattern.compile("\nper_city=\"([^\"]*)\"").matcher(bench);
    assertTrue(perCity.find(), "run.sh names the statement per city");
    String one =
        perCity.group(1).replace("WHERE t.n > 0", "WHERE t.n > 0 AND t.city_code = '$paris'");
    bench =
        bench
            .replace("${per_city/WHERE t.n > 0/$in_paris}", one)
            .replace("$per_city", perCity.group(1));
    for (String sql :
        List.of(
            CityStatsRepository.TOTALS,
            CityStatsRepository.PER_CITY_ALL,
            CityStatsRepository.ADDED_PER_MONTH,
            CityStatsRepository.EVIDENCE_ONLY,
            CityStatsRepository.PER_CITY_ONE.replace("?", "'$paris'"))) {
      assertTrue(bench.contains(sql), "run.sh explains " + sql);
    }
  }

  private static List<Object[]> rowOf(Object[] row) {
    List<Object[]> rows = new java.util.ArrayList<>();
    rows.add(row);
    return rows;
  }

  /**
   * Rows of code, value, count of one type, by code and value, as the tally statements give them.
   */
  private List<Object[]> perCityAnd(String column) {
    boolean kind = column.equals("surveillance_type");
    List<String> values = kind ? CityStatsRepository.KINDS : CityStatsRepository.SHAPES;
    int first = kind ? 4 : 4 + CityStatsRepository.KINDS.size();
    List<Object[]> rows = new java.util.ArrayList<>();
    repository.perCity().stream()
        .sorted(java.util.Comparator.comparing(row -> (String) row[0]))
        .forEach(
            row -> {
              for (int i = 0; i < values.size(); i++) {
                if (((Number) row[first + i]).longValue() > 0) {
                  rows.add(new Object[] {row[0], values.get(i), row[first + i]});
                }
              }
            });
    return rows;
  }

  private void assertSameRows(String tallySql, List<Object[]> rows) {
    @SuppressWarnings("unchecked")
    List<Object[]> expected = em.createNativeQuery(tallySql).getResultList();
    assertTrue(!expected.isEmpty(), tallySql);
    assertEquals(rowsText(expected), rowsText(rows), tallySql);
  }

  /** Rows as text, numbers by their value (the direct sums are numeric, the counts bigint). */
  private static List<String> rowsText(List<Object[]> rows) {
    return rows.stream()
        .map(
            row ->
                Arrays.stream(row)
                    .map(
                        v ->
                            v instanceof Number n
                                ? Long.toString(n.longValue())
                                : String.valueOf(v))
                    .toList()
                    .toString())
        .toList();
  }

  private long approvedInMontpellier() {
    return fixtures.count(
        "SELECT coalesce(sum(n), 0) FROM sighting_city_count WHERE city_code = '"
            + MONTPELLIER
            + "'");
  }

  /** Every row of the counts, as text. */
  private String counts() {
    return String.valueOf(
        em.createNativeQuery(
                "SELECT string_agg(x, ';' ORDER BY x) FROM (SELECT c::text AS x FROM"
                    + " sighting_city_count c UNION ALL SELECT m::text FROM sighting_month_count m)"
                    + " u")
            .getSingleResult());
  }

  private void post(String path, Map<String, ?> body) {
    moderator.as().body(body).post(path).then().statusCode(200);
  }

  private void assertExact() {
    assertEquals(0, fixtures.count(DIFFERENCE));
  }
}
