package org.technocarte.moderation;

import static io.restassured.RestAssured.given;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Map;

/** Accounts, groups and sessions for the moderation tests, on the real database. */
@ApplicationScoped
public class ModerationFixtures {

  public static final String PASSWORD = "correct horse battery";

  /** bcrypt at the lowest cost: the tests log in often; the product uses cost 12. */
  private static final String PASSWORD_HASH = BcryptUtil.bcryptHash(PASSWORD, 4);

  /** Montpellier centre: the territory of group A (holds MONTPELLIER_COMEDIE and _GARE). */
  public static final double[] TERRITORY_A = {3.86, 43.59, 3.90, 43.62};

  /** Paris 11e: the territory of group B. */
  public static final double[] TERRITORY_B = {2.36, 48.85, 2.40, 48.87};

  private final EntityManager em;

  public ModerationFixtures(EntityManager em) {
    this.em = em;
  }

  /** A logged-in moderator: the cookie and the CSRF token a page would hold. */
  public record Session(String cookie, String csrf) {

    public RequestSpecification as() {
      return given()
          .cookie("technocarte_session", cookie)
          .header("X-CSRF-Token", csrf)
          .contentType("application/json");
    }
  }

  @Transactional
  public void clear() {
    for (String table :
        new String[] {
          "city_evidence_action",
          "city_evidence",
          "moderation_action",
          "confirmation",
          "sighting",
          "user_session",
          "invite",
          "membership",
          "local_group",
          "app_user"
        }) {
      // As SightingFixtures.clear: a loaded machine must not turn the set-up into a timeout.
      em.createNativeQuery("SET LOCAL statement_timeout = '60s'").executeUpdate();
      em.createNativeQuery("DELETE FROM " + table).executeUpdate();
    }
  }

  @Transactional
  public long user(String email, boolean siteAdmin) {
    return ((Number)
            em.createNativeQuery(
                    "INSERT INTO app_user (email, display_name, password_hash, site_admin)"
                        + " VALUES (:email, :name, :hash, :admin) RETURNING id")
                .setParameter("email", email)
                .setParameter("name", email.substring(0, email.indexOf('@')))
                .setParameter("hash", PASSWORD_HASH)
                .setParameter("admin", siteAdmin)
                .getSingleResult())
        .longValue();
  }

  @Transactional
  public long group(String name, double[] box) {
    return ((Number)
            em.createNativeQuery(
                    "INSERT INTO local_group (name, territory) VALUES (:name,"
                        + " ST_Multi(ST_MakeEnvelope(:a, :b, :c, :d, 4326))) RETURNING id")
                .setParameter("name", name)
                .setParameter("a", box[0])
                .setParameter("b", box[1])
                .setParameter("c", box[2])
                .setParameter("d", box[3])
                .getSingleResult())
        .longValue();
  }

  @Transactional
  public void member(long userId, long groupId, String role) {
    em.createNativeQuery("INSERT INTO membership (user_id, group_id, role) VALUES (:u, :g, :r)")
        .setParameter("u", userId)
        .setParameter("g", groupId)
        .setParameter("r", role)
        .executeUpdate();
  }

  /** A change the API cannot make (a sighting sent days ago). */
  @Transactional
  public void execute(String sql) {
    em.createNativeQuery(sql).executeUpdate();
  }

  @Transactional
  public long count(String sql) {
    return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
  }

  /**
   * A group named {@code name} over {@code box} whose one moderator, {@code email}, is logged in:
   * the start of most moderation tests. Each insert commits before the login reads it.
   */
  public Session moderatorOf(String name, double[] box, String email) {
    member(user(email, false), group(name, box), "moderator");
    return login(email);
  }

  public static Session login(String email) {
    Response answer =
        given()
            .contentType("application/json")
            .body(Map.of("email", email, "password", PASSWORD))
            .post("/api/auth/login");
    answer.then().statusCode(200);
    return new Session(
        answer.getCookie("technocarte_session"), answer.jsonPath().getString("csrfToken"));
  }

  public static String polygon(double[] box) {
    return "{\"type\":\"Polygon\",\"coordinates\":[[["
        + box[0]
        + ","
        + box[1]
        + "],["
        + box[2]
        + ","
        + box[1]
        + "],["
        + box[2]
        + ","
        + box[3]
        + "],["
        + box[0]
        + ","
        + box[3]
        + "],["
        + box[0]
        + ","
        + box[1]
        + "]]]}";
  }
}
