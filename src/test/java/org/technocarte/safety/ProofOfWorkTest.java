package org.technocarte.safety;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.technocarte.sighting.SightingFixtures;

/** A new sighting needs a solved challenge, each good once. */
@QuarkusTest
@TestProfile(ProofOfWorkTest.Difficulty8.class)
class ProofOfWorkTest {

  public static class Difficulty8 implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("technocarte.pow.difficulty", "8");
    }
  }

  static String challenge() {
    JsonPath answer =
        given()
            .get("/api/pow/challenge")
            .then()
            .statusCode(200)
            .header("Cache-Control", containsString("no-store"))
            .body("difficulty", equalTo(8))
            .body("algorithm", equalTo("sha256-leading-zero-bits"))
            .body("header", equalTo("X-Proof-Of-Work"))
            .extract()
            .jsonPath();
    return answer.getString("challenge");
  }

  /** What the browser does: count until the hash has enough leading zero bits. */
  static String solve(String challenge, int bits) {
    for (long nonce = 0; ; nonce++) {
      if (ProofOfWork.solves(challenge, Long.toString(nonce), bits)) {
        return challenge + ":" + nonce;
      }
    }
  }

  /** A nonce that does not solve it. */
  static String wrong(String challenge) {
    for (long nonce = 0; ; nonce++) {
      if (!ProofOfWork.solves(challenge, Long.toString(nonce), 8)) {
        return challenge + ":" + nonce;
      }
    }
  }

  static ValidatableResponse submitWith(String proof) {
    var request =
        given()
            .contentType("application/geo+json")
            .body(SightingFixtures.feature(SightingFixtures.MONTPELLIER_GARE).toString());
    if (proof != null) {
      request.header("X-Proof-Of-Work", proof);
    }
    return request.post("/api/sightings").then();
  }

  @Test
  void shouldAcceptASolvedChallenge() {
    submitWith(solve(challenge(), 8)).statusCode(201);
  }

  @Test
  void shouldAskForAProofWhenThereIsNone() {
    submitWith(null)
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/proof-of-work-required"));
  }

  @Test
  void shouldRefuseAMalformedProof() {
    submitWith("no-colon-here")
        .statusCode(400)
        .body("type", equalTo("/problems/malformed-proof-of-work"));
    submitWith("v1.1.8.x:12").statusCode(400);
  }

  @Test
  void shouldRefuseAWrongNonce() {
    submitWith(wrong(challenge()))
        .statusCode(403)
        .contentType("application/problem+json")
        .body("type", equalTo("/problems/invalid-proof-of-work"));
  }

  @Test
  void shouldRefuseAChallengeItDidNotIssue() {
    String genuine = challenge();
    // Same shape, easier difficulty, signature left as it was.
    String forged = genuine.replaceFirst("\\.8\\.", ".1.");
    submitWith(solve(forged, 1))
        .statusCode(403)
        .body("type", equalTo("/problems/invalid-proof-of-work"));
  }

  @Test
  void shouldRefuseAReplayedProof() {
    String proof = solve(challenge(), 8);
    submitWith(proof).statusCode(201);

    submitWith(proof).statusCode(403).body("type", equalTo("/problems/used-proof-of-work"));
  }
}
