package org.technocarte.safety;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.technocarte.common.config.PowConfig;
import org.technocarte.common.error.ApiException;

/**
 * A self-hosted proof of work. A challenge is `v1.<expiry>.<difficulty>.<random>.<signature>`,
 * signed with a key that lives only in memory, so the server keeps nothing per challenge it hands
 * out. The browser finds a nonce such that SHA-256(challenge + nonce), over their UTF-8 bytes, has
 * `difficulty` leading zero bits. A solved challenge is remembered until it expires, so it buys one
 * request only.
 *
 * <p>With several instances each has its own key: a challenge is good on the one that made it
 * (sticky sessions), or give all instances the same key when that is needed.
 */
@ApplicationScoped
public class ProofOfWork {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final int MAX_NONCE_LENGTH = 64;

  private final PowConfig config;
  private final Clock clock;
  private final byte[] key = new byte[32];
  private final Map<String, Long> used = new ConcurrentHashMap<>();

  @Inject
  public ProofOfWork(PowConfig config) {
    this(config, Clock.systemUTC());
  }

  ProofOfWork(PowConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    RANDOM.nextBytes(key);
  }

  /** A challenge to solve, with its difficulty and expiry. */
  public record Challenge(String challenge, int difficulty, Instant expiresAt) {}

  public boolean enabled() {
    return config.difficulty() > 0;
  }

  public Challenge challenge() {
    Instant expires = clock.instant().plus(config.ttl());
    byte[] random = new byte[16];
    RANDOM.nextBytes(random);
    String body =
        "v1."
            + expires.getEpochSecond()
            + "."
            + config.difficulty()
            + "."
            + B64.encodeToString(random);
    return new Challenge(body + "." + sign(body), config.difficulty(), expires);
  }

  /**
   * Checks a proof, `<challenge>:<nonce>`, and uses it up. Missing or malformed: 400; forged,
   * expired, too weak or already used: 403.
   */
  public void verify(String proof) {
    if (!enabled()) {
      return;
    }
    if (proof == null || proof.isBlank()) {
      throw ApiException.badRequest(
          "proof-of-work-required",
          "Proof of work required",
          "Send X-Proof-Of-Work: <challenge>:<nonce>, solving a challenge from"
              + " GET /api/pow/challenge");
    }
    int colon = proof.lastIndexOf(':');
    String challenge = colon < 0 ? "" : proof.substring(0, colon).strip();
    String nonce = colon < 0 ? "" : proof.substring(colon + 1).strip();
    String[] parts = challenge.split("\\.", -1);
    if (parts.length != 5
        || !parts[0].equals("v1")
        || nonce.isEmpty()
        || nonce.length() > MAX_NONCE_LENGTH) {
      throw ApiException.badRequest(
          "malformed-proof-of-work",
          "Malformed proof of work",
          "X-Proof-Of-Work must be <challenge>:<nonce>");
    }
    String body = String.join(".", parts[0], parts[1], parts[2], parts[3]);
    if (!MessageDigest.isEqual(
        sign(body).getBytes(StandardCharsets.US_ASCII),
        parts[4].getBytes(StandardCharsets.US_ASCII))) {
      throw refused("invalid-proof-of-work", "This challenge was not issued by this server");
    }
    long expiry;
    int difficulty;
    try {
      expiry = Long.parseLong(parts[1]);
      difficulty = Integer.parseInt(parts[2]);
    } catch (NumberFormatException e) {
      throw refused("invalid-proof-of-work", "This challenge was not issued by this server");
    }
    long now = clock.instant().getEpochSecond();
    if (now > expiry) {
      throw refused("expired-proof-of-work", "The challenge expired: ask for a new one");
    }
    // A challenge issued before the difficulty was raised does not pass under the new one.
    if (difficulty < config.difficulty() || !solves(challenge, nonce, difficulty)) {
      throw refused("invalid-proof-of-work", "The nonce does not solve the challenge");
    }
    forgetExpired(now);
    if (used.putIfAbsent(challenge, expiry) != null) {
      throw refused("used-proof-of-work", "This challenge was already used: ask for a new one");
    }
  }

  /** The rule the browser solves: SHA-256(challenge + nonce) starts with `bits` zero bits. */
  public static boolean solves(String challenge, String nonce, int bits) {
    byte[] hash = sha256((challenge + nonce).getBytes(StandardCharsets.UTF_8));
    return leadingZeroBits(hash) >= bits;
  }

  static int leadingZeroBits(byte[] hash) {
    int bits = 0;
    for (byte b : hash) {
      if (b == 0) {
        bits += 8;
        continue;
      }
      return bits + Integer.numberOfLeadingZeros(b & 0xFF) - 24;
    }
    return bits;
  }

  private void forgetExpired(long now) {
    used.values().removeIf(expiry -> expiry < now);
  }

  private String sign(String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return B64.encodeToString(mac.doFinal(body.getBytes(StandardCharsets.US_ASCII)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static ApiException refused(String code, String detail) {
    return new ApiException(403, code, "Proof of work refused", detail, null);
  }
}
