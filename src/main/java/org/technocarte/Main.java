package org.technocarte;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the platform. Before anything of the HTTP layer loads, it turns off that layer's own check
 * of the request target: the layer answers a target it cannot read (a bare {@code %}, {@code %G1})
 * with an empty 400, while {@code RequestCheck}, the first route, makes the same check and answers
 * problem+json naming the path or the parameter.
 */
@QuarkusMain
public final class Main {

  /** The HTTP layer's switch, read once when its recorder class loads. */
  static final String OWN_TARGET_CHECK = "vertx.disableURIValidation";

  Main() {}

  public static void main(String... args) {
    System.setProperty(OWN_TARGET_CHECK, "true");
    Quarkus.run(args);
  }
}
