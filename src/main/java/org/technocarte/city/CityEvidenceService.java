package org.technocarte.city;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.technocarte.auth.Principal;
import org.technocarte.common.error.ApiException;
import org.technocarte.common.error.FieldCode;
import org.technocarte.common.error.FieldError;
import org.technocarte.common.error.ProblemType;
import org.technocarte.group.Territories;
import org.technocarte.group.Territories.Scope;

/**
 * A city's VSA evidence, written by the moderators of the groups whose territory covers the city's
 * position (PostGIS ST_Covers) and by site admins; every change is logged with the entry before and
 * after.
 */
@ApplicationScoped
public class CityEvidenceService {

  private final EntityManager em;
  private final Gazetteer gazetteer;
  private final ObjectMapper mapper;
  private final Territories territories;

  public CityEvidenceService(
      EntityManager em, Gazetteer gazetteer, ObjectMapper mapper, Territories territories) {
    this.em = em;
    this.gazetteer = gazetteer;
    this.mapper = mapper;
    this.territories = territories;
  }

  /** The city's evidence, newest first. */
  @Transactional
  public List<EvidenceView> list(String cityCode) {
    return em.createQuery(
            "FROM CityEvidence WHERE cityCode = :code ORDER BY publishedOn DESC, id DESC",
            CityEvidence.class)
        .setParameter("code", cityCode)
        .getResultStream()
        .map(EvidenceView::of)
        .toList();
  }

  @Transactional
  public EvidenceView one(String cityCode, long id) {
    return EvidenceView.of(find(cityCode, id));
  }

  /** Whether this moderator may write the evidence of the city (false for an unknown city). */
  @Transactional
  public boolean mayEdit(Principal actor, String cityCode) {
    return gazetteer.place(cityCode).flatMap(place -> scope(actor, place)).isPresent();
  }

  @Transactional
  public EvidenceView create(Principal actor, String cityCode, JsonNode body) {
    Scope scope = authorise(actor, cityCode);
    EvidenceInput input = EvidenceInput.parse(body, EvidenceInput.Mode.CREATE);
    CityEvidence evidence = new CityEvidence();
    evidence.cityCode = cityCode;
    evidence.createdBy = actor.id();
    apply(evidence, input, actor);
    em.persist(evidence);
    em.flush();
    EvidenceView created = EvidenceView.of(evidence);
    log(actor, scope, "create", cityCode, evidence.id, null, created);
    return created;
  }

  @Transactional
  public EvidenceView edit(Principal actor, String cityCode, long id, JsonNode body) {
    Scope scope = authorise(actor, cityCode);
    EvidenceInput input = EvidenceInput.parse(body, EvidenceInput.Mode.EDIT);
    CityEvidence evidence = find(cityCode, id);
    requireVersion(evidence, input.version());
    EvidenceView before = EvidenceView.of(evidence);
    apply(evidence, input, actor);
    em.flush();
    EvidenceView after = EvidenceView.of(evidence);
    log(actor, scope, "edit", cityCode, id, before, after);
    return after;
  }

  /** Deletes an entry; with a version, only the one the moderator saw. */
  @Transactional
  public void delete(Principal actor, String cityCode, long id, Integer version) {
    Scope scope = authorise(actor, cityCode);
    CityEvidence evidence = find(cityCode, id);
    if (version != null) {
      requireVersion(evidence, version);
    }
    EvidenceView before = EvidenceView.of(evidence);
    em.remove(evidence);
    em.flush();
    log(actor, scope, "delete", cityCode, id, before, null);
  }

  private Scope authorise(Principal actor, String cityCode) {
    Gazetteer.Place place =
        gazetteer
            .place(cityCode)
            .orElseThrow(() -> ApiException.notFound("No city with code " + cityCode));
    return scope(actor, place)
        .orElseThrow(
            () ->
                ApiException.forbidden(
                    "Only the moderators of a group whose territory covers this city edit it"));
  }

  /**
   * Empty when the moderator may not write this city's evidence: they must moderate (or administer)
   * a group whose territory covers the city's position; a site admin writes anywhere.
   */
  private Optional<Scope> scope(Principal actor, Gazetteer.Place place) {
    return territories.scope(
        actor,
        "ST_SetSRID(ST_MakePoint(:lon, :lat), 4326)",
        Map.of("lon", place.lon(), "lat", place.lat()));
  }

  private CityEvidence find(String cityCode, long id) {
    CityEvidence evidence = em.find(CityEvidence.class, id);
    if (evidence == null || !evidence.cityCode.equals(cityCode)) {
      throw ApiException.notFound("No evidence " + id + " in the city " + cityCode);
    }
    return evidence;
  }

  private static void requireVersion(CityEvidence evidence, Integer version) {
    if (version == null) {
      throw ApiException.invalid(
          "Version required",
          List.of(
              new FieldError(
                  "version", FieldCode.REQUIRED, "is required: the version you edited")));
    }
    if (version != evidence.version) {
      throw ApiException.conflict(
          ProblemType.STALE_VERSION,
          "The evidence was changed by someone else: reload it and apply your change again");
    }
  }

  private static void apply(CityEvidence evidence, EvidenceInput input, Principal actor) {
    if (input.has("kind")) {
      evidence.kind = input.kind();
    }
    if (input.has("title")) {
      evidence.title = input.title();
    }
    if (input.has("publishedOn")) {
      evidence.publishedOn = input.publishedOn();
    }
    if (input.has("url")) {
      evidence.url = input.url();
    }
    if (input.has("note")) {
      evidence.note = input.note();
    }
    evidence.updatedBy = actor.id();
  }

  private void log(
      Principal actor,
      Scope scope,
      String action,
      String cityCode,
      long evidenceId,
      EvidenceView before,
      EvidenceView after) {
    em.createNativeQuery(
            "INSERT INTO city_evidence_action"
                + " (evidence_id, city_code, group_id, actor_id, action, before, after)"
                + " VALUES (:evidence, :city, :group, :actor, :action,"
                + " CAST(:before AS jsonb), CAST(:after AS jsonb))")
        .setParameter("evidence", evidenceId)
        .setParameter("city", cityCode)
        .setParameter("group", scope.groupId())
        .setParameter("actor", actor.id())
        .setParameter("action", action)
        .setParameter("before", json(before))
        .setParameter("after", json(after))
        .executeUpdate();
  }

  private String json(EvidenceView view) {
    try {
      return view == null ? null : mapper.writeValueAsString(view);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
