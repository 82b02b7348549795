package org.technocarte.moderation;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.technocarte.sighting.SightingFixtures.MONTPELLIER_COMEDIE;
import static org.technocarte.sighting.SightingFixtures.MONTPELLIER_GARE;
import static org.technocarte.sighting.SightingFixtures.feature;
import static org.technocarte.sighting.SightingFixtures.properties;
import static org.technocarte.sighting.SightingFixtures.submitted;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.technocarte.sighting.SightingFixtures;

/** The queue in pages, with the count of all pending sightings and its filters. */
@QuarkusTest
class QueuePagingTest {

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
  void shouldPageTheQueueOldestFirstAndSayHowManyArePendingInAll() {
    List<Integer> sent = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      sent.add((int) submitted(feature(i % 2 == 0 ? MONTPELLIER_COMEDIE : MONTPELLIER_GARE)));
    }
    List<Integer> seen = new ArrayList<>();
    String query = "/api/moderation/queue?limit=2";
    int pages = 0;
    while (query != null) {
      Response page = moderator.as().get(query);
      page.then().statusCode(200).header("X-Total-Count", "5");
      seen.addAll(page.jsonPath().getList("sighting.id"));
      String next = page.header("X-Next-Cursor");
      if (next != null) {
        assertTrue(page.header("Link").contains("rel=\"next\""), page.header("Link"));
        assertTrue(page.header("Link").contains("after=" + next), page.header("Link"));
      }
      query = next == null ? null : "/api/moderation/queue?limit=2&after=" + next;
      pages++;
    }
    assertEquals(sent, seen, "each pending sighting once, oldest first");
    assertEquals(3, pages);
  }

  @Test
  void shouldEachEntryCarryItsCandidatesWithin25Metres() {
    long existing = sightings.approved(feature(MONTPELLIER_COMEDIE));
    submitted(feature(MONTPELLIER_COMEDIE));
    moderator
        .as()
        .get("/api/moderation/queue")
        .then()
        .statusCode(200)
        .header("X-Total-Count", "1")
        .header("X-Next-Cursor", nullValue())
        .body("[0].candidates.id", equalTo(List.of((int) existing)))
        .body("[0].candidates[0].geometry.type", equalTo("Point"));
  }

  @Test
  void shouldFilterByVsaSuspectedAgeCityAndPhotos() {
    var vsa = feature(MONTPELLIER_COMEDIE);
    properties(vsa).put("vsaSuspected", true);
    long suspected = submitted(vsa);
    long old = submitted(feature(MONTPELLIER_GARE));
    fixtures.execute(
        "UPDATE sighting SET created_at = now() - interval '10 days' WHERE id = " + old);
    assertEquals(List.of((int) suspected), ids("vsaSuspected=true"));
    assertEquals(List.of((int) old), ids("vsaSuspected=false"));
    assertEquals(List.of((int) old), ids("age=older"));
    assertEquals(List.of((int) suspected), ids("age=day"));
    assertEquals(List.of((int) old, (int) suspected), ids("city=2992166"));
    assertEquals(List.of(), ids("city=6455259"));
    assertEquals(List.of(), ids("photos=true"));
    assertEquals(List.of((int) old, (int) suspected), ids("photos=false"));
    moderator
        .as()
        .get("/api/moderation/queue?vsaSuspected=true")
        .then()
        .header("X-Total-Count", "1");
  }

  @Test
  void shouldRefuseBadParametersWithCodes() {
    moderator
        .as()
        .get("/api/moderation/queue?limit=0&age=century&after=x&vsaSuspected=maybe&colour=red")
        .then()
        .statusCode(400)
        .body("code", equalTo("bad-parameter"))
        .body("errors.find { it.field == 'limit' }.code", equalTo("out-of-range"))
        .body("errors.find { it.field == 'age' }.code", equalTo("not-one-of"))
        .body("errors.find { it.field == 'after' }.code", equalTo("bad-format"))
        .body("errors.find { it.field == 'vsaSuspected' }.code", equalTo("not-a-boolean"))
        .body("errors.field", hasItem("colour"));
    // A city is its code, as on the map and the exports: a name is refused, not silently empty.
    moderator
        .as()
        .get("/api/moderation/queue?city=Montpellier")
        .then()
        .statusCode(400)
        .body("errors.find { it.field == 'city' }.code", equalTo("bad-format"));
  }

  private List<Integer> ids(String query) {
    Response page = moderator.as().get("/api/moderation/queue?" + query);
    page.then().statusCode(200);
    assertNull(page.header("X-Next-Cursor"));
    return page.jsonPath().getList("sighting.id");
  }
}
