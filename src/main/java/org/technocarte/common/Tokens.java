package org.technocarte.common;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/** Random secrets handed to clients (edit, session, invite tokens) and the hashes we keep. */
public final class Tokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  private Tokens() {}

  /** 256 random bits, URL-safe. */
  public static String random() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return encode(bytes);
  }

  public static String encode(byte[] bytes) {
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** SHA-256 of a token: what the database keeps instead of the token. */
  public static byte[] hash(String token) {
    return sha256(token.getBytes(StandardCharsets.UTF_8));
  }

  /** Constant-time comparison of a presented token with a stored hash. */
  public static boolean matches(String presented, byte[] storedHash) {
    return presented != null
        && storedHash != null
        && presented.length() <= 128
        && MessageDigest.isEqual(hash(presented), storedHash);
  }

  /** A token derived from a secret one for a purpose: HMAC-SHA256(secret, label), URL-safe. */
  public static String derive(String secret, String label) {
    try {
      javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
      mac.init(
          new javax.crypto.spec.SecretKeySpec(
              secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return encode(mac.doFinal(label.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  public static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
