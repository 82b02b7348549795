package org.technocarte.group;

import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.technocarte.sighting.SightingFixtures.MONTPELLIER_COMEDIE;
import static org.technocarte.sighting.SightingFixtures.feature;
import static org.technocarte.sighting.SightingFixtures.submitted;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.technocarte.moderation.ModerationFixtures;

/** A site admin deletes a group, its history kept; a territory is checked before it is saved. */
@QuarkusTest
class GroupDeleteAndCheckTest {

  /** Roughly the rectangle drawn blind in the field: 3.3–7.7°E × 43.5–46°N. */
  private static final double[] SOUTH_EAST = {3.3, 43.5, 7.7, 46.0};

  @Inject ModerationFixtures fixtures;
  private ModerationFixtures.Session site;
  private ModerationFixtures.Session moderator;
  private long montpellier;

  @BeforeEach
  void aGroupInMontpellier() {
    fixtures.clear();
    fixtures.user("site@test.fr", true);
    site = ModerationFixtures.login("site@test.fr");
    montpellier = fixtures.group("Technopolice Montpellier", ModerationFixtures.TERRITORY_A);
    fixtures.member(fixtures.user("mod@montpellier.test", false), montpellier, "admin");
    moderator = ModerationFixtures.login("mod@montpellier.test");
  }

  @Test
  void shouldLetOnlyASiteAdminDeleteAGroupAndKeepItsActionsInTheHistory() {
    long id = submitted(feature(MONTPELLIER_COMEDIE));
    moderator
        .as()
        .body(Map.of("version", 0))
        .post("/api/moderation/sightings/" + id + "/approve")
        .then()
        .statusCode(200);
    moderator
        .as()
        .delete("/api/groups/" + montpellier)
        .then()
        .statusCode(403)
        .body("code", equalTo("forbidden"));
    site.as().delete("/api/groups/" + montpellier).then().statusCode(204);
    site.as().get("/api/groups/" + montpellier).then().statusCode(404);
    site.as().delete("/api/groups/" + montpellier).then().statusCode(404);
    assertEquals(0, fixtures.count("SELECT count(*) FROM membership"));
    assertEquals(
        1,
        fixtures.count(
            "SELECT count(*) FROM moderation_action WHERE sighting_id = "
                + id
                + " AND action = 'approve' AND group_id IS NULL"));
    site.as()
        .get("/api/moderation/sightings/" + id + "/history")
        .then()
        .statusCode(200)
        .body("[0].action", equalTo("approve"))
        .body("[0].actor", equalTo("mod"));
  }

  @Test
  void shouldWarnOfATerritoryOverlappingAnotherGroupOrLargerThanARegion() {
    site.as()
        .body("{\"territory\":" + ModerationFixtures.polygon(SOUTH_EAST) + "}")
        .post("/api/groups/territory-check")
        .then()
        .statusCode(200)
        .body("largerThanRegion", equalTo(true))
        .body("overlaps.name", equalTo(List.of("Technopolice Montpellier")))
        .body("overlaps[0].id", equalTo((int) montpellier));
    // The group's own territory, while it is being changed, is no overlap.
    moderator
        .as()
        .body(
            "{\"groupId\":"
                + montpellier
                + ",\"territory\":"
                + ModerationFixtures.polygon(ModerationFixtures.TERRITORY_A)
                + "}")
        .post("/api/groups/territory-check")
        .then()
        .statusCode(200)
        .body("largerThanRegion", equalTo(false))
        .body("areaKm2", both(greaterThan(9.7f)).and(lessThan(11.7f)))
        .body("overlaps", empty());
    site.as()
        .body("{\"territory\":" + ModerationFixtures.polygon(ModerationFixtures.TERRITORY_B) + "}")
        .post("/api/groups/territory-check")
        .then()
        .statusCode(200)
        .body("overlaps", empty());
    site.as()
        .body("{\"territory\":{\"type\":\"Point\",\"coordinates\":[3.8,43.6]}}")
        .post("/api/groups/territory-check")
        .then()
        .statusCode(422)
        .body("errors[0].field", equalTo("territory.type"))
        .body("errors[0].code", equalTo("wrong-type"));
  }
}
