package org.technocarte.sighting;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.technocarte.common.Tokens;

/**
 * The walker's private edit token and the hash under which the clientId is stored. Neither the
 * token nor the clientId is ever stored as such.
 *
 * <p>With a clientId the token is derived from it, so that a resend after a lost answer gets the
 * same token back: only the phone that made the random clientId knows it, and the database holds
 * only its hash, from which neither the clientId nor the token can be found.
 */
final class EditTokens {

  private static final byte[] DERIVATION_LABEL =
      "technocarte edit token v1".getBytes(StandardCharsets.UTF_8);

  private EditTokens() {}

  static String forClient(UUID clientId) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(canonical(clientId), "HmacSHA256"));
      return Tokens.encode(mac.doFinal(DERIVATION_LABEL));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  static byte[] hashClientId(UUID clientId) {
    return Tokens.sha256(canonical(clientId));
  }

  private static byte[] canonical(UUID clientId) {
    return clientId.toString().getBytes(StandardCharsets.US_ASCII);
  }
}
