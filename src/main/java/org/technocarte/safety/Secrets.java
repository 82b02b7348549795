package org.technocarte.safety;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;
import org.technocarte.common.config.SecretConfig;

/**
 * Keys derived from the operator's secret, each under its own label, so that one key says nothing
 * of another: HMAC-SHA256(secret, label 0x00 data), the extract-and-expand step of HKDF with one
 * block, which is all a 256-bit key needs.
 *
 * <p>Made at start, so that a secret too short stops the app before it serves anything.
 */
@ApplicationScoped
public class Secrets {

  static final int MIN_LENGTH = 32;
  private static final Logger LOG = Logger.getLogger(Secrets.class);

  private final byte[] secret;
  private final boolean drawn;

  @Inject
  public Secrets(SecretConfig config) {
    this(config.value().orElse(null));
  }

  /** The given secret, or a random one for this process when it is null. */
  Secrets(String secret) {
    if (secret == null || secret.isEmpty()) {
      this.secret = new byte[32];
      new SecureRandom().nextBytes(this.secret);
      this.drawn = true;
      return;
    }
    if (secret.length() < MIN_LENGTH) {
      throw new IllegalStateException(
          "technocarte.secret (TECHNOCARTE_SECRET) must be at least "
              + MIN_LENGTH
              + " characters, e.g. the output of: openssl rand -base64 32");
    }
    this.secret = secret.getBytes(StandardCharsets.UTF_8);
    this.drawn = false;
  }

  void onStart(@Observes StartupEvent start) {
    if (drawn && LaunchMode.current() == LaunchMode.NORMAL) {
      LOG.warn(
          "technocarte.secret (TECHNOCARTE_SECRET) is not set: this process drew a random one,"
              + " which is right for a single instance only. Give every instance the same secret"
              + " before running more than one.");
    }
  }

  /** A 32-byte key for one purpose, named by its label, from the data given. */
  public byte[] derive(String label, byte[]... data) {
    Mac mac = mac(secret);
    mac.update(label.getBytes(StandardCharsets.US_ASCII));
    for (byte[] part : data) {
      mac.update((byte) 0);
      mac.update(part);
    }
    return mac.doFinal();
  }

  static Mac mac(byte[] key) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
