package org.technocarte.common.database;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.technocarte.sighting.SightingFixtures.MONTPELLIER_COMEDIE;
import static org.technocarte.sighting.SightingFixtures.feature;
import static org.technocarte.sighting.SightingFixtures.properties;
import static org.technocarte.sighting.SightingFixtures.submit;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.technocarte.sighting.SightingFixtures;

/**
 * Public reads come from the read datasource; writes and the reads that must see their own write do
 * not. The "replica" here is the test database seen through a schema of its own, {@value
 * #REPLICA_SCHEMA}, whose sighting table holds other content than the primary's: which one answers
 * tells which datasource was used.
 */
@QuarkusTest
@TestProfile(ReadReplicaTest.ReplicaWithOtherContent.class)
class ReadReplicaTest {

  static final String REPLICA_SCHEMA = "replica_copy";
  static final String PRIMARY_OPERATOR = "Operator seen on the primary";
  static final String REPLICA_OPERATOR = "Operator seen on the replica";

  public static class ReplicaWithOtherContent implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      String primary =
          "jdbc:postgresql://127.0.0.1:"
              + System.getenv().getOrDefault("TECHNOCARTE_PG_PORT", "55432")
              + "/technocarte_test";
      // Tables the copy does not have (city_evidence…) are read from public.
      return Map.of(
          "quarkus.datasource.read.jdbc.url",
          primary + "?currentSchema=" + REPLICA_SCHEMA + ",public");
    }
  }

  @Inject SightingFixtures fixtures;
  @Inject AgroalDataSource primary;
  @Inject ReadConnections reads;

  private long approvedId;

  /** One approved sighting on the primary, and its copy on the replica with another operator. */
  @BeforeEach
  void twoDatabases() throws SQLException {
    fixtures.clear();
    var camera = feature(MONTPELLIER_COMEDIE);
    properties(camera).put("operator", PRIMARY_OPERATOR);
    approvedId = fixtures.approved(camera);
    try (Connection connection = primary.getConnection();
        Statement sql = connection.createStatement()) {
      sql.execute("DROP SCHEMA IF EXISTS " + REPLICA_SCHEMA + " CASCADE");
      sql.execute("CREATE SCHEMA " + REPLICA_SCHEMA);
      sql.execute(
          "CREATE TABLE " + REPLICA_SCHEMA + ".sighting (LIKE public.sighting INCLUDING ALL)");
      String columns;
      try (ResultSet rows =
          sql.executeQuery(
              "SELECT string_agg(column_name, ',') FROM information_schema.columns"
                  + " WHERE table_schema = 'public' AND table_name = 'sighting'"
                  + " AND is_generated = 'NEVER'")) {
        rows.next();
        columns = rows.getString(1);
      }
      sql.execute(
          "INSERT INTO "
              + REPLICA_SCHEMA
              + ".sighting ("
              + columns
              + ") SELECT "
              + columns
              + " FROM public.sighting");
      sql.execute(
          "UPDATE " + REPLICA_SCHEMA + ".sighting SET operator = '" + REPLICA_OPERATOR + "'");
    }
  }

  @AfterEach
  void dropTheCopy() throws SQLException {
    try (Connection connection = primary.getConnection();
        Statement sql = connection.createStatement()) {
      sql.execute("DROP SCHEMA IF EXISTS " + REPLICA_SCHEMA + " CASCADE");
    }
  }

  @Test
  void shouldAnswerEveryPublicReadFromTheReplica() throws SQLException {
    for (PublicReads.Read read : PublicReads.of(approvedId, REPLICA_OPERATOR)) {
      String body = read.answersWithIt();
      assertTrue(!body.contains(PRIMARY_OPERATOR), read.name() + " came from the primary");
    }
    assertTrue(reads.replicaInUse());
    // The replica's pool is the one named for it in pg_stat_activity.
    try (Connection connection = primary.getConnection();
        PreparedStatement sql =
            connection.prepareStatement(
                "SELECT count(*) FROM pg_stat_activity WHERE application_name = 'technocarte-read'"
                    + " AND datname = current_database()");
        ResultSet rows = sql.executeQuery()) {
      rows.next();
      assertTrue(rows.getLong(1) > 0, "no connection of the read pool in pg_stat_activity");
    }
  }

  @Test
  void shouldWriteAndReadOwnWritesOnThePrimary() throws SQLException {
    var camera = feature(MONTPELLIER_COMEDIE);
    properties(camera).put("operator", "Walker's own camera");
    var created = submit(camera).statusCode(201).extract().jsonPath();
    long id = created.getLong("id");
    String token = created.getString("properties.editToken");

    assertEquals(1, count("public"), "the new sighting is on the primary");
    assertEquals(0, count(REPLICA_SCHEMA), "and not written to the replica");
    // The walker reads their pending sighting at once: from the primary (the replica lacks it).
    given()
        .header("X-Edit-Token", token)
        .get("/api/sightings/" + id)
        .then()
        .statusCode(200)
        .body("properties.operator", equalTo("Walker's own camera"));
    // Their amendment is read back from the primary too.
    given()
        .header("X-Edit-Token", token)
        .contentType("application/geo+json")
        .body("{\"type\":\"Feature\",\"properties\":{\"notes\":\"Au coin de la rue\"}}")
        .patch("/api/sightings/" + id)
        .then()
        .statusCode(200)
        .body("properties.notes", equalTo("Au coin de la rue"));
    // The approved sighting read with a token is the primary's too, not the replica's.
    given()
        .header("X-Edit-Token", token)
        .get("/api/sightings/" + approvedId)
        .then()
        .statusCode(200)
        .body("properties.operator", equalTo(PRIMARY_OPERATOR));
    // Without the token, the public read (replica) knows only approved sightings.
    given().get("/api/sightings/" + id).then().statusCode(404);
    given()
        .get("/api/sightings/" + approvedId)
        .then()
        .statusCode(200)
        .body("properties.operator", not(Matchers.equalTo(PRIMARY_OPERATOR)));
  }

  private long count(String schema) throws SQLException {
    try (Connection connection = primary.getConnection();
        Statement sql = connection.createStatement();
        ResultSet rows =
            sql.executeQuery(
                "SELECT count(*) FROM " + schema + ".sighting WHERE status = 'pending'")) {
      rows.next();
      return rows.getLong(1);
    }
  }
}
