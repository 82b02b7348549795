package org.technocarte.sighting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The database refuses what the API refuses, should anything bypass the API. */
@QuarkusTest
class DatabaseConstraintsTest {

  private static final String VALID =
      "INSERT INTO sighting (geom, surveillance_type) VALUES"
          + " (ST_SetSRID(ST_MakePoint(3.88, 43.61), 4326), 'camera')";

  @Inject DataSource dataSource;
  @Inject SightingFixtures fixtures;

  @BeforeEach
  void emptyTable() {
    fixtures.clear();
  }

  static List<String> invalidRows() {
    return List.of(
        VALID.replace("'camera'", "'drone'"),
        "INSERT INTO sighting (geom, surveillance_type) VALUES (ST_SetSRID(ST_MakePoint(200, 43), 4326), 'camera')",
        "INSERT INTO sighting (geom, surveillance_type) VALUES (ST_SetSRID(ST_MakePoint(3.88, 43.61), 2154), 'camera')",
        "INSERT INTO sighting (geom, surveillance_type, camera_type) VALUES (ST_SetSRID(ST_MakePoint(3.88, 43.61), 4326), 'camera', 'bullet')",
        "INSERT INTO sighting (geom, surveillance_type, mount) VALUES (ST_SetSRID(ST_MakePoint(3.88, 43.61), 4326), 'camera', 'tree')",
        "INSERT INTO sighting (geom, surveillance_type, directions) VALUES (ST_SetSRID(ST_MakePoint(3.88, 43.61), 4326), 'camera', '{360}')",
        "INSERT INTO sighting (geom, surveillance_type, directions) VALUES (ST_SetSRID(ST_MakePoint(3.88, 43.61), 4326), 'camera', '{1,2,3,4,5,6,7,8,9}')",
        "INSERT INTO sighting (geom, surveillance_type, field_of_view) VALUES (ST_SetSRID(ST_MakePoint(3.88, 43.61), 4326), 'camera', 0)",
        "INSERT INTO sighting (geom, surveillance_type, area) VALUES (ST_SetSRID(ST_MakePoint(3.88, 43.61), 4326), 'camera', 'private')",
        "INSERT INTO sighting (geom, surveillance_type, zone) VALUES (ST_SetSRID(ST_MakePoint(3.88, 43.61), 4326), 'camera', 'school')",
        "INSERT INTO sighting (geom, surveillance_type, operator_type) VALUES (ST_SetSRID(ST_MakePoint(3.88, 43.61), 4326), 'camera', 'army')",
        "INSERT INTO sighting (geom, surveillance_type, height) VALUES (ST_SetSRID(ST_MakePoint(3.88, 43.61), 4326), 'camera', 0)",
        "INSERT INTO sighting (geom, surveillance_type, notes) VALUES (ST_SetSRID(ST_MakePoint(3.88, 43.61), 4326), 'camera', repeat('n', 2001))",
        "INSERT INTO sighting (geom, surveillance_type, status) VALUES (ST_SetSRID(ST_MakePoint(3.88, 43.61), 4326), 'camera', 'deleted')",
        "INSERT INTO sighting (geom, surveillance_type, source) VALUES (ST_SetSRID(ST_MakePoint(3.88, 43.61), 4326), 'camera', 'scraper')",
        "INSERT INTO sighting (geom, surveillance_type, observed_at, check_date) VALUES (ST_SetSRID(ST_MakePoint(3.88, 43.61), 4326), 'camera', '2025-05-02', '2025-05-01')");
  }

  @ParameterizedTest
  @MethodSource("invalidRows")
  void shouldRefuseRowsTheApiWouldRefuse(String insert) throws SQLException {
    try (Connection connection = dataSource.getConnection();
        Statement statement = connection.createStatement()) {
      assertThrows(SQLException.class, () -> statement.executeUpdate(insert));
      assertEquals(1, statement.executeUpdate(VALID), "the same row, valid, is accepted");
    }
    assertEquals(1, fixtures.count());
  }
}
