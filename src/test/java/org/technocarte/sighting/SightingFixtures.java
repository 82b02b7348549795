package org.technocarte.sighting;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** Named places and helpers shared by the sighting tests; the database is the real PostGIS. */
@ApplicationScoped
public class SightingFixtures {

  /** Place de la Comédie, Montpellier. */
  public static final double[] MONTPELLIER_COMEDIE = {3.87967, 43.60851};

  /** Gare Saint-Roch, Montpellier: about 450 m south-west of the Comédie. */
  public static final double[] MONTPELLIER_GARE = {3.87631, 43.60478};

  /** Place de la République, Paris. */
  public static final double[] PARIS_REPUBLIQUE = {2.36323, 48.86742};

  /** Middle of the Atlantic: no place within reach. */
  public static final double[] MID_ATLANTIC = {-35.0, 40.0};

  public static final ObjectMapper JSON = new ObjectMapper();

  private final EntityManager em;

  public SightingFixtures(EntityManager em) {
    this.em = em;
  }

  /** A valid walker's submission at a place; tests change what they test. */
  public static ObjectNode feature(double[] place) {
    ObjectNode feature = JSON.createObjectNode().put("type", "Feature");
    ObjectNode geometry = feature.putObject("geometry").put("type", "Point");
    geometry.putArray("coordinates").add(place[0]).add(place[1]);
    ObjectNode properties = feature.putObject("properties");
    properties.put("surveillanceType", "camera").put("cameraType", "dome").put("mount", "wall");
    properties.putArray("directions").add(90);
    properties.put("zone", "town").put("area", "public");
    properties.put("operator", "Ville de Montpellier").put("operatorType", "public");
    return feature;
  }

  public static ObjectNode properties(ObjectNode feature) {
    return (ObjectNode) feature.get("properties");
  }

  public static ValidatableResponse submit(ObjectNode feature) {
    return given()
        .contentType("application/geo+json")
        .body(feature.toString())
        .when()
        .post("/api/sightings")
        .then();
  }

  /** Submits and returns the new id (after checking it was created). */
  public static long submitted(ObjectNode feature) {
    return submit(feature).statusCode(201).extract().jsonPath().getLong("id");
  }

  public static ObjectNode withClientId(ObjectNode feature, UUID clientId) {
    properties(feature).put("clientId", clientId.toString());
    return feature;
  }

  public static ValidatableResponse list(String query) {
    return given()
        .accept(ContentType.ANY)
        .when()
        .get(query.isEmpty() ? "/api/sightings" : "/api/sightings?" + query)
        .then();
  }

  @Transactional
  public void clear() {
    // Emptying the table cascades to photos, confirmations and actions: on a loaded machine that
    // can outlast the app's 5 s statement limit, which is not what any test is about.
    em.createNativeQuery("SET LOCAL statement_timeout = '60s'").executeUpdate();
    // The foreign-key checks and the triggers run with plans this pooled connection keeps from when
    // the table was small; after a test's bulk insert of 40,000 copies such a plan once took more
    // than a minute (CI, ExportSlotsTest) where a fresh one takes 2 s. Plan them again.
    em.createNativeQuery("DISCARD PLANS").executeUpdate();
    em.createNativeQuery("DELETE FROM sighting").executeUpdate();
  }

  @Transactional
  public long count() {
    return ((Number) em.createNativeQuery("SELECT count(*) FROM sighting").getSingleResult())
        .longValue();
  }

  @Transactional
  public long countWithStatus(String status) {
    return ((Number)
            em.createNativeQuery("SELECT count(*) FROM sighting WHERE status = :status")
                .setParameter("status", status)
                .getSingleResult())
        .longValue();
  }

  @Transactional
  public long confirmations(long sightingId) {
    return ((Number)
            em.createNativeQuery("SELECT count(*) FROM confirmation WHERE sighting_id = :id")
                .setParameter("id", sightingId)
                .getSingleResult())
        .longValue();
  }

  @Transactional
  public long lastId() {
    return ((Number) em.createNativeQuery("SELECT max(id) FROM sighting").getSingleResult())
        .longValue();
  }

  /** The stored row as JSON, without the columns every change moves on. */
  @Transactional
  public String stateOf(long id) {
    return (String)
        em.createNativeQuery(
                "SELECT (to_jsonb(s) - 'version' - 'updated_at')::text FROM sighting s"
                    + " WHERE id = :id")
            .setParameter("id", id)
            .getSingleResult();
  }

  /** The whole stored row as text, to look for what must not be stored. */
  @Transactional
  public String rowAsText(long id) {
    return (String)
        em.createNativeQuery(
                "SELECT s::text || encode(s.client_id_hash, 'escape') || encode(s.edit_token_hash,"
                    + " 'escape') FROM sighting s WHERE id = :id")
            .setParameter("id", id)
            .getSingleResult();
  }

  /** What a moderator's approval will do, until the moderation queue exists. */
  @Transactional
  public void setStatus(long id, String status) {
    em.createNativeQuery("UPDATE sighting SET status = :status WHERE id = :id")
        .setParameter("status", status)
        .setParameter("id", id)
        .executeUpdate();
  }

  /** Submits a sighting at a place and approves it. */
  public long approved(ObjectNode feature) {
    long id = submitted(feature);
    setStatus(id, "approved");
    return id;
  }

  public static String bboxAround(double[] place, double halfSideDegrees) {
    return (place[0] - halfSideDegrees)
        + ","
        + (place[1] - halfSideDegrees)
        + ","
        + (place[0] + halfSideDegrees)
        + ","
        + (place[1] + halfSideDegrees);
  }
}
