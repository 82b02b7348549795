package org.technocarte.common.database;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.technocarte.sighting.SightingFixtures.MONTPELLIER_COMEDIE;
import static org.technocarte.sighting.SightingFixtures.feature;
import static org.technocarte.sighting.SightingFixtures.properties;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.technocarte.sighting.SightingFixtures;

/** A read replica is configured but down: every public read is answered by the primary. */
@QuarkusTest
@TestProfile(ReadReplicaDownTest.ReplicaDown.class)
class ReadReplicaDownTest {

  /** The replica's port is one that nothing listens on: each connection is refused. */
  public static class ReplicaDown implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.datasource.read.jdbc.url",
          "jdbc:postgresql://127.0.0.1:" + closedPort() + "/technocarte_test");
    }

    private static int closedPort() {
      try (ServerSocket socket = new ServerSocket(0)) {
        return socket.getLocalPort();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  @Inject SightingFixtures fixtures;
  @Inject ReadConnections reads;

  @Test
  void shouldAnswerEveryPublicReadFromThePrimaryWhenTheReplicaIsDown() {
    fixtures.clear();
    var camera = feature(MONTPELLIER_COMEDIE);
    properties(camera).put("operator", "Operator seen on the primary");
    long id = fixtures.approved(camera);
    assertTrue(reads.replicaConfigured());

    for (PublicReads.Read read : PublicReads.of(id, "Operator seen on the primary")) {
      read.answersWithIt();
    }
    assertFalse(reads.replicaInUse(), "the breaker keeps the dead replica aside");
  }
}
