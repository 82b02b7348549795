package org.technocarte.moderation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.context.ManagedExecutor;
import org.jboss.logging.Logger;
import org.technocarte.auth.Principal;
import org.technocarte.city.Gazetteer;
import org.technocarte.common.error.ApiException;
import org.technocarte.common.error.FieldCode;
import org.technocarte.common.error.FieldError;
import org.technocarte.common.error.ProblemType;
import org.technocarte.sighting.Sighting;
import org.technocarte.sighting.SightingInput;
import org.technocarte.sighting.SightingInputParser;
import org.technocarte.sighting.SightingRepository;
import org.technocarte.sighting.SightingService;
import org.technocarte.sighting.SightingView;
import org.technocarte.sighting.Status;

/**
 * Imports OpenStreetMap surveillance nodes (a GeoJSON export of Overpass) into a group's territory,
 * in the background with its progress readable. Within 5 m of a known camera a node is the same
 * camera (confirmed); 5–10 m it is added but left pending for review; farther it is new. A node
 * imported before is recognised by its OSM id and left alone, so a second import of the same file
 * changes nothing.
 */
@ApplicationScoped
public class ImportService {

  static final int MAX_FEATURES = 20_000;
  static final double SAME_CAMERA_METRES = 5;
  static final double REVIEW_METRES = 10;
  private static final Logger LOG = Logger.getLogger(ImportService.class);

  private final EntityManager em;
  private final SightingRepository sightings;
  private final SightingService sightingService;
  private final ModerationService moderation;
  private final ManagedExecutor executor;
  private final ObjectMapper mapper;

  public ImportService(
      EntityManager em,
      SightingRepository sightings,
      SightingService sightingService,
      ModerationService moderation,
      ManagedExecutor executor,
      ObjectMapper mapper) {
    this.em = em;
    this.sightings = sightings;
    this.sightingService = sightingService;
    this.moderation = moderation;
    this.executor = executor;
    this.mapper = mapper;
  }

  /** What happened to the file: counts, and each refused node with why. */
  public record Report(
      int created, int confirmed, int flagged, int unchanged, List<Refusal> refused) {}

  public record Refusal(String ref, String reason) {}

  /** A running or finished import, for the progress bar. */
  public record Job(
      long id, long groupId, String status, int total, int processed, Report report) {}

  /** Checks the file, then imports it in the background; the answer is the job to follow. */
  public Job start(Principal actor, long groupId, JsonNode file) {
    if (em.find(org.technocarte.group.LocalGroup.class, groupId) == null) {
      throw ApiException.notFound("No group " + groupId);
    }
    if (!actor.isMemberOf(groupId)) {
      throw ApiException.forbidden("Only moderators of this group import into its territory");
    }
    JsonNode features = file.get("features");
    if (!"FeatureCollection".equals(file.path("type").asText())
        || features == null
        || !features.isArray()) {
      throw ApiException.invalid(
          "Invalid import",
          List.of(
              new FieldError("type", FieldCode.WRONG_TYPE, "must be a GeoJSON FeatureCollection")));
    }
    if (features.size() > MAX_FEATURES) {
      throw ApiException.invalid(
          "Invalid import",
          List.of(
              new FieldError(
                  "features",
                  FieldCode.OUT_OF_RANGE,
                  "at most " + MAX_FEATURES + " nodes per file")));
    }
    long jobId =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    ((Number)
                            em.createNativeQuery(
                                    "INSERT INTO import_job (group_id, actor_id, total)"
                                        + " VALUES (:group, :actor, :total) RETURNING id")
                                .setParameter("group", groupId)
                                .setParameter("actor", actor.id())
                                .setParameter("total", features.size())
                                .getSingleResult())
                        .longValue());
    executor.runAsync(() -> run(jobId, actor, groupId, features));
    return job(actor, jobId);
  }

  public Job job(Principal actor, long jobId) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT group_id, status, total, processed, report::text FROM import_job"
                    + " WHERE id = :id")
            .setParameter("id", jobId)
            .getResultList();
    if (rows.isEmpty()) {
      throw ApiException.notFound("No import " + jobId);
    }
    Object[] r = (Object[]) rows.get(0);
    long groupId = ((Number) r[0]).longValue();
    if (!actor.isMemberOf(groupId)) {
      throw ApiException.forbidden("Only moderators of this group follow its imports");
    }
    return new Job(
        jobId,
        groupId,
        (String) r[1],
        ((Number) r[2]).intValue(),
        ((Number) r[3]).intValue(),
        r[4] == null ? null : read((String) r[4]));
  }

  private void run(long jobId, Principal actor, long groupId, JsonNode features) {
    int created = 0;
    int confirmed = 0;
    int flagged = 0;
    int unchanged = 0;
    List<Refusal> refused = new ArrayList<>();
    try {
      for (int i = 0; i < features.size(); i++) {
        JsonNode feature = features.get(i);
        String label = OsmTags.reference(feature).orElse("feature " + (i + 1));
        try {
          switch (QuarkusTransaction.requiringNew()
              .call(() -> importOne(actor, groupId, feature))) {
            case CREATED -> created++;
            case CONFIRMED -> confirmed++;
            case FLAGGED -> flagged++;
            case UNCHANGED -> unchanged++;
          }
        } catch (ApiException e) {
          refused.add(new Refusal(label, e.getMessage()));
        }
        if (i % 25 == 24) {
          progress(jobId, i + 1);
        }
      }
      finish(
          jobId,
          "done",
          features.size(),
          new Report(created, confirmed, flagged, unchanged, refused));
    } catch (RuntimeException e) {
      LOG.error("Import failed", e);
      finish(jobId, "failed", 0, new Report(created, confirmed, flagged, unchanged, refused));
    }
  }

  enum Outcome {
    CREATED,
    CONFIRMED,
    FLAGGED,
    UNCHANGED
  }

  private Outcome importOne(Principal actor, long groupId, JsonNode feature) {
    String ref =
        OsmTags.reference(feature)
            .orElseThrow(() -> refuse("no OpenStreetMap id (@id such as node/123)"));
    if (!OsmTags.isSurveillance(feature.path("properties"))) {
      throw refuse("not a surveillance node (man_made=surveillance)");
    }
    if (em.createNativeQuery("SELECT 1 FROM import_ref WHERE ref = :ref")
            .setParameter("ref", ref)
            .getResultList()
            .size()
        > 0) {
      return Outcome.UNCHANGED;
    }
    SightingInput input;
    try {
      input =
          SightingInputParser.parse(OsmTags.toSighting(feature), SightingInputParser.Mode.CREATE);
    } catch (ApiException e) {
      throw refuse(
          e.toProblem().errors() == null
              ? e.getMessage()
              : e.toProblem().errors().stream()
                  .map(f -> f.field() + " " + f.message())
                  .collect(Collectors.joining("; ")));
    }
    double lon = input.geometry().lon();
    double lat = input.geometry().lat();
    boolean inside =
        !em.createNativeQuery(
                "SELECT 1 FROM local_group WHERE id = :group"
                    + " AND ST_Covers(territory, ST_SetSRID(ST_MakePoint(:lon, :lat), 4326))")
            .setParameter("group", groupId)
            .setParameter("lon", lon)
            .setParameter("lat", lat)
            .getResultList()
            .isEmpty();
    if (!inside) {
      throw refuse("outside the group's territory");
    }
    LocalDate seen =
        OsmTags.checkDate(feature).map(LocalDate::parse).orElse(LocalDate.now(ZoneOffset.UTC));
    Optional<SightingView> nearest =
        sightings
            .near(lon, lat, (int) REVIEW_METRES, Set.of(Status.APPROVED, Status.PENDING), -1, 1)
            .stream()
            .findFirst();
    double metres =
        nearest
            .map(n -> Gazetteer.distanceKm(lat, lon, n.geometry().lat(), n.geometry().lon()) * 1000)
            .orElse(Double.MAX_VALUE);
    Outcome outcome;
    long sightingId;
    if (metres < SAME_CAMERA_METRES) {
      Sighting known = em.find(Sighting.class, nearest.get().id());
      SightingSnapshot before = SightingSnapshot.of(known);
      if (known.checkDate == null || known.checkDate.isBefore(seen)) {
        known.checkDate = seen;
      }
      ActionState.Confirmation confirmation = new ActionState.Confirmation(known.id, seen);
      em.createNativeQuery("INSERT INTO confirmation (sighting_id, confirmed_on) VALUES (:id, :on)")
          .setParameter("id", known.id)
          .setParameter("on", seen)
          .executeUpdate();
      em.flush();
      moderation.logImport(actor, groupId, ref, known, before, confirmation);
      sightingId = known.id;
      outcome = Outcome.CONFIRMED;
    } else {
      outcome = metres < REVIEW_METRES ? Outcome.FLAGGED : Outcome.CREATED;
      Status status = outcome == Outcome.FLAGGED ? Status.PENDING : Status.APPROVED;
      sightingId = sightingService.importSighting(input, status, seen, ref);
      em.flush();
      moderation.logImport(actor, groupId, ref, em.find(Sighting.class, sightingId), null, null);
    }
    em.createNativeQuery("INSERT INTO import_ref (ref, sighting_id) VALUES (:ref, :id)")
        .setParameter("ref", ref)
        .setParameter("id", sightingId)
        .executeUpdate();
    return outcome;
  }

  private void progress(long jobId, int processed) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery("UPDATE import_job SET processed = :n WHERE id = :id")
                    .setParameter("n", processed)
                    .setParameter("id", jobId)
                    .executeUpdate());
  }

  private void finish(long jobId, String status, int processed, Report report) {
    QuarkusTransaction.requiringNew()
        .run(
            () ->
                em.createNativeQuery(
                        "UPDATE import_job SET status = :status, processed = greatest(processed,"
                            + " :n), report = CAST(:report AS jsonb), finished_at = now()"
                            + " WHERE id = :id")
                    .setParameter("status", status)
                    .setParameter("n", processed)
                    .setParameter("report", write(report))
                    .setParameter("id", jobId)
                    .executeUpdate());
  }

  private static ApiException refuse(String reason) {
    return new ApiException(ProblemType.REFUSED_NODE, "Refused node", reason, null);
  }

  private String write(Report report) {
    try {
      return mapper.writeValueAsString(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private Report read(String json) {
    try {
      return mapper.readValue(json, Report.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
