package org.technocarte.auth;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.technocarte.moderation.ModerationFixtures;

@QuarkusTest
class LoginTest {

  @Inject ModerationFixtures fixtures;
  @Inject AdminBootstrap bootstrap;
  @Inject LoginThrottle throttle;
  @Inject AgroalDataSource dataSource;

  @BeforeEach
  void oneModerator() {
    fixtures.clear();
    fixtures.user("camille@collectif.test", false);
  }

  @Test
  void shouldSetAProtectedSessionCookieAndGiveTheCsrfToken() {
    Response answer =
        given()
            .contentType("application/json")
            .body(
                Map.of("email", "Camille@Collectif.test ", "password", ModerationFixtures.PASSWORD))
            .post("/api/auth/login");
    answer
        .then()
        .statusCode(200)
        .body("email", equalTo("camille@collectif.test"))
        .body("csrfToken", notNullValue());
    String setCookie = answer.getHeader("Set-Cookie");
    assertTrue(setCookie.contains("HttpOnly"), setCookie);
    assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
    assertTrue(setCookie.contains("Path=/"), setCookie);
    assertFalse(setCookie.contains("Secure"), "plain http here: " + setCookie);
    given()
        .cookie("technocarte_session", answer.getCookie("technocarte_session"))
        .get("/api/auth/me")
        .then()
        .statusCode(200)
        .body("displayName", equalTo("camille"))
        .body("csrfToken", equalTo(answer.jsonPath().getString("csrfToken")));
  }

  @Test
  void shouldNotSayWhetherTheEmailOrThePasswordIsWrong() {
    String wrongPassword = failedLogin("camille@collectif.test", "not the password");
    String unknownEmail = failedLogin("nobody@collectif.test", ModerationFixtures.PASSWORD);
    assertEquals(wrongPassword, unknownEmail);
    given()
        .contentType("application/json")
        .body("{}")
        .post("/api/auth/login")
        .then()
        .statusCode(401);
  }

  @Test
  void shouldRefuseChangesWithoutTheCsrfToken() {
    ModerationFixtures.Session session = ModerationFixtures.login("camille@collectif.test");
    given()
        .cookie("technocarte_session", session.cookie())
        .post("/api/auth/logout")
        .then()
        .statusCode(403)
        .body("type", equalTo("/problems/csrf"));
    given()
        .cookie("technocarte_session", session.cookie())
        .header("X-CSRF-Token", "forged")
        .post("/api/auth/logout")
        .then()
        .statusCode(403);
    session.as().post("/api/auth/logout").then().statusCode(204);
    given()
        .cookie("technocarte_session", session.cookie())
        .get("/api/auth/me")
        .then()
        .statusCode(401);
  }

  @Test
  void shouldSlowDownPasswordGuessing() {
    fixtures.user("guessed@collectif.test", false);
    for (int i = 0; i < LoginThrottle.PER_ACCOUNT; i++) {
      failedLogin("guessed@collectif.test", "guess " + i);
    }
    // Even the right password waits now.
    given()
        .contentType("application/json")
        .body(Map.of("email", "guessed@collectif.test", "password", ModerationFixtures.PASSWORD))
        .post("/api/auth/login")
        .then()
        .statusCode(429)
        .header("Retry-After", notNullValue())
        .contentType("application/problem+json");
  }

  @Test
  void shouldForgetFailedLoginsOnceOutOfTheWindowOrOfAPastDay() throws SQLException {
    execute(
        "INSERT INTO login_failure (key, day, failed_at) VALUES"
            + " ('purge-test-old', current_date, now() - interval '16 minutes'),"
            + " ('purge-test-yesterday', current_date - 1, now()),"
            + " ('purge-test-recent', current_date, now())");

    throttle.purge();

    assertEquals(
        1, fixtures.count("SELECT count(*) FROM login_failure WHERE key LIKE 'purge-test-%'"));
    assertEquals(
        1, fixtures.count("SELECT count(*) FROM login_failure WHERE key = 'purge-test-recent'"));
    execute("DELETE FROM login_failure WHERE key LIKE 'purge-test-%'");
  }

  private void execute(String sql) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate(sql);
    }
  }

  @Test
  void shouldCreateTheFirstSiteAdminFromTheEnvironmentOnce() {
    bootstrap.onStart(null);
    given()
        .contentType("application/json")
        .body(Map.of("email", "admin@technocarte.test", "password", "first admin password"))
        .post("/api/auth/login")
        .then()
        .statusCode(200)
        .body("siteAdmin", equalTo(true));
    bootstrap.onStart(null);
    assertEquals(1, fixtures.count("SELECT count(*) FROM app_user WHERE site_admin"));
  }

  private static String failedLogin(String email, String password) {
    return given()
        .contentType("application/json")
        .body(Map.of("email", email, "password", password))
        .post("/api/auth/login")
        .then()
        .statusCode(401)
        .contentType("application/problem+json")
        .body("type", org.hamcrest.Matchers.equalTo("/problems/login-failed"))
        .body("code", org.hamcrest.Matchers.equalTo("login-failed"))
        .body("detail", org.hamcrest.Matchers.equalTo("Email or password is wrong"))
        .extract()
        .asString();
  }
}
