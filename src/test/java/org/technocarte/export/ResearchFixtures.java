package org.technocarte.export;

import static io.restassured.RestAssured.given;
import static org.technocarte.sighting.SightingFixtures.MONTPELLIER_COMEDIE;
import static org.technocarte.sighting.SightingFixtures.MONTPELLIER_GARE;
import static org.technocarte.sighting.SightingFixtures.PARIS_REPUBLIQUE;
import static org.technocarte.sighting.SightingFixtures.feature;
import static org.technocarte.sighting.SightingFixtures.properties;
import static org.technocarte.sighting.SightingFixtures.submitted;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.response.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.technocarte.sighting.SightingFixtures;

/**
 * The cameras researchers download in these tests, created through the public API and approved as a
 * moderator would; dates that only the server sets are moved through SQL.
 */
@ApplicationScoped
public class ResearchFixtures {

  /** GeoNames id of Montpellier, as the gazetteer gives it. */
  public static final String MONTPELLIER = "2992166";

  public static final String COMEDIE_NOTES = "Près de l'Opéra, \"dôme\" noir\nsous l'auvent";
  public static final String COMEDIE_EVIDENCE = "Délibération 2024-117: Briefcam";

  private final SightingFixtures sightings;
  private final EntityManager em;

  // The approved cameras, and those nobody may download. Read through methods: this bean is
  // reached through a proxy, whose own fields stay empty.
  private long comedie;
  private long gare;
  private long republique;
  private long pending;
  private long rejected;

  public ResearchFixtures(SightingFixtures sightings, EntityManager em) {
    this.sightings = sightings;
    this.em = em;
  }

  /**
   * Comédie: a dome camera suspected of VSA, seen 2025-03-01, looking two ways. Gare: an ALPR,
   * fixed, seen 2026-01-15. République (Paris): a panning camera seen 2024-06-01. Plus one pending
   * and one rejected camera at the Comédie.
   */
  public ResearchFixtures load() {
    sightings.clear();
    ObjectNode a = feature(MONTPELLIER_COMEDIE);
    properties(a)
        .put("vsaSuspected", true)
        .put("vsaEvidence", COMEDIE_EVIDENCE)
        .put("notes", COMEDIE_NOTES)
        .put("height", 4.5)
        .put("observedAt", "2025-03-01");
    properties(a).putArray("directions").add(90).add(270);
    comedie = sightings.approved(a);
    ObjectNode b = feature(MONTPELLIER_GARE);
    properties(b)
        .put("surveillanceType", "alpr")
        .put("cameraType", "fixed")
        .put("observedAt", "2026-01-15");
    gare = sightings.approved(b);
    ObjectNode c = feature(PARIS_REPUBLIQUE);
    properties(c)
        .put("cameraType", "panning")
        .put("operator", "Préfecture de police")
        .put("observedAt", "2024-06-01");
    republique = sightings.approved(c);
    pending = submitted(feature(MONTPELLIER_COMEDIE));
    rejected = submitted(feature(MONTPELLIER_COMEDIE));
    sightings.setStatus(rejected, "rejected");
    return this;
  }

  public long comedie() {
    return comedie;
  }

  public long gare() {
    return gare;
  }

  public long republique() {
    return republique;
  }

  public long pending() {
    return pending;
  }

  public long rejected() {
    return rejected;
  }

  public void reject(long id) {
    sightings.setStatus(id, "rejected");
  }

  public List<Long> approvedIds() {
    return List.of(comedie, gare, republique);
  }

  public long approved(ObjectNode feature) {
    return sightings.approved(feature);
  }

  /** Runs a statement as a moderator's change would, in its own transaction. */
  @Transactional
  public void execute(String statement) {
    em.createNativeQuery(statement).executeUpdate();
  }

  /** The one value of a query. */
  @Transactional
  public Object single(String query) {
    return em.createNativeQuery(query).getSingleResult();
  }

  @Transactional
  public void setUpdatedAt(long id, String timestamp) {
    em.createNativeQuery("UPDATE sighting SET updated_at = CAST(:t AS timestamptz) WHERE id = :id")
        .setParameter("t", timestamp)
        .setParameter("id", id)
        .executeUpdate();
  }

  @Transactional
  public void setCreatedAt(long id, String timestamp) {
    em.createNativeQuery("UPDATE sighting SET created_at = CAST(:t AS timestamptz) WHERE id = :id")
        .setParameter("t", timestamp)
        .setParameter("id", id)
        .executeUpdate();
  }

  /** Ids of approved sightings matching a SQL condition: the reference answer of a filter. */
  @Transactional
  @SuppressWarnings("unchecked")
  public Set<Long> idsWhere(String condition) {
    List<Number> ids =
        em.createNativeQuery(
                "SELECT s.id FROM sighting s WHERE s.status = 'approved' AND (" + condition + ")")
            .getResultList();
    Set<Long> set = new TreeSet<>();
    ids.forEach(id -> set.add(id.longValue()));
    return set;
  }

  /** Approved copies of the Comédie camera, many at once, for the tests of large pages. */
  @Transactional
  public void insertApprovedCopies(int copies) {
    // Each camera's field of view is drawn by a trigger: tens of thousands at once may outlast the
    // 5 s statement timeout the app gives a request, which this set-up is not.
    em.createNativeQuery("SET LOCAL statement_timeout = 0").executeUpdate();
    em.createNativeQuery(
            "INSERT INTO sighting (geom, surveillance_type, camera_type, status, observed_at)"
                + " SELECT ST_SetSRID(ST_MakePoint(3.87 + g * 1e-6, 43.60), 4326), 'camera',"
                + " 'fixed', 'approved', DATE '2025-01-01' FROM generate_series(1, :n) g")
        .setParameter("n", copies)
        .executeUpdate();
  }

  @Transactional
  public long approvedCount() {
    return ((Number)
            em.createNativeQuery("SELECT count(*) FROM sighting WHERE status = 'approved'")
                .getSingleResult())
        .longValue();
  }

  public static Response get(String pathAndQuery) {
    return given().urlEncodingEnabled(false).when().get(pathAndQuery);
  }
}
