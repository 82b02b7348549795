package org.technocarte.safety;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import java.lang.reflect.Method;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** Checks the proof of work of methods marked {@link ProofOfWorkRequired}, after rate limits. */
public class ProofOfWorkFilter {

  private final ProofOfWork pow;

  public ProofOfWorkFilter(ProofOfWork pow) {
    this.pow = pow;
  }

  @ServerRequestFilter(priority = Priorities.AUTHORIZATION)
  public void check(ResourceInfo resource, ContainerRequestContext request) {
    Method method = resource.getResourceMethod();
    if (method != null && method.isAnnotationPresent(ProofOfWorkRequired.class)) {
      pow.verify(request.getHeaderString(ProofOfWorkRequired.HEADER));
    }
  }
}
