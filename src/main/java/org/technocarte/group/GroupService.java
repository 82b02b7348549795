package org.technocarte.group;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.technocarte.auth.AppUser;
import org.technocarte.auth.Passwords;
import org.technocarte.auth.Principal;
import org.technocarte.auth.UserRepository;
import org.technocarte.common.Tokens;
import org.technocarte.common.config.TechnocarteConfig;
import org.technocarte.common.error.ApiException;
import org.technocarte.common.error.FieldCode;
import org.technocarte.common.error.FieldError;
import org.technocarte.common.error.ProblemType;

/** Local groups, their territories and their members; who may do what is checked here. */
@ApplicationScoped
public class GroupService {

  private final EntityManager em;
  private final UserRepository users;
  private final ObjectMapper mapper;
  private final Duration inviteLifetime;

  public GroupService(
      EntityManager em, UserRepository users, ObjectMapper mapper, TechnocarteConfig config) {
    this.em = em;
    this.users = users;
    this.mapper = mapper;
    this.inviteLifetime = Duration.ofHours(config.auth().inviteHours());
  }

  /** A group as the API shows it; its territory as GeoJSON. */
  public record GroupView(long id, String name, String cityName, JsonNode territory, int version) {}

  public record GroupInput(String name, String cityName, JsonNode territory, Integer version) {}

  /** A member of a group. */
  public record Member(long userId, String displayName, String email, String role) {}

  /** A one-time invitation: the link carries the token in its fragment, never sent to a server. */
  public record Invitation(String token, String path, String role, OffsetDateTime expiresAt) {}

  public record Join(String token, String email, String displayName, String password) {}

  public List<GroupView> list() {
    return select("", null);
  }

  public GroupView get(long id) {
    return select(" WHERE g.id = :id", id).stream()
        .findFirst()
        .orElseThrow(() -> ApiException.notFound("No group " + id));
  }

  @Transactional
  public GroupView create(Principal actor, GroupInput input) {
    if (!actor.siteAdmin()) {
      throw ApiException.forbidden("Only a site administrator creates groups");
    }
    LocalGroup group = new LocalGroup();
    apply(group, input, true);
    em.persist(group);
    em.flush();
    return get(group.id);
  }

  /** A group admin changes the name, city or territory of their group. */
  @Transactional
  public GroupView update(Principal actor, long id, GroupInput input) {
    LocalGroup group = find(id);
    if (!actor.isAdminOf(id)) {
      throw ApiException.forbidden("Only an admin of this group changes it");
    }
    if (input.version() != null && input.version() != group.version) {
      throw ApiException.conflict(
          ProblemType.STALE_VERSION,
          "The group was changed by someone else: reload it and try again");
    }
    apply(group, input, false);
    em.flush();
    return get(id);
  }

  /**
   * A site admin deletes a group: its memberships, invitations and imports go with it; its
   * moderation actions stay in the history, no longer tied to a group (ON DELETE SET NULL).
   */
  @Transactional
  public void delete(Principal actor, long id) {
    find(id);
    if (!actor.siteAdmin()) {
      throw ApiException.forbidden("Only a site administrator deletes groups");
    }
    em.createNativeQuery("DELETE FROM local_group WHERE id = :id")
        .setParameter("id", id)
        .executeUpdate();
  }

  /** More than this is more than a French region (the largest, Nouvelle-Aquitaine, ~84,000 km²). */
  static final double REGION_KM2 = 85_000;

  /** What a territory would be before it is saved: its area, and the other groups it overlaps. */
  public record TerritoryCheck(double areaKm2, boolean largerThanRegion, List<Overlap> overlaps) {}

  /** Another group whose territory shares an area with the one checked. */
  public record Overlap(long id, String name, double areaKm2) {}

  public TerritoryCheck check(JsonNode territory, Long exceptGroup) {
    String wkt = Territory.parse("territory", territory).toText();
    double area =
        ((Number)
                em.createNativeQuery("SELECT ST_Area(ST_GeomFromText(:wkt, 4326)::geography) / 1e6")
                    .setParameter("wkt", wkt)
                    .getSingleResult())
            .doubleValue();
    List<Overlap> overlaps = new ArrayList<>();
    for (Object row :
        em.createNativeQuery(
                """
                SELECT g.id, g.name, ST_Area(ST_Intersection(g.territory, t.geom)::geography) / 1e6
                FROM local_group g, (SELECT ST_GeomFromText(:wkt, 4326) AS geom) t
                WHERE g.id <> :except AND g.territory && t.geom
                  AND ST_Relate(g.territory, t.geom, '2********')
                ORDER BY g.name
                """)
            .setParameter("wkt", wkt)
            .setParameter("except", exceptGroup == null ? -1L : exceptGroup)
            .getResultList()) {
      Object[] r = (Object[]) row;
      overlaps.add(
          new Overlap(((Number) r[0]).longValue(), (String) r[1], ((Number) r[2]).doubleValue()));
    }
    return new TerritoryCheck(area, area > REGION_KM2, overlaps);
  }

  @Transactional
  public Invitation invite(Principal actor, long groupId, String role) {
    find(groupId);
    if (!actor.isAdminOf(groupId)) {
      throw ApiException.forbidden("Only an admin of this group invites members");
    }
    String granted = role("Invalid invitation", role == null ? Principal.MODERATOR : role);
    String token = Tokens.random();
    OffsetDateTime expires = OffsetDateTime.now().plus(inviteLifetime);
    em.createNativeQuery(
            "INSERT INTO invite (group_id, role, token_hash, created_by, expires_at)"
                + " VALUES (:group, :role, :hash, :by, :expires)")
        .setParameter("group", groupId)
        .setParameter("role", granted)
        .setParameter("hash", Tokens.hash(token))
        .setParameter("by", actor.id())
        .setParameter("expires", expires)
        .executeUpdate();
    return new Invitation(token, "/moderation/#/join/" + token, granted, expires);
  }

  /**
   * Uses an invitation once: a logged-in moderator joins as they are; anyone else creates their
   * account with their own password.
   */
  @Transactional
  public long join(Optional<Principal> actor, Join join) {
    List<?> rows =
        em.createNativeQuery(
                "SELECT id, group_id, role FROM invite WHERE token_hash = :hash"
                    + " AND used_at IS NULL AND expires_at > now() FOR UPDATE")
            .setParameter("hash", Tokens.hash(join.token() == null ? "" : join.token()))
            .getResultList();
    if (rows.isEmpty()) {
      throw ApiException.notFound("This invitation is unknown, used or expired");
    }
    Object[] invite = (Object[]) rows.get(0);
    long groupId = ((Number) invite[1]).longValue();
    long userId = actor.map(Principal::id).orElseGet(() -> createAccount(join));
    em.createNativeQuery(
            "INSERT INTO membership (user_id, group_id, role) VALUES (:user, :group, :role)"
                + " ON CONFLICT (user_id, group_id) DO UPDATE SET role = EXCLUDED.role")
        .setParameter("user", userId)
        .setParameter("group", groupId)
        .setParameter("role", invite[2])
        .executeUpdate();
    em.createNativeQuery("UPDATE invite SET used_at = now() WHERE id = :id")
        .setParameter("id", invite[0])
        .executeUpdate();
    return groupId;
  }

  public List<Member> members(Principal actor, long groupId) {
    find(groupId);
    if (!actor.isMemberOf(groupId)) {
      throw ApiException.forbidden("Only members of this group see its members");
    }
    List<Member> members = new ArrayList<>();
    for (Object row :
        em.createNativeQuery(
                "SELECT u.id, u.display_name, u.email, m.role FROM membership m"
                    + " JOIN app_user u ON u.id = m.user_id WHERE m.group_id = :group"
                    + " ORDER BY u.display_name")
            .setParameter("group", groupId)
            .getResultList()) {
      Object[] r = (Object[]) row;
      members.add(
          new Member(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3]));
    }
    return members;
  }

  /** A group admin makes a member a moderator or an admin. */
  @Transactional
  public Member changeRole(Principal actor, long groupId, long userId, String role) {
    find(groupId);
    if (!actor.isAdminOf(groupId)) {
      throw ApiException.forbidden("Only an admin of this group changes its members' roles");
    }
    String granted = role("Invalid role", role);
    int changed =
        em.createNativeQuery(
                "UPDATE membership SET role = :role WHERE group_id = :group AND user_id = :user")
            .setParameter("role", granted)
            .setParameter("group", groupId)
            .setParameter("user", userId)
            .executeUpdate();
    if (changed == 0) {
      throw ApiException.notFound("No such member");
    }
    return members(actor, groupId).stream()
        .filter(m -> m.userId() == userId)
        .findFirst()
        .orElseThrow();
  }

  private static String role(String title, String role) {
    if (!Principal.MODERATOR.equals(role) && !Principal.ADMIN.equals(role)) {
      throw ApiException.invalid(
          title,
          List.of(new FieldError("role", FieldCode.NOT_ONE_OF, "must be moderator or admin")));
    }
    return role;
  }

  @Transactional
  public void removeMember(Principal actor, long groupId, long userId) {
    find(groupId);
    if (!actor.isAdminOf(groupId)) {
      throw ApiException.forbidden("Only an admin of this group removes members");
    }
    int removed =
        em.createNativeQuery("DELETE FROM membership WHERE group_id = :group AND user_id = :user")
            .setParameter("group", groupId)
            .setParameter("user", userId)
            .executeUpdate();
    if (removed == 0) {
      throw ApiException.notFound("No such member");
    }
  }

  private long createAccount(Join join) {
    List<FieldError> errors = new ArrayList<>();
    String email = UserRepository.normalise(join.email());
    if (email == null || !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+") || email.length() > 254) {
      errors.add(new FieldError("email", FieldCode.NOT_AN_EMAIL, "must be an email address"));
    }
    String name = join.displayName() == null ? "" : join.displayName().strip();
    if (name.isEmpty() || name.length() > 100) {
      errors.add(new FieldError("displayName", FieldCode.LENGTH, "must be 1 to 100 characters"));
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid("Invalid account", errors);
    }
    if (users.findByEmail(email).isPresent()) {
      throw ApiException.conflict(
          ProblemType.ACCOUNT_EXISTS,
          "An account with this email exists: log in, then open the link again");
    }
    AppUser user = new AppUser();
    user.email = email;
    user.displayName = name;
    user.passwordHash = Passwords.hash("password", join.password());
    users.persist(user);
    return user.id;
  }

  private void apply(LocalGroup group, GroupInput input, boolean creating) {
    List<FieldError> errors = new ArrayList<>();
    if (creating || input.name() != null) {
      String name = input.name() == null ? "" : input.name().strip();
      if (name.isEmpty() || name.length() > 120) {
        errors.add(new FieldError("name", FieldCode.LENGTH, "must be 1 to 120 characters"));
      }
      group.name = name;
    }
    if (input.cityName() != null) {
      if (input.cityName().length() > 200) {
        errors.add(new FieldError("cityName", FieldCode.LENGTH, "must be at most 200 characters"));
      }
      group.cityName = input.cityName().strip();
    }
    if (!errors.isEmpty()) {
      throw ApiException.invalid("Invalid group", errors);
    }
    if (creating || input.territory() != null) {
      group.territory = Territory.parse("territory", input.territory());
    }
    if (creating || input.name() != null) {
      Long same =
          ((Number)
                  em.createNativeQuery(
                          "SELECT count(*) FROM local_group WHERE name = :name AND id <> :id")
                      .setParameter("name", group.name)
                      .setParameter("id", group.id == null ? -1L : group.id)
                      .getSingleResult())
              .longValue();
      if (same > 0) {
        throw ApiException.conflict(ProblemType.NAME_TAKEN, "A group with this name exists");
      }
    }
  }

  private LocalGroup find(long id) {
    LocalGroup group = em.find(LocalGroup.class, id);
    if (group == null) {
      throw ApiException.notFound("No group " + id);
    }
    return group;
  }

  private List<GroupView> select(String where, Long id) {
    var query =
        em.createNativeQuery(
            "SELECT g.id, g.name, g.city_name, ST_AsGeoJSON(g.territory, 6), g.version"
                + " FROM local_group g"
                + where
                + " ORDER BY g.name");
    if (id != null) {
      query.setParameter("id", id);
    }
    List<GroupView> groups = new ArrayList<>();
    for (Object row : query.getResultList()) {
      Object[] r = (Object[]) row;
      groups.add(
          new GroupView(
              ((Number) r[0]).longValue(),
              (String) r[1],
              (String) r[2],
              json((String) r[3]),
              ((Number) r[4]).intValue()));
    }
    return groups;
  }

  private JsonNode json(String text) {
    try {
      return mapper.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
