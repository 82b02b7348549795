package org.technocarte.campaign;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.io.WKTWriter;
import org.technocarte.auth.Principal;
import org.technocarte.common.error.ApiException;
import org.technocarte.common.error.FieldCode;
import org.technocarte.sighting.ApprovedSightings;
import org.technocarte.sighting.Status;

/**
 * Mapping parties: a zone of a group's territory and a time. What a party shows is computed from
 * the sightings inside its zone and dates; nothing is written on a sighting because of a party.
 */
@ApplicationScoped
public class CampaignService {

  /** The sightings anyone may see, approved or removed: the rule of the read seam. */
  private static final String PUBLIC = ApprovedSightings.statusRule("s", Status.PUBLIC);

  /** The letters of a short code: no 0/o, 1/l/i, easy to read off a poster. */
  private static final String ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

  /** Blocks of about this side, in metres, where nothing was reported: where to send people. */
  static final double BLOCK_METRES = 150;

  /** At most this many blocks: a larger zone gets larger blocks. */
  static final int MAX_BLOCKS = 2500;

  /**
   * The sightings of party {@code c}: inside its zone, created between its start and its end,
   * whatever became of them (a rejected one was still reported).
   */
  public static final String IN_PARTY =
      "ST_Covers(c.zone, s.geom) AND s.created_at >= c.starts_at AND s.created_at < c.ends_at";

  private final EntityManager em;
  private final ObjectMapper mapper;
  private final SecureRandom random = new SecureRandom();

  public CampaignService(EntityManager em, ObjectMapper mapper) {
    this.em = em;
    this.mapper = mapper;
  }

  /** A party as its group lists it. */
  public record Summary(
      long id,
      String code,
      String name,
      OffsetDateTime startsAt,
      OffsetDateTime endsAt,
      String goal,
      String state,
      String link) {}

  /** Counts of the party's sightings, live. */
  public record Counts(
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description = "Approved cameras of the zone known before the party started")
          long knownBefore,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description = "Sightings sent inside the zone during the party")
          long added,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description = "Of which approved so far")
          long approved,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description = "Of which still waiting for the group")
          long pending,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description =
                  "\"Still there\" confirmations of the zone's cameras on the party's days")
          long confirmations) {}

  /** The sightings sent in one hour of the party. */
  public record Hour(OffsetDateTime hour, long added) {}

  /** The public page of a party. */
  public record View(
      String code,
      String name,
      String group,
      String goal,
      OffsetDateTime startsAt,
      OffsetDateTime endsAt,
      String state,
      String link,
      JsonNode zone,
      double[] bbox,
      Counts counts,
      List<Hour> perHour,
      @org.eclipse.microprofile.openapi.annotations.media.Schema(
              description =
                  "Blocks of the zone (squares of about 150 m) where no camera is known and nothing"
                      + " was reported yet: a GeoJSON MultiPolygon, or null when none is left")
          JsonNode emptyBlocks) {}

  @Transactional
  public Summary create(Principal actor, long groupId, CampaignInput input) {
    requireAdmin(actor, groupId);
    String zone =
        input.zone() == null
            ? "(SELECT territory FROM local_group WHERE id = :group)"
            : "ST_GeomFromText(:zone, 4326)";
    if (input.zone() != null) {
      boolean inside =
          (Boolean)
              em.createNativeQuery(
                      "SELECT ST_CoveredBy(ST_GeomFromText(:zone, 4326), territory)"
                          + " FROM local_group WHERE id = :group")
                  .setParameter("zone", new WKTWriter().write(input.zone()))
                  .setParameter("group", groupId)
                  .getSingleResult();
      if (!inside) {
        throw ApiException.invalid(
            "Invalid mapping party",
            "zone",
            FieldCode.OUT_OF_RANGE,
            "must lie within the group's territory");
      }
    }
    var insert =
        em.createNativeQuery(
                "INSERT INTO campaign (code, group_id, name, zone, starts_at, ends_at, goal)"
                    + " VALUES (:code, :group, :name, ST_Multi("
                    + zone
                    + "), :starts, :ends, CAST(:goal AS text)) RETURNING id")
            .setParameter("code", code())
            .setParameter("group", groupId)
            .setParameter("name", input.name())
            .setParameter("starts", input.startsAt())
            .setParameter("ends", input.endsAt())
            .setParameter("goal", input.goal());
    if (input.zone() != null) {
      insert.setParameter("zone", new WKTWriter().write(input.zone()));
    }
    long id = ((Number) insert.getSingleResult()).longValue();
    return summaries("c.id = :key", id).get(0);
  }

  /** The group's parties, the latest first; for its members. */
  public List<Summary> ofGroup(Principal actor, long groupId) {
    requireGroup(groupId);
    if (!actor.isMemberOf(groupId)) {
      throw ApiException.forbidden("Only members of this group see its mapping parties");
    }
    return summaries("c.group_id = :key", groupId);
  }

  @Transactional
  public void delete(Principal actor, long groupId, long campaignId) {
    requireAdmin(actor, groupId);
    int deleted =
        em.createNativeQuery("DELETE FROM campaign WHERE id = :id AND group_id = :group")
            .setParameter("id", campaignId)
            .setParameter("group", groupId)
            .executeUpdate();
    if (deleted == 0) {
      throw ApiException.notFound("No mapping party " + campaignId + " in group " + groupId);
    }
  }

  /** The public page: the zone, the counts, the hours, the blocks still to walk. */
  public View view(String code) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT c.id, c.code, c.name, g.name, c.goal, c.starts_at, c.ends_at,"
                    + " ST_AsGeoJSON(c.zone, 6), ST_XMin(c.zone), ST_YMin(c.zone), ST_XMax(c.zone),"
                    + " ST_YMax(c.zone) FROM campaign c JOIN local_group g ON g.id = c.group_id"
                    + " WHERE c.code = :code")
            .setParameter("code", code)
            .getResultList();
    if (rows.isEmpty()) {
      throw ApiException.notFound("No mapping party " + code);
    }
    Object[] r = (Object[]) rows.get(0);
    long id = ((Number) r[0]).longValue();
    OffsetDateTime starts = offset(r[5]);
    OffsetDateTime ends = offset(r[6]);
    return new View(
        (String) r[1],
        (String) r[2],
        (String) r[3],
        (String) r[4],
        starts,
        ends,
        state(starts, ends),
        link((String) r[1]),
        json((String) r[7]),
        new double[] {number(r[8]), number(r[9]), number(r[10]), number(r[11])},
        counts(id),
        perHour(id),
        emptyBlocks(id));
  }

  /**
   * The short link of the party with this code, or 404: what the QR code and the redirect need,
   * without the counts and blocks of the page.
   */
  public String linkOf(String code) {
    List<?> found =
        em.createNativeQuery("SELECT 1 FROM campaign WHERE code = :code")
            .setParameter("code", code)
            .getResultList();
    if (found.isEmpty()) {
      throw ApiException.notFound("No mapping party " + code);
    }
    return link(code);
  }

  private Counts counts(long id) {
    Object[] r =
        (Object[])
            em.createNativeQuery(
                    "SELECT"
                        + " (SELECT count(*) FROM sighting s WHERE "
                        + PUBLIC
                        + "   AND ST_Covers(c.zone, s.geom) AND s.created_at < c.starts_at),"
                        + " count(s.id),"
                        + " count(s.id) FILTER (WHERE "
                        + ApprovedSightings.approvedRule("s")
                        + "),"
                        + " count(s.id) FILTER (WHERE s.status = 'pending'),"
                        + " (SELECT count(*) FROM confirmation f JOIN sighting k ON k.id = f.sighting_id"
                        + "   WHERE ST_Covers(c.zone, k.geom)"
                        + "   AND f.confirmed_on BETWEEN c.starts_at::date AND c.ends_at::date)"
                        + " FROM campaign c LEFT JOIN sighting s ON "
                        + IN_PARTY
                        + " WHERE c.id = :id GROUP BY c.id, c.zone, c.starts_at, c.ends_at")
                .setParameter("id", id)
                .getSingleResult();
    return new Counts(
        (long) number(r[0]),
        (long) number(r[1]),
        (long) number(r[2]),
        (long) number(r[3]),
        (long) number(r[4]));
  }

  private List<Hour> perHour(long id) {
    List<Hour> hours = new ArrayList<>();
    for (Object row :
        em.createNativeQuery(
                "SELECT date_trunc('hour', s.created_at, 'UTC'), count(*)"
                    + " FROM campaign c JOIN sighting s ON "
                    + IN_PARTY
                    + " WHERE c.id = :id GROUP BY 1 ORDER BY 1")
            .setParameter("id", id)
            .getResultList()) {
      Object[] r = (Object[]) row;
      hours.add(new Hour(offset(r[0]), (long) number(r[1])));
    }
    return hours;
  }

  /**
   * Squares of the zone (in Web Mercator, about 150 m on the ground at French latitudes, larger for
   * a large zone) with no public camera and no sighting of the party: PostGIS ST_SquareGrid.
   */
  private JsonNode emptyBlocks(long id) {
    String geojson =
        (String)
            em.createNativeQuery(
                    "WITH c AS (SELECT *, ST_Transform(zone, 3857) AS zone_m FROM campaign"
                        + " WHERE id = :id),"
                        + " side AS (SELECT greatest(:block / cos(radians(ST_Y(ST_Centroid(zone)))),"
                        + "   sqrt(ST_Area(zone_m) / :max)) AS metres FROM c),"
                        + " cell AS (SELECT g.geom FROM c, side,"
                        + "   ST_SquareGrid(side.metres, c.zone_m) AS g"
                        + "   WHERE ST_Intersects(g.geom, c.zone_m))"
                        + " SELECT ST_AsGeoJSON(ST_Transform(ST_Multi(ST_Collect("
                        + "   ST_Intersection(cell.geom, c.zone_m))), 4326), 6)"
                        + " FROM cell, c WHERE NOT EXISTS (SELECT 1 FROM sighting s"
                        + "   WHERE s.geom && ST_Transform(cell.geom, 4326)"
                        + "   AND ST_Intersects(s.geom, ST_Transform(cell.geom, 4326))"
                        + "   AND ("
                        + PUBLIC
                        + " OR ("
                        + IN_PARTY
                        + ")))")
                .setParameter("id", id)
                .setParameter("block", BLOCK_METRES)
                .setParameter("max", (double) MAX_BLOCKS)
                .getSingleResult();
    return geojson == null ? null : json(geojson);
  }

  private List<Summary> summaries(String where, long key) {
    List<Summary> found = new ArrayList<>();
    for (Object row :
        em.createNativeQuery(
                "SELECT c.id, c.code, c.name, c.starts_at, c.ends_at, c.goal FROM campaign c WHERE "
                    + where
                    + " ORDER BY c.starts_at DESC, c.id DESC")
            .setParameter("key", key)
            .getResultList()) {
      Object[] r = (Object[]) row;
      OffsetDateTime starts = offset(r[3]);
      OffsetDateTime ends = offset(r[4]);
      found.add(
          new Summary(
              ((Number) r[0]).longValue(),
              (String) r[1],
              (String) r[2],
              starts,
              ends,
              (String) r[5],
              state(starts, ends),
              link((String) r[1])));
    }
    return found;
  }

  private void requireAdmin(Principal actor, long groupId) {
    requireGroup(groupId);
    if (!actor.isAdminOf(groupId)) {
      throw ApiException.forbidden("Only an admin of this group runs its mapping parties");
    }
  }

  private void requireGroup(long groupId) {
    Number found =
        (Number)
            em.createNativeQuery("SELECT count(*) FROM local_group WHERE id = :id")
                .setParameter("id", groupId)
                .getSingleResult();
    if (found.longValue() == 0) {
      throw ApiException.notFound("No group " + groupId);
    }
  }

  private String code() {
    StringBuilder code = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      code.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
    }
    return code.toString();
  }

  /** The party's short link, from the site's root. */
  static String link(String code) {
    return "/p/" + code;
  }

  private static String state(OffsetDateTime starts, OffsetDateTime ends) {
    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
    return now.isBefore(starts) ? "upcoming" : now.isBefore(ends) ? "running" : "ended";
  }

  private static double number(Object value) {
    return value == null ? 0 : ((Number) value).doubleValue();
  }

  private static OffsetDateTime offset(Object value) {
    if (value instanceof OffsetDateTime o) {
      return o.withOffsetSameInstant(ZoneOffset.UTC);
    }
    if (value instanceof Instant i) {
      return i.atOffset(ZoneOffset.UTC);
    }
    return ((java.sql.Timestamp) value).toInstant().atOffset(ZoneOffset.UTC);
  }

  private JsonNode json(String text) {
    try {
      return mapper.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
