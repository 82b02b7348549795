package org.technocarte.auth;

import io.vertx.core.http.HttpServerRequest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.LocalDate;
import java.time.ZoneOffset;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.technocarte.common.Tokens;

/**
 * Turns a client address into a key for counting attempts, without keeping the address: an HMAC
 * under a random secret that lives in memory only and changes every day.
 */
final class AddressKey {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static LocalDate day;
  private static byte[] secret;

  private AddressKey() {}

  static String of(HttpServerRequest request) {
    String address =
        request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(todaysSecret(), "HmacSHA256"));
      return Tokens.encode(mac.doFinal(address.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  private static synchronized byte[] todaysSecret() {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    if (!today.equals(day)) {
      secret = new byte[32];
      RANDOM.nextBytes(secret);
      day = today;
    }
    return secret;
  }
}
