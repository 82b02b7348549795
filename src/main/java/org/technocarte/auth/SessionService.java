package org.technocarte.auth;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.technocarte.common.Tokens;
import org.technocarte.common.config.TechnocarteConfig;
import org.technocarte.common.error.ApiException;
import org.technocarte.common.error.ProblemType;

/** Logs moderators in and out; sessions live in the database, shared by every instance. */
@ApplicationScoped
public class SessionService {

  /** Compared against when the email is unknown, so that both failures take the same time. */
  private static final String DUMMY_HASH =
      BcryptUtil.bcryptHash("technocarte-no-such-user", Passwords.COST);

  private final EntityManager em;
  private final UserRepository users;
  private final LoginThrottle throttle;
  private final Duration lifetime;

  public SessionService(
      EntityManager em, UserRepository users, LoginThrottle throttle, TechnocarteConfig config) {
    this.em = em;
    this.users = users;
    this.throttle = throttle;
    this.lifetime = Duration.ofHours(config.auth().sessionHours());
  }

  /** A new session: the cookie's token, its CSRF token, who logged in. */
  public record Login(String token, String csrfToken, Principal principal, Duration lifetime) {}

  /**
   * The CSRF token of a session is derived from the session token: only a page of our own origin
   * can read it (from the login answer or /api/auth/me), and nothing more is stored.
   */
  public static String csrfToken(String sessionToken) {
    return Tokens.derive(sessionToken, "technocarte csrf v1");
  }

  @Transactional
  public Login login(String email, String password, String addressKey) {
    String account = UserRepository.normalise(email);
    throttle.check(account, addressKey);
    Optional<AppUser> user = account == null ? Optional.empty() : users.findByEmail(account);
    boolean ok =
        password != null
            && password.length() <= 200
            && BcryptUtil.matches(password, user.map(u -> u.passwordHash).orElse(DUMMY_HASH))
            && user.isPresent();
    if (!ok) {
      throttle.failed(account, addressKey);
      throw new ApiException(
          ProblemType.LOGIN_FAILED, "Login failed", "Email or password is wrong", null);
    }
    throttle.succeeded(account);
    String token = Tokens.random();
    em.createNativeQuery(
            "INSERT INTO user_session (token_hash, user_id, expires_at)"
                + " VALUES (:token, :user, :expires)")
        .setParameter("token", Tokens.hash(token))
        .setParameter("user", user.get().id)
        .setParameter("expires", OffsetDateTime.now().plus(lifetime))
        .executeUpdate();
    em.createNativeQuery("DELETE FROM user_session WHERE expires_at < now()").executeUpdate();
    return new Login(token, csrfToken(token), principal(user.get()), lifetime);
  }

  /** The moderator of a live session. */
  @Transactional
  public Optional<Principal> resolve(String token) {
    if (token == null || token.length() > 128) {
      return Optional.empty();
    }
    List<?> users =
        em.createNativeQuery(
                "SELECT user_id FROM user_session WHERE token_hash = :token AND expires_at > now()")
            .setParameter("token", Tokens.hash(token))
            .getResultList();
    if (users.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(principal(this.users.findById(((Number) users.get(0)).longValue())));
  }

  @Transactional
  public void logout(String token) {
    if (token != null) {
      em.createNativeQuery("DELETE FROM user_session WHERE token_hash = :token")
          .setParameter("token", Tokens.hash(token))
          .executeUpdate();
    }
  }

  /** Ends every session of a user (removed from all groups, password changed). */
  @Transactional
  public void endAllSessions(long userId) {
    em.createNativeQuery("DELETE FROM user_session WHERE user_id = :user")
        .setParameter("user", userId)
        .executeUpdate();
  }

  Principal principal(AppUser user) {
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery("SELECT group_id, role FROM membership WHERE user_id = :user")
            .setParameter("user", user.id)
            .getResultList();
    Map<Long, String> roles = new HashMap<>();
    for (Object[] row : rows) {
      roles.put(((Number) row[0]).longValue(), (String) row[1]);
    }
    return new Principal(user.id, user.email, user.displayName, user.siteAdmin, Map.copyOf(roles));
  }
}
