package org.technocarte.auth;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Checks the login of {@link LoginRequired} endpoints after rate limits and before the body is read
 * (request filters run before the JSON layer and before the parameters are converted).
 */
public class LoginFilter {

  private final CurrentUser currentUser;

  public LoginFilter(CurrentUser currentUser) {
    this.currentUser = currentUser;
  }

  @ServerRequestFilter(priority = Priorities.AUTHENTICATION + 100)
  public void check(ResourceInfo resource) {
    Method method = resource.getResourceMethod();
    if (method != null
        && (method.isAnnotationPresent(LoginRequired.class)
            || method.getDeclaringClass().isAnnotationPresent(LoginRequired.class))) {
      currentUser.require();
    }
  }
}
