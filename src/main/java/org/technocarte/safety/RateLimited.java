package org.technocarte.safety;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Limits how often one address may call this resource method (429 with Retry-After beyond). The
 * limits are set per kind in technocarte.rate-limit.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface RateLimited {

  Kind value();

  /** What is limited; each kind has its own bucket per address. */
  enum Kind {
    SUBMISSION,
    CONFIRMATION,
    PHOTO,
    ROUTE
  }
}
