package org.technocarte.sighting;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The walker's private edit token, and the hashes under which the token and the clientId are
 * stored. Neither the token nor the clientId is ever stored as such.
 *
 * <p>With a clientId the token is derived from it, so that a resend after a lost answer gets the
 * same token back: only the phone that made the random clientId knows it, and the database holds
 * only its hash, from which neither the clientId nor the token can be found.
 */
final class EditTokens {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final byte[] DERIVATION_LABEL =
      "technocarte edit token v1".getBytes(StandardCharsets.UTF_8);

  private EditTokens() {}

  static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return encode(bytes);
  }

  static String forClient(UUID clientId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(canonical(clientId), "HmacSHA256"));
      return encode(mac.doFinal(DERIVATION_LABEL));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  static byte[] hashToken(String token) {
    return sha256(token.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] hashClientId(UUID clientId) {
    return sha256(canonical(clientId));
  }

  /** Constant-time comparison of a presented token with the stored hash. */
  static boolean matches(String presented, byte[] storedHash) {
    return presented != null
        && storedHash != null
        && presented.length() <= 128
        && MessageDigest.isEqual(hashToken(presented), storedHash);
  }

  private static byte[] canonical(UUID clientId) {
    return clientId.toString().getBytes(StandardCharsets.US_ASCII);
  }

  private static String encode(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
