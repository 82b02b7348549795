package org.technocarte.removal;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.technocarte.auth.Principal;
import org.technocarte.common.Tokens;
import org.technocarte.common.error.ApiException;
import org.technocarte.common.error.FieldCode;
import org.technocarte.common.error.ProblemType;
import org.technocarte.common.geo.PointGeometry;
import org.technocarte.group.Territories;
import org.technocarte.moderation.ModerationService;
import org.technocarte.photo.PhotoService;
import org.technocarte.photo.PhotoView;
import org.technocarte.sighting.ApprovedSightings;
import org.technocarte.sighting.SightingService;
import org.technocarte.sighting.SightingView;

/**
 * Reports that a camera came down or moved, and their review. A report keeps nothing about who made
 * it (the day only); confirming one is a moderation action like the others, logged and reversible.
 */
@ApplicationScoped
public class RemovalService {

  /** Farther than this, a camera that "moved" is a new camera: add it as one. */
  static final int MAX_MOVE_METRES = 200;

  static final int MAX_OPEN = 200;

  private final EntityManager em;
  private final ModerationService moderation;
  private final SightingService sightings;
  private final PhotoService photos;

  public RemovalService(
      EntityManager em,
      ModerationService moderation,
      SightingService sightings,
      PhotoService photos) {
    this.em = em;
    this.moderation = moderation;
    this.sightings = sightings;
    this.photos = photos;
  }

  /** One report, as the walker who sent it and the moderators see it. */
  public record ReportView(
      long id,
      long sightingId,
      RemovalKind kind,
      String note,
      PointGeometry movedTo,
      LocalDate reportedOn,
      String status,
      @Schema(description = "Its photo, for the moderators; erased once they decide")
          @JsonInclude(JsonInclude.Include.NON_NULL)
          PhotoView photo,
      @Schema(
              description =
                  "Private token to add the report's photo (header X-Report-Token). Only in the"
                      + " answer to its creation.")
          @JsonInclude(JsonInclude.Include.NON_NULL)
          String reportToken) {

    ReportView with(PhotoView photo, String reportToken) {
      return new ReportView(
          id, sightingId, kind, note, movedTo, reportedOn, status, photo, reportToken);
    }
  }

  /** An open report in the moderators' list, with the camera as it stands. */
  public record OpenReport(ReportView report, SightingView sighting) {}

  /** A passer-by says this approved camera is gone or moved. */
  @Transactional
  public ReportView report(long sightingId, RemovalReportInput input) {
    List<?> found =
        em.createNativeQuery("SELECT status FROM sighting WHERE id = :id FOR SHARE")
            .setParameter("id", sightingId)
            .getResultList();
    if (found.isEmpty() || "pending".equals(found.get(0)) || "rejected".equals(found.get(0))) {
      throw ApiException.notFound("No approved sighting " + sightingId);
    }
    if (!"approved".equals(found.get(0))) {
      throw ApiException.conflict(
          ProblemType.WRONG_STATUS,
          "Sighting " + sightingId + " is " + found.get(0) + ": it cannot be reported gone");
    }
    PointGeometry to = input.movedTo();
    if (to != null && !within(sightingId, to, MAX_MOVE_METRES)) {
      throw ApiException.invalid(
          "Invalid report",
          "movedTo",
          FieldCode.OUT_OF_RANGE,
          "must lie within "
              + MAX_MOVE_METRES
              + " m of the camera: farther away, add it as a new camera");
    }
    String token = Tokens.random();
    long id =
        ((Number)
                em.createNativeQuery(
                        "INSERT INTO removal_report"
                            + " (sighting_id, kind, note, moved_to, reported_on, token_hash)"
                            + " VALUES (:sighting, :kind, CAST(:note AS text),"
                            + " CASE WHEN :moved THEN ST_SetSRID(ST_MakePoint(:lon, :lat), 4326)"
                            + " END, :today, :token) RETURNING id")
                    .setParameter("sighting", sightingId)
                    .setParameter("token", Tokens.hash(token))
                    .setParameter("kind", input.kind().wire())
                    .setParameter("note", input.note())
                    .setParameter("today", LocalDate.now(ZoneOffset.UTC))
                    .setParameter("moved", to != null)
                    .setParameter("lon", to == null ? 0.0 : to.lon())
                    .setParameter("lat", to == null ? 0.0 : to.lat())
                    .getSingleResult())
            .longValue();
    return view(id).with(null, token);
  }

  /**
   * The passer-by adds the report's one photo with the token its creation gave. An unknown report
   * and a wrong token are the same 404, so that ids cannot be probed.
   */
  public PhotoView addPhoto(
      long sightingId, long reportId, String token, String declaredType, InputStream body) {
    checkMayAddPhoto(sightingId, reportId, token, false);
    return photos.uploadToReport(
        sightingId,
        reportId,
        declaredType,
        body,
        () -> checkMayAddPhoto(sightingId, reportId, token, true));
  }

  private void checkMayAddPhoto(long sightingId, long reportId, String token, boolean lock) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT status, token_hash,"
                    + " EXISTS (SELECT 1 FROM photo p WHERE p.removal_report_id = r.id)"
                    + " FROM removal_report r WHERE id = :id AND sighting_id = :sighting"
                    + (lock ? " FOR UPDATE" : ""))
            .setParameter("id", reportId)
            .setParameter("sighting", sightingId)
            .getResultList();
    if (rows.isEmpty() || !Tokens.matches(token, (byte[]) ((Object[]) rows.get(0))[1])) {
      throw ApiException.notFound("No removal report " + reportId + " on sighting " + sightingId);
    }
    Object[] row = (Object[]) rows.get(0);
    if (!"open".equals(row[0])) {
      throw ApiException.conflict(
          ProblemType.WRONG_STATUS, "Removal report " + reportId + " was already " + row[0]);
    }
    if ((Boolean) row[2]) {
      throw ApiException.conflict(
          ProblemType.TOO_MANY_PHOTOS, "A removal report has at most one photo");
    }
  }

  /** The open reports on cameras of the moderator's territories, oldest first. */
  public List<OpenReport> open(Principal actor) {
    if (Territories.none(actor)) {
      return List.of();
    }
    Map<String, Object> bind = new LinkedHashMap<>();
    String scope = Territories.covering(actor, "s.geom", bind);
    var query =
        em.createNativeQuery(
            "SELECT "
                + REPORT_COLUMNS
                + " FROM removal_report r JOIN sighting s ON s.id = r.sighting_id"
                + " WHERE r.status = 'open' AND "
                + ApprovedSightings.approvedRule("s")
                + scope
                + " ORDER BY r.reported_on, r.id LIMIT "
                + MAX_OPEN);
    bind.forEach(query::setParameter);
    List<ReportView> reports = new ArrayList<>();
    for (Object row : query.getResultList()) {
      reports.add(view((Object[]) row));
    }
    List<Long> ids = reports.stream().map(ReportView::id).toList();
    Map<Long, PhotoView> photo = photos.ofReports(ids);
    Map<Long, SightingView> sighting =
        sightings.viewsOf(reports.stream().map(ReportView::sightingId).distinct().toList());
    List<OpenReport> open = new ArrayList<>();
    for (ReportView report : reports) {
      open.add(
          new OpenReport(
              report.with(photo.get(report.id()), null), sighting.get(report.sightingId())));
    }
    return open;
  }

  /**
   * The moderator agrees: a camera gone becomes removed (on the day of the report), a camera moved
   * takes its new position.
   */
  @Transactional
  public SightingView confirm(Principal actor, long reportId, Integer version, String reason) {
    ReportView report = openReport(reportId);
    String logged = logged(report, reason);
    SightingView result =
        report.kind() == RemovalKind.GONE
            ? moderation.markRemoved(
                actor, report.sightingId(), version, report.reportedOn(), logged)
            : moderation.move(actor, report.sightingId(), version, report.movedTo(), logged);
    // A camera gone settles every open report on it; a move settles this one. Their photos served
    // the decision: they go with it.
    List<Long> settled = new ArrayList<>();
    for (Object id :
        em.createNativeQuery(
                "UPDATE removal_report SET status = 'confirmed'"
                    + " WHERE sighting_id = :sighting AND status = 'open'"
                    + " AND (id = :id OR :gone) RETURNING id")
            .setParameter("id", reportId)
            .setParameter("gone", report.kind() == RemovalKind.GONE)
            .setParameter("sighting", report.sightingId())
            .getResultList()) {
      settled.add(((Number) id).longValue());
    }
    photos.eraseOfReports(settled);
    return result;
  }

  /** The moderator disagrees (the camera is still there): the report is closed, the camera kept. */
  @Transactional
  public ReportView reject(Principal actor, long reportId, String reason) {
    ReportView report = openReport(reportId);
    if (!moderation.mayModerate(actor, report.sightingId())) {
      throw ApiException.forbidden("This camera lies outside your territories");
    }
    moderation.logRemovalRejected(actor, report.sightingId(), logged(report, reason));
    em.createNativeQuery("UPDATE removal_report SET status = 'rejected' WHERE id = :id")
        .setParameter("id", reportId)
        .executeUpdate();
    photos.eraseOfReports(List.of(reportId));
    return view(reportId);
  }

  /** What the history says: the report (its day, what was seen) and the moderator's reason. */
  private static String logged(ReportView report, String reason) {
    String seen =
        "reported " + report.kind().wire() + " on " + report.reportedOn() + " by a passer-by";
    String text = reason == null || reason.isBlank() ? seen : reason.strip() + " (" + seen + ")";
    return text.length() > 1000 ? text.substring(0, 1000) : text;
  }

  private ReportView openReport(long reportId) {
    List<?> rows =
        em.createNativeQuery("SELECT status FROM removal_report WHERE id = :id FOR UPDATE")
            .setParameter("id", reportId)
            .getResultList();
    if (rows.isEmpty()) {
      throw ApiException.notFound("No removal report " + reportId);
    }
    if (!"open".equals(rows.get(0))) {
      throw ApiException.conflict(
          ProblemType.WRONG_STATUS, "Removal report " + reportId + " was already " + rows.get(0));
    }
    return view(reportId);
  }

  private boolean within(long sightingId, PointGeometry to, int metres) {
    return (Boolean)
        em.createNativeQuery(
                "SELECT ST_DWithin(s.geom::geography,"
                    + " ST_SetSRID(ST_MakePoint(:lon, :lat), 4326)::geography, :metres)"
                    + " FROM sighting s WHERE s.id = :id")
            .setParameter("lon", to.lon())
            .setParameter("lat", to.lat())
            .setParameter("metres", (double) metres)
            .setParameter("id", sightingId)
            .getSingleResult();
  }

  /** The columns of a report, in the order {@link #view(Object[])} reads them. */
  private static final String REPORT_COLUMNS =
      "r.id, r.sighting_id, r.kind, r.note, ST_X(r.moved_to), ST_Y(r.moved_to), r.reported_on,"
          + " r.status";

  private ReportView view(long id) {
    return view(
        (Object[])
            em.createNativeQuery(
                    "SELECT " + REPORT_COLUMNS + " FROM removal_report r WHERE r.id = :id")
                .setParameter("id", id)
                .getSingleResult());
  }

  private static ReportView view(Object[] r) {
    return new ReportView(
        ((Number) r[0]).longValue(),
        ((Number) r[1]).longValue(),
        org.technocarte.common.WireValue.parse(RemovalKind.class, (String) r[2]).orElseThrow(),
        (String) r[3],
        r[4] == null
            ? null
            : PointGeometry.of(((Number) r[4]).doubleValue(), ((Number) r[5]).doubleValue()),
        toDate(r[6]),
        (String) r[7],
        null,
        null);
  }

  private static LocalDate toDate(Object value) {
    return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
  }
}
