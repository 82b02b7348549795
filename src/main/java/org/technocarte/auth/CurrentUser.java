package org.technocarte.auth;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;
import java.util.Set;
import org.technocarte.common.error.ApiException;
import org.technocarte.common.error.ProblemType;

/**
 * The moderator behind the current request, found from the session cookie when a feature asks. A
 * state-changing request made with the cookie must also carry the session's CSRF token.
 */
@RequestScoped
public class CurrentUser {

  public static final String COOKIE = "technocarte_session";
  public static final String CSRF_HEADER = "X-CSRF-Token";
  private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD);

  private final HttpServerRequest request;
  private final SessionService sessions;
  private Optional<Principal> principal;

  public CurrentUser(HttpServerRequest request, SessionService sessions) {
    this.request = request;
    this.sessions = sessions;
  }

  /** The logged-in moderator, or 401; 403 when a change comes without the CSRF token. */
  public Principal require() {
    Principal found = principal().orElseThrow(ApiException::unauthenticated);
    if (!SAFE.contains(request.method()) && !csrfMatches(request.getHeader(CSRF_HEADER))) {
      throw new ApiException(
          ProblemType.CSRF,
          "Missing CSRF token",
          "Send the X-CSRF-Token given at login with every change",
          null);
    }
    return found;
  }

  /** The moderator if logged in, for features that anyone may use. */
  public Optional<Principal> get() {
    return principal();
  }

  /** The CSRF token of this session, for the page of our own origin that asks. */
  public String csrfToken() {
    return SessionService.csrfToken(token());
  }

  /** The session token of the cookie, if any. */
  public String token() {
    Cookie cookie = request.getCookie(COOKIE);
    return cookie == null ? null : cookie.getValue();
  }

  private boolean csrfMatches(String presented) {
    return presented != null
        && java.security.MessageDigest.isEqual(
            presented.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            csrfToken().getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  private Optional<Principal> principal() {
    if (principal == null) {
      principal = sessions.resolve(token());
    }
    return principal;
  }
}
