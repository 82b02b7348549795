package org.technocarte.moderation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.technocarte.auth.Principal;
import org.technocarte.common.WireValue;
import org.technocarte.common.error.ApiException;
import org.technocarte.common.error.FieldCode;
import org.technocarte.common.error.FieldError;
import org.technocarte.common.error.ProblemType;
import org.technocarte.common.geo.PointGeometry;
import org.technocarte.group.Territories;
import org.technocarte.group.Territories.Scope;
import org.technocarte.sighting.Sighting;
import org.technocarte.sighting.SightingInput;
import org.technocarte.sighting.SightingRepository;
import org.technocarte.sighting.SightingService;
import org.technocarte.sighting.SightingView;
import org.technocarte.sighting.Status;

/**
 * The review of sightings by local groups: scoped to the moderator's territories (PostGIS
 * ST_Covers), refused on a stale version (409), and logged with the state before and after so that
 * any action can be reverted.
 */
@ApplicationScoped
public class ModerationService {

  static final int QUEUE_SIZE = 100;
  static final int DUPLICATE_RADIUS_METRES = 25;

  private final EntityManager em;
  private final SightingRepository sightings;
  private final SightingService sightingService;
  private final ObjectMapper mapper;
  private final Territories territories;

  public ModerationService(
      EntityManager em,
      SightingRepository sightings,
      SightingService sightingService,
      ObjectMapper mapper,
      Territories territories) {
    this.em = em;
    this.sightings = sightings;
    this.sightingService = sightingService;
    this.mapper = mapper;
    this.territories = territories;
  }

  /** A pending sighting and the cameras already within 25 m of it. */
  public record QueueItem(SightingView sighting, List<SightingView> candidates) {}

  /** One logged action. */
  public record ActionView(
      long id,
      long sightingId,
      Long groupId,
      String actor,
      String action,
      String reason,
      JsonNode before,
      JsonNode after,
      Long reverts,
      Long revertedBy,
      OffsetDateTime createdAt) {}

  /**
   * One page of the queue: the entries, how many pending sightings match the filters in all (every
   * page together), and the cursor of the next page (null on the last).
   */
  public record QueuePage(List<QueueItem> items, long total, String next) {}

  /**
   * A page of the pending sightings inside the moderator's territories, oldest first. The
   * territories are bound as constants and each statement planned with them (plan_cache_mode, for
   * this transaction only), so the total counts through their GiST index
   * (sighting_pending_geom_idx). The page is read one of two ways, chosen with that exact total: a
   * territory holding a good share of all pending is read along the queue's order and stops at the
   * page's end (a territory with 50,000 of 105,000 pending: 13 ms rather than 105 ms for reading
   * them all and sorting them, deploy/bench/RESULTS.md); a small one through its GiST index. The
   * planner cannot make that choice itself: it estimates a territory's pending from its share of
   * all sightings, an eighth of the truth when a busy group's queue fills up (6,276 of 51,053).
   */
  @Transactional
  QueuePage queue(Principal actor, QueueQuery query) {
    if (Territories.none(actor)) {
      return new QueuePage(List.of(), 0, null);
    }
    em.createNativeQuery("SET LOCAL plan_cache_mode = force_custom_plan").executeUpdate();
    Map<String, Object> bind = QueueQuery.newBind();
    String where =
        "s.status = 'pending'"
            + territories.coveringBound(actor, "s.geom", bind)
            + query.filterSql(bind);
    long total =
        ((Number)
                bound(em.createNativeQuery("SELECT count(*) FROM sighting s WHERE " + where), bind)
                    .getSingleResult())
            .longValue();
    String after = query.afterSql(bind);
    String from =
        readInQueueOrder(total, query.limit() + 1) ? QueueQuery.IN_QUEUE_ORDER : "sighting s";
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        bound(
                em.createNativeQuery(
                    "SELECT s.id, "
                        + QueueQuery.MICROS
                        + " FROM "
                        + from
                        + " WHERE "
                        + where
                        + after
                        + " ORDER BY s.created_at, s.id LIMIT "
                        + (query.limit() + 1)),
                bind)
            .getResultList();
    boolean more = rows.size() > query.limit();
    List<Object[]> page = more ? rows.subList(0, query.limit()) : rows;
    String next = null;
    if (more) {
      Object[] last = page.get(page.size() - 1);
      next =
          new QueueQuery.Cursor(((Number) last[1]).longValue(), ((Number) last[0]).longValue())
              .text();
    }
    // The page's sightings and their candidate duplicates in two statements, not two per item.
    List<Long> ids = page.stream().map(row -> ((Number) row[0]).longValue()).toList();
    Map<Long, SightingView> views = sightingService.viewsOf(ids);
    Map<Long, List<SightingView>> candidates =
        sightings.nearEach(
            ids, DUPLICATE_RADIUS_METRES, Set.of(Status.APPROVED, Status.PENDING), 10);
    List<QueueItem> items = new ArrayList<>();
    for (long id : ids) {
      items.add(new QueueItem(views.get(id), candidates.getOrDefault(id, List.of())));
    }
    return new QueuePage(items, total, next);
  }

  /**
   * Whether walking every pending sighting in queue order finds a page's {@code rows} sooner than
   * reading the {@code total} of the territory: the walk reads about rows × pending / total of them
   * when the territory's share is even over time. All pending, from PostgreSQL's statistics of
   * their index: an estimate is enough to choose a plan.
   */
  private boolean readInQueueOrder(long total, int rows) {
    double pending =
        ((Number)
                em.createNativeQuery(
                        "SELECT greatest(reltuples, 0) FROM pg_class"
                            + " WHERE oid = 'sighting_pending_created_idx'::regclass")
                    .getSingleResult())
            .doubleValue();
    return total > 0 && (double) total * total > rows * pending;
  }

  private static jakarta.persistence.Query bound(
      jakarta.persistence.Query query, Map<String, Object> bind) {
    bind.forEach(query::setParameter);
    return query;
  }

  @Transactional
  public SightingView approve(Principal actor, long id, Integer version, String reason) {
    Sighting s = forAction(actor, id, version);
    requireStatus(s, Status.PENDING, Status.REJECTED);
    return act(actor, "approve", reason, s, null, () -> s.status = Status.APPROVED);
  }

  /** All or nothing: the first refused sighting refuses the whole batch. */
  @Transactional
  public List<SightingView> approveAll(Principal actor, List<Decision> decisions, String reason) {
    if (decisions == null || decisions.isEmpty() || decisions.size() > QUEUE_SIZE) {
      throw ApiException.invalid(
          "Invalid batch",
          List.of(
              new FieldError(
                  "sightings",
                  FieldCode.OUT_OF_RANGE,
                  "must list 1 to " + QUEUE_SIZE + " sightings")));
    }
    List<SightingView> approved = new ArrayList<>();
    for (Decision d : decisions) {
      approved.add(approve(actor, d.id(), d.version(), reason));
    }
    return approved;
  }

  /** A sighting and the version the moderator saw. */
  public record Decision(long id, Integer version) {}

  @Transactional
  public SightingView reject(
      Principal actor, long id, Integer version, String reasonCode, String comment) {
    RejectReason reason = WireValue.parse(RejectReason.class, reasonCode).orElse(null);
    List<FieldError> errors = new ArrayList<>();
    if (reason == null) {
      errors.add(
          new FieldError(
              "reason", FieldCode.NOT_ONE_OF, "must be " + WireValue.choices(RejectReason.class)));
    }
    String text = comment == null ? null : comment.strip();
    if (reason == RejectReason.OTHER && (text == null || text.isEmpty())) {
      errors.add(
          new FieldError(
              "comment", FieldCode.REQUIRED_WITH, "is required when the reason is other"));
    }
    if (text != null && text.length() > 1000) {
      errors.add(new FieldError("comment", FieldCode.LENGTH, "must be at most 1000 characters"));
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid("Invalid rejection", errors);
    }
    Sighting s = forAction(actor, id, version);
    requireStatus(s, Status.PENDING, Status.APPROVED);
    String logged = text == null || text.isEmpty() ? reason.wire() : reason.wire() + ": " + text;
    return act(actor, "reject", logged, s, null, () -> s.status = Status.REJECTED);
  }

  @Transactional
  public SightingView edit(
      Principal actor, long id, Integer version, SightingInput input, String reason) {
    Sighting s = forAction(actor, id, version);
    requireStatus(s, Status.PENDING, Status.APPROVED);
    SightingView edited =
        act(actor, "edit", reason, s, null, () -> sightingService.apply(input, s));
    if (input.has("geometry") && groupFor(actor, id).isEmpty()) {
      throw ApiException.forbidden("The new position lies outside your territories");
    }
    return edited;
  }

  /**
   * The duplicate goes into the target: the target keeps its id and gains the confirmation; the
   * duplicate records where it went.
   */
  @Transactional
  public SightingView merge(
      Principal actor, long id, Integer version, long targetId, String reason) {
    if (targetId == id) {
      throw ApiException.invalid(
          "Invalid merge",
          List.of(new FieldError("targetId", FieldCode.SAME_OBJECT, "must be another sighting")));
    }
    Sighting duplicate = forAction(actor, id, version);
    requireStatus(duplicate, Status.PENDING, Status.APPROVED);
    Sighting target = em.find(Sighting.class, targetId);
    if (target == null || groupFor(actor, targetId).isEmpty()) {
      throw ApiException.notFound("No sighting " + targetId + " in your territories");
    }
    requireStatus(target, Status.PENDING, Status.APPROVED);
    ActionState.Confirmation confirmation =
        new ActionState.Confirmation(targetId, duplicate.observedAt);
    act(
        actor,
        "merge",
        reason,
        duplicate,
        target,
        () -> {
          duplicate.status = Status.MERGED;
          duplicate.mergedInto = targetId;
          if (target.checkDate == null || target.checkDate.isBefore(duplicate.observedAt)) {
            target.checkDate = duplicate.observedAt;
          }
          addConfirmation(confirmation);
        },
        confirmation);
    return sightingService.viewOf(targetId);
  }

  /**
   * A moderator confirms that an approved camera is gone: it stays, with status removed and the day
   * it was seen gone. Logged as "remove", reversible like an approval.
   */
  @Transactional
  public SightingView markRemoved(
      Principal actor, long id, Integer version, LocalDate removedOn, String reason) {
    Sighting s = forAction(actor, id, version);
    requireStatus(s, Status.APPROVED);
    return act(
        actor,
        "remove",
        reason,
        s,
        null,
        () -> {
          s.status = Status.REMOVED;
          s.removedOn = removedOn;
        });
  }

  /**
   * A moderator confirms that an approved camera moved: its position (and so its city) change.
   * Logged as "move"; the new position must lie in the moderator's territories too.
   */
  @Transactional
  public SightingView move(
      Principal actor, long id, Integer version, PointGeometry to, String reason) {
    Sighting s = forAction(actor, id, version);
    requireStatus(s, Status.APPROVED);
    SightingView moved =
        act(actor, "move", reason, s, null, () -> sightingService.moveTo(s, to.lon(), to.lat()));
    if (groupFor(actor, id).isEmpty()) {
      throw ApiException.forbidden("The new position lies outside your territories");
    }
    return moved;
  }

  /** A moderator found a removal report wrong: the camera is unchanged, the decision logged. */
  @Transactional
  public void logRemovalRejected(Principal actor, long sightingId, String reason) {
    Sighting s = em.find(Sighting.class, sightingId);
    Long group = groupFor(actor, sightingId).map(Scope::groupId).orElse(null);
    ActionState state = state(s, null, null);
    log(actor, sightingId, group, "reject_removal", clean(reason), state, state, null);
  }

  public List<ActionView> history(Principal actor, long sightingId) {
    if (em.find(Sighting.class, sightingId) == null) {
      throw ApiException.notFound("No sighting " + sightingId);
    }
    if (groupFor(actor, sightingId).isEmpty()) {
      throw ApiException.forbidden("This sighting lies outside your territories");
    }
    return actions("a.sighting_id = :key", sightingId);
  }

  public List<ActionView> groupHistory(Principal actor, long groupId) {
    if (!actor.isMemberOf(groupId)) {
      throw ApiException.forbidden("Only members of this group read its history");
    }
    return actions("a.group_id = :key", groupId);
  }

  /**
   * Puts back the state an action found, if nothing changed since (else 409: revert the later
   * actions first). The revert is logged as an action of its own, which can be reverted too.
   */
  @Transactional
  public ActionView revert(Principal actor, long actionId, String reason) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT sighting_id, before::text, after::text, reverted_by, action"
                    + " FROM moderation_action"
                    + " WHERE id = :id FOR UPDATE")
            .setParameter("id", actionId)
            .getResultList();
    if (rows.isEmpty()) {
      throw ApiException.notFound("No action " + actionId);
    }
    Object[] row = (Object[]) rows.get(0);
    long sightingId = ((Number) row[0]).longValue();
    if (PHOTO_ACTIONS.contains(row[4])) {
      throw ApiException.conflict(
          ProblemType.IRREVERSIBLE,
          "An erased or covered photo is gone for good: this action cannot be reverted");
    }
    Long group =
        groupFor(actor, sightingId)
            .orElseThrow(() -> ApiException.forbidden("This action lies outside your territories"))
            .groupId();
    if (row[3] != null) {
      throw ApiException.conflict(ProblemType.ALREADY_REVERTED, "This action was already reverted");
    }
    ActionState before = read((String) row[1]);
    ActionState after = read((String) row[2]);
    Map<Long, Sighting> touched = new LinkedHashMap<>();
    for (Map.Entry<Long, SightingSnapshot> expected : after.sightings().entrySet()) {
      Sighting s = em.find(Sighting.class, expected.getKey());
      if (s == null || !SightingSnapshot.of(s).equals(expected.getValue())) {
        throw ApiException.conflict(
            ProblemType.CHANGED_SINCE,
            "Sighting "
                + expected.getKey()
                + " changed since this action: revert the later ones first");
      }
      touched.put(expected.getKey(), s);
    }
    for (Map.Entry<Long, Sighting> t : touched.entrySet()) {
      SightingSnapshot previous = before.sightings().get(t.getKey());
      if (previous != null) {
        previous.applyTo(t.getValue());
      } else {
        // The action created the sighting (an import): it cannot vanish, it is withdrawn.
        t.getValue().status = Status.REJECTED;
      }
    }
    for (Map.Entry<Long, SightingSnapshot> previous : before.sightings().entrySet()) {
      if (!touched.containsKey(previous.getKey())) {
        Sighting s = em.find(Sighting.class, previous.getKey());
        if (s != null) {
          previous.getValue().applyTo(s);
        }
      }
    }
    if (after.confirmation() != null) {
      removeConfirmation(after.confirmation());
    }
    if (before.confirmation() != null) {
      addConfirmation(before.confirmation());
    }
    em.flush();
    long revertId = log(actor, sightingId, group, "revert", reason, after, before, actionId);
    em.createNativeQuery("UPDATE moderation_action SET reverted_by = :revert WHERE id = :id")
        .setParameter("revert", revertId)
        .setParameter("id", actionId)
        .executeUpdate();
    return actions("a.id = :key", revertId).get(0);
  }

  private SightingView act(
      Principal actor, String action, String reason, Sighting s, Sighting other, Runnable change) {
    return act(actor, action, reason, s, other, change, null);
  }

  private SightingView act(
      Principal actor,
      String action,
      String reason,
      Sighting s,
      Sighting other,
      Runnable change,
      ActionState.Confirmation confirmation) {
    Long group = groupFor(actor, s.id).map(Scope::groupId).orElse(null);
    ActionState before = state(s, other, null);
    change.run();
    em.flush();
    ActionState after = state(s, other, confirmation);
    log(actor, s.id, group, action, clean(reason), before, after, null);
    return sightingService.viewOf(s.id);
  }

  /** Logs an import: the sighting it created or confirmed, as it was before and after. */
  void logImport(
      Principal actor,
      long groupId,
      String ref,
      Sighting s,
      SightingSnapshot before,
      ActionState.Confirmation confirmation) {
    Map<Long, SightingSnapshot> previous = new LinkedHashMap<>();
    if (before != null) {
      previous.put(s.id, before);
    }
    log(
        actor,
        s.id,
        groupId,
        "import",
        ref,
        new ActionState(previous, null),
        state(s, null, confirmation),
        null);
  }

  private static ActionState state(Sighting s, Sighting other, ActionState.Confirmation c) {
    Map<Long, SightingSnapshot> map = new LinkedHashMap<>();
    map.put(s.id, SightingSnapshot.of(s));
    if (other != null) {
      map.put(other.id, SightingSnapshot.of(other));
    }
    return new ActionState(map, c);
  }

  private long log(
      Principal actor,
      long sightingId,
      Long groupId,
      String action,
      String reason,
      ActionState before,
      ActionState after,
      Long reverts) {
    return ((Number)
            em.createNativeQuery(
                    "INSERT INTO moderation_action"
                        + " (sighting_id, group_id, actor_id, action, reason, before, after, reverts)"
                        + " VALUES (:sighting, :group, :actor, :action, :reason,"
                        + " CAST(:before AS jsonb), CAST(:after AS jsonb), :reverts) RETURNING id")
                .setParameter("sighting", sightingId)
                .setParameter("group", groupId)
                .setParameter("actor", actor.id())
                .setParameter("action", action)
                .setParameter("reason", reason)
                .setParameter("before", write(before))
                .setParameter("after", write(after))
                .setParameter("reverts", reverts)
                .getSingleResult())
        .longValue();
  }

  /** The sighting, if the moderator may act on it and saw its current version. */
  private Sighting forAction(Principal actor, long id, Integer version) {
    Sighting s = em.find(Sighting.class, id);
    if (s == null) {
      throw ApiException.notFound("No sighting " + id);
    }
    if (groupFor(actor, id).isEmpty()) {
      throw ApiException.forbidden("This sighting lies outside your territories");
    }
    if (version == null) {
      throw ApiException.invalid(
          "Version required",
          List.of(
              new FieldError(
                  "version", FieldCode.REQUIRED, "is required: the version you reviewed")));
    }
    if (version != s.version) {
      throw ApiException.conflict(
          ProblemType.STALE_VERSION,
          "Someone else acted on this sighting (version " + s.version + " now): reload it");
    }
    return s;
  }

  private static void requireStatus(Sighting s, Status... allowed) {
    for (Status status : allowed) {
      if (s.status == status) {
        return;
      }
    }
    throw ApiException.conflict(
        ProblemType.WRONG_STATUS,
        "Sighting " + s.id + " is " + s.status.wire() + ": not possible now");
  }

  /** Whether the moderator may act on this sighting (it lies in one of their territories). */
  public boolean mayModerate(Principal actor, long sightingId) {
    return groupFor(actor, sightingId).isPresent();
  }

  /** The actions on photos: the original is gone for good, so none of them can be reverted. */
  private static final java.util.Set<String> PHOTO_ACTIONS =
      java.util.Set.of("delete_photo", "redact_photo");

  /**
   * Logs the erasure (delete_photo) or covering (redact_photo) of a photo of a sighting. The
   * sighting itself is unchanged (before = after), and the original photo is gone for good: such an
   * action cannot be reverted.
   */
  @Transactional
  public void logPhotoAction(Principal actor, long sightingId, String action, String reason) {
    if (!PHOTO_ACTIONS.contains(action)) {
      throw new IllegalArgumentException("Not an action on photos: " + action);
    }
    Sighting s = em.find(Sighting.class, sightingId);
    Long group = groupFor(actor, sightingId).map(Scope::groupId).orElse(null);
    ActionState state = state(s, null, null);
    log(actor, sightingId, group, action, clean(reason), state, state, null);
  }

  /**
   * Empty when the moderator may not act on the sighting: see {@link Territories}. A site admin
   * acts anywhere, for the covering group if there is one.
   */
  Optional<Scope> groupFor(Principal actor, long sightingId) {
    return territories.scope(
        actor, "(SELECT s.geom FROM sighting s WHERE s.id = :id)", Map.of("id", sightingId));
  }

  private void addConfirmation(ActionState.Confirmation c) {
    em.createNativeQuery("INSERT INTO confirmation (sighting_id, confirmed_on) VALUES (:id, :on)")
        .setParameter("id", c.sightingId())
        .setParameter("on", c.on())
        .executeUpdate();
  }

  private void removeConfirmation(ActionState.Confirmation c) {
    em.createNativeQuery(
            "DELETE FROM confirmation WHERE id = (SELECT id FROM confirmation"
                + " WHERE sighting_id = :id AND confirmed_on = :on ORDER BY id DESC LIMIT 1)")
        .setParameter("id", c.sightingId())
        .setParameter("on", c.on())
        .executeUpdate();
  }

  private List<ActionView> actions(String where, long key) {
    List<ActionView> views = new ArrayList<>();
    for (Object row :
        em.createNativeQuery(
                "SELECT a.id, a.sighting_id, a.group_id, u.display_name, a.action, a.reason,"
                    + " a.before::text, a.after::text, a.reverts, a.reverted_by, a.created_at"
                    + " FROM moderation_action a LEFT JOIN app_user u ON u.id = a.actor_id WHERE "
                    + where
                    + " ORDER BY a.created_at DESC, a.id DESC LIMIT 500")
            .setParameter("key", key)
            .getResultList()) {
      Object[] r = (Object[]) row;
      views.add(
          new ActionView(
              ((Number) r[0]).longValue(),
              ((Number) r[1]).longValue(),
              r[2] == null ? null : ((Number) r[2]).longValue(),
              (String) r[3],
              (String) r[4],
              (String) r[5],
              tree((String) r[6]),
              tree((String) r[7]),
              r[8] == null ? null : ((Number) r[8]).longValue(),
              r[9] == null ? null : ((Number) r[9]).longValue(),
              toOffset(r[10])));
    }
    return views;
  }

  private static OffsetDateTime toOffset(Object value) {
    if (value instanceof OffsetDateTime o) {
      return o;
    }
    if (value instanceof java.time.Instant i) {
      return i.atOffset(java.time.ZoneOffset.UTC);
    }
    return ((java.sql.Timestamp) value).toInstant().atOffset(java.time.ZoneOffset.UTC);
  }

  private static String clean(String reason) {
    if (reason == null || reason.isBlank()) {
      return null;
    }
    String r = reason.strip();
    if (r.length() > 1000) {
      throw ApiException.invalid(
          "Invalid reason",
          List.of(new FieldError("reason", FieldCode.LENGTH, "must be at most 1000 characters")));
    }
    return r;
  }

  private String write(ActionState state) {
    try {
      return mapper.writeValueAsString(state);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private ActionState read(String json) {
    try {
      return mapper.readValue(json, ActionState.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode tree(String json) {
    try {
      return mapper.readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
