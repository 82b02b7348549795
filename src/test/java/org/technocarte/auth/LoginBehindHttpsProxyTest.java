package org.technocarte.auth;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.technocarte.moderation.ModerationFixtures;

/** Behind a TLS proxy that says so, the session cookie is marked Secure. */
@QuarkusTest
@TestProfile(LoginBehindHttpsProxyTest.BehindProxy.class)
class LoginBehindHttpsProxyTest {

  public static class BehindProxy implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "quarkus.http.proxy.proxy-address-forwarding", "true",
          "quarkus.http.proxy.allow-x-forwarded", "true");
    }
  }

  @Inject ModerationFixtures fixtures;

  @Test
  void shouldMarkTheCookieSecureBehindHttps() {
    fixtures.clear();
    fixtures.user("camille@collectif.test", false);
    Response answer =
        given()
            .contentType("application/json")
            .header("X-Forwarded-Proto", "https")
            .body(
                Map.of("email", "camille@collectif.test", "password", ModerationFixtures.PASSWORD))
            .post("/api/auth/login");
    answer.then().statusCode(200);
    assertTrue(answer.getHeader("Set-Cookie").contains("Secure"), answer.getHeader("Set-Cookie"));
  }
}
