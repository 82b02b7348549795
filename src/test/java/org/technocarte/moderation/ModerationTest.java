package org.technocarte.moderation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.technocarte.sighting.SightingFixtures.MONTPELLIER_COMEDIE;
import static org.technocarte.sighting.SightingFixtures.MONTPELLIER_GARE;
import static org.technocarte.sighting.SightingFixtures.PARIS_REPUBLIQUE;
import static org.technocarte.sighting.SightingFixtures.feature;
import static org.technocarte.sighting.SightingFixtures.properties;
import static org.technocarte.sighting.SightingFixtures.submitted;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.technocarte.sighting.SightingFixtures;

/** The queue and each moderation action, with their refusals, audit entries and reverts. */
@QuarkusTest
class ModerationTest {

  @Inject ModerationFixtures fixtures;
  @Inject SightingFixtures sightings;

  private ModerationFixtures.Session moderator;

  @BeforeEach
  void aGroupInMontpellier() {
    fixtures.clear();
    moderator =
        fixtures.moderatorOf(
            "Technopolice Montpellier", ModerationFixtures.TERRITORY_A, "mod@montpellier.test");
  }

  @Test
  void shouldQueueMyTerritorysPendingSightingsOldestFirstWithNearbyCameras() {
    long existing = sightings.approved(feature(MONTPELLIER_COMEDIE));
    long first = submitted(feature(MONTPELLIER_COMEDIE));
    long second = submitted(feature(MONTPELLIER_GARE));
    submitted(feature(PARIS_REPUBLIQUE)); // another territory
    JsonPath queue =
        moderator.as().get("/api/moderation/queue").then().statusCode(200).extract().jsonPath();
    assertEquals(List.of((int) first, (int) second), queue.getList("sighting.id"));
    assertEquals(List.of((int) existing), queue.getList("[0].candidates.id"));
    assertEquals(List.of(), queue.getList("[1].candidates.id"));
  }

  /**
   * Each item's candidates are the cameras within 25 m, nearest first, read for the whole page at
   * once: three at 20, 5 and 12 m east of a pending one come as 5, 12, 20; one at 40 m does not.
   */
  @Test
  void shouldListEachItemsCandidatesNearestFirst() {
    double metre = 1 / (111_320 * Math.cos(Math.toRadians(MONTPELLIER_COMEDIE[1])));
    long[] east = new long[4];
    double[] metres = {20, 5, 12, 40};
    for (int i = 0; i < metres.length; i++) {
      east[i] =
          sightings.approved(
              feature(
                  new double[] {
                    MONTPELLIER_COMEDIE[0] + metres[i] * metre, MONTPELLIER_COMEDIE[1]
                  }));
    }
    long pending = submitted(feature(MONTPELLIER_COMEDIE));
    long alone = submitted(feature(MONTPELLIER_GARE));
    JsonPath queue =
        moderator.as().get("/api/moderation/queue").then().statusCode(200).extract().jsonPath();
    assertEquals(List.of((int) pending, (int) alone), queue.getList("sighting.id"));
    assertEquals(
        List.of((int) east[1], (int) east[2], (int) east[0]), queue.getList("[0].candidates.id"));
    assertEquals(List.of(), queue.getList("[1].candidates.id"));
  }

  @Test
  void shouldApproveAndPublish() {
    long id = submitted(feature(MONTPELLIER_COMEDIE));
    approve(id, 0).statusCode(200).body("properties.status", equalTo("approved"));
    given().get("/api/sightings/" + id).then().statusCode(200);
    approve(id, 1).statusCode(409).body("type", equalTo("/problems/wrong-status"));
  }

  @Test
  void shouldRefuseAnActionOnAStaleVersion() {
    long id = submitted(feature(MONTPELLIER_COMEDIE));
    edit(id, 0, Map.of("notes", "Vise la place")).statusCode(200);
    approve(id, 0).statusCode(409).body("type", equalTo("/problems/stale-version"));
    moderator
        .as()
        .body(Map.of())
        .post("/api/moderation/sightings/" + id + "/approve")
        .then()
        .statusCode(422)
        .body("errors.field", hasItem("version"));
    approve(id, 1).statusCode(200);
  }

  @Test
  void shouldRejectWithAReasonFromTheList() {
    long id = submitted(feature(MONTPELLIER_COMEDIE));
    reject(id, Map.of("version", 0, "reason", "cat"))
        .statusCode(422)
        .body("code", equalTo("validation"))
        .body("errors.field", hasItem("reason"))
        .body("errors.find { it.field == 'reason' }.code", equalTo("not-one-of"));
    reject(id, Map.of("version", 0, "reason", "other"))
        .statusCode(422)
        .body("errors.field", hasItem("comment"))
        .body("errors.find { it.field == 'comment' }.code", equalTo("required-with"))
        .body(
            "errors.find { it.field == 'comment' }.message",
            equalTo("is required when the reason is other"));
    reject(
            id,
            Map.of("version", 0, "reason", "not_surveillance", "comment", "Un détecteur de fumée"))
        .statusCode(200)
        .body("properties.status", equalTo("rejected"));
    history(id)
        .body("[0].action", equalTo("reject"))
        .body("[0].reason", equalTo("not_surveillance: Un détecteur de fumée"))
        .body("[0].actor", equalTo("mod"));
  }

  @Test
  void shouldEditAnyFieldAndThePositionWithinTheTerritory() {
    long id = submitted(feature(MONTPELLIER_COMEDIE));
    ObjectNode changes = SightingFixtures.JSON.createObjectNode().put("type", "Feature");
    changes
        .putObject("geometry")
        .put("type", "Point")
        .putArray("coordinates")
        .add(MONTPELLIER_GARE[0])
        .add(MONTPELLIER_GARE[1]);
    changes.putObject("properties").put("cameraType", "fixed").put("vsaSuspected", true);
    moderator
        .as()
        .body(Map.of("version", 0, "reason", "Position corrigée sur place", "changes", changes))
        .patch("/api/moderation/sightings/" + id)
        .then()
        .statusCode(200)
        .body("properties.cameraType", equalTo("fixed"))
        .body("properties.vsaSuspected", equalTo(true))
        .body("geometry.coordinates[0]", equalTo((float) MONTPELLIER_GARE[0]));
    ObjectNode away = SightingFixtures.JSON.createObjectNode().put("type", "Feature");
    away.putObject("geometry")
        .put("type", "Point")
        .putArray("coordinates")
        .add(PARIS_REPUBLIQUE[0])
        .add(PARIS_REPUBLIQUE[1]);
    moderator
        .as()
        .body(Map.of("version", 1, "changes", away))
        .patch("/api/moderation/sightings/" + id)
        .then()
        .statusCode(403);
    ObjectNode invalid = SightingFixtures.JSON.createObjectNode().put("type", "Feature");
    invalid.putObject("properties").put("cameraType", "bullet");
    moderator
        .as()
        .body(Map.of("version", 1, "changes", invalid))
        .patch("/api/moderation/sightings/" + id)
        .then()
        .statusCode(422);
    given().get("/api/sightings/" + id).then().statusCode(404); // still pending
    assertEquals(1, fixtures.count("SELECT count(*) FROM moderation_action"));
  }

  @Test
  void shouldMergeADuplicateIntoTheExistingCamera() {
    ObjectNode old = feature(MONTPELLIER_COMEDIE);
    properties(old).put("observedAt", "2024-05-01");
    long target = sightings.approved(old);
    ObjectNode again = feature(MONTPELLIER_COMEDIE);
    properties(again).put("observedAt", "2026-01-15");
    long duplicate = submitted(again);
    merge(duplicate, 0, target)
        .statusCode(200)
        .body("id", equalTo((int) target))
        .body("properties.checkDate", equalTo("2026-01-15"));
    assertEquals(1, sightings.confirmations(target));
    assertEquals(
        target, fixtures.count("SELECT merged_into FROM sighting WHERE id = " + duplicate));
    assertEquals(1, fixtures.count("SELECT count(*) FROM sighting WHERE status = 'merged'"));
  }

  @Test
  void shouldApproveInBulkAllOrNothing() {
    long a = submitted(feature(MONTPELLIER_COMEDIE));
    long b = submitted(feature(MONTPELLIER_GARE));
    moderator
        .as()
        .body(
            Map.of(
                "sightings", List.of(Map.of("id", a, "version", 0), Map.of("id", b, "version", 7))))
        .post("/api/moderation/approvals")
        .then()
        .statusCode(409);
    assertEquals(0, fixtures.count("SELECT count(*) FROM sighting WHERE status = 'approved'"));
    moderator
        .as()
        .body(
            Map.of(
                "sightings", List.of(Map.of("id", a, "version", 0), Map.of("id", b, "version", 0))))
        .post("/api/moderation/approvals")
        .then()
        .statusCode(200)
        .body("$", hasSize(2));
    assertEquals(2, fixtures.count("SELECT count(*) FROM sighting WHERE status = 'approved'"));
  }

  @Test
  void shouldRevertAnEditToExactlyThePreviousState() {
    long id = submitted(feature(MONTPELLIER_COMEDIE));
    String original = publicFields(id);
    edit(id, 0, Map.of("notes", "Changée", "cameraType", "panning", "directions", List.of(10, 200)))
        .statusCode(200);
    long action = history(id).extract().jsonPath().getLong("[0].id");
    moderator
        .as()
        .body(Map.of("reason", "Erreur"))
        .post("/api/moderation/actions/" + action + "/revert")
        .then()
        .statusCode(200)
        .body("action", equalTo("revert"))
        .body("reverts", equalTo((int) action));
    assertEquals(original, publicFields(id));
    moderator
        .as()
        .body(Map.of())
        .post("/api/moderation/actions/" + action + "/revert")
        .then()
        .statusCode(409)
        .body("type", equalTo("/problems/already-reverted"));
    history(id)
        .body("$", hasSize(2))
        .body("[1].revertedBy", equalTo(history(id).extract().jsonPath().getInt("[0].id")));
  }

  @Test
  void shouldRevertAMergeOnBothSightingsAndItsConfirmation() {
    long target = sightings.approved(feature(MONTPELLIER_COMEDIE));
    String targetBefore = publicFields(target);
    long duplicate = submitted(feature(MONTPELLIER_COMEDIE));
    merge(duplicate, 0, target).statusCode(200);
    long action = history(duplicate).extract().jsonPath().getLong("[0].id");
    moderator
        .as()
        .body(Map.of())
        .post("/api/moderation/actions/" + action + "/revert")
        .then()
        .statusCode(200);
    assertEquals(0, sightings.confirmations(target));
    assertEquals(targetBefore, publicFields(target));
    assertEquals(0, fixtures.count("SELECT count(*) FROM sighting WHERE status = 'merged'"));
    // The revert itself is an action: reverting it merges again.
    long revert = history(duplicate).extract().jsonPath().getLong("[0].id");
    moderator
        .as()
        .body(Map.of())
        .post("/api/moderation/actions/" + revert + "/revert")
        .then()
        .statusCode(200);
    assertEquals(1, sightings.confirmations(target));
    assertEquals(1, fixtures.count("SELECT count(*) FROM sighting WHERE status = 'merged'"));
  }

  @Test
  void shouldRefuseToRevertWhatChangedSince() {
    long id = submitted(feature(MONTPELLIER_COMEDIE));
    edit(id, 0, Map.of("notes", "un")).statusCode(200);
    long firstEdit = history(id).extract().jsonPath().getLong("[0].id");
    approve(id, 1).statusCode(200);
    moderator
        .as()
        .body(Map.of())
        .post("/api/moderation/actions/" + firstEdit + "/revert")
        .then()
        .statusCode(409)
        .body("type", equalTo("/problems/changed-since"));
  }

  @Test
  void shouldKeepTheGroupsHistory() {
    long id = submitted(feature(MONTPELLIER_COMEDIE));
    approve(id, 0).statusCode(200);
    long group = fixtures.count("SELECT id FROM local_group");
    moderator
        .as()
        .get("/api/moderation/groups/" + group + "/history")
        .then()
        .statusCode(200)
        .body("sightingId", equalTo(List.of((int) id)))
        .body("[0].before.sightings." + id + ".status", equalTo("pending"))
        .body("[0].after.sightings." + id + ".status", equalTo("approved"));
  }

  /** The stored row, but for what every change moves on (version, updated_at). */
  private String publicFields(long id) {
    return sightings.stateOf(id);
  }

  private io.restassured.response.ValidatableResponse approve(long id, int version) {
    return moderator
        .as()
        .body(Map.of("version", version))
        .post("/api/moderation/sightings/" + id + "/approve")
        .then();
  }

  private io.restassured.response.ValidatableResponse reject(long id, Map<String, Object> body) {
    return moderator.as().body(body).post("/api/moderation/sightings/" + id + "/reject").then();
  }

  private io.restassured.response.ValidatableResponse merge(long id, int version, long target) {
    return moderator
        .as()
        .body(Map.of("version", version, "targetId", target))
        .post("/api/moderation/sightings/" + id + "/merge")
        .then();
  }

  private io.restassured.response.ValidatableResponse edit(
      long id, int version, Map<String, Object> properties) {
    return moderator
        .as()
        .body(
            Map.of(
                "version", version, "changes", Map.of("type", "Feature", "properties", properties)))
        .patch("/api/moderation/sightings/" + id)
        .then();
  }

  private io.restassured.response.ValidatableResponse history(long id) {
    return moderator
        .as()
        .get("/api/moderation/sightings/" + id + "/history")
        .then()
        .statusCode(200);
  }
}
