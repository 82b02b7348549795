package org.technocarte.safety;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import org.jboss.logging.Logger;
import org.technocarte.common.config.PowConfig;
import org.technocarte.common.error.ApiException;
import org.technocarte.common.error.ProblemType;

/**
 * A self-hosted proof of work. A challenge is `v1.<expiry>.<difficulty>.<random>.<signature>`,
 * signed with a key derived from the operator's secret ({@link Secrets}), so the server keeps
 * nothing per challenge it hands out and any instance checks what another made. The browser finds a
 * nonce such that SHA-256(challenge + nonce), over their UTF-8 bytes, has `difficulty` leading zero
 * bits. A used challenge is remembered in the database until it expires (one insert that fails on a
 * duplicate), so it buys one request only, whichever instance it is sent to.
 */
@ApplicationScoped
public class ProofOfWork {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
  private static final int MAX_NONCE_LENGTH = 64;

  private static final Logger LOG = Logger.getLogger(ProofOfWork.class);
  private static final String KEY_LABEL = "technocarte proof-of-work key v1";

  private static final String USE =
      "INSERT INTO used_challenge (challenge, expires_at) VALUES (?, ?)"
          + " ON CONFLICT (challenge) DO NOTHING";
  private static final String PURGE = "DELETE FROM used_challenge WHERE expires_at < now()";

  private final PowConfig config;
  private final AgroalDataSource dataSource;
  private final Clock clock;
  private final byte[] key;

  @Inject
  public ProofOfWork(PowConfig config, Secrets secrets, AgroalDataSource dataSource) {
    this(config, secrets, dataSource, Clock.systemUTC());
  }

  ProofOfWork(PowConfig config, Secrets secrets, AgroalDataSource dataSource, Clock clock) {
    this.config = config;
    this.dataSource = dataSource;
    this.clock = clock;
    this.key = secrets.derive(KEY_LABEL);
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
          ProblemType.PROOF_OF_WORK_REQUIRED,
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
          ProblemType.MALFORMED_PROOF_OF_WORK, "X-Proof-Of-Work must be <challenge>:<nonce>");
    }
    String body = String.join(".", parts[0], parts[1], parts[2], parts[3]);
    if (!MessageDigest.isEqual(
        sign(body).getBytes(StandardCharsets.US_ASCII),
        parts[4].getBytes(StandardCharsets.US_ASCII))) {
      throw refused(
          ProblemType.INVALID_PROOF_OF_WORK, "This challenge was not issued by this server");
    }
    long expiry;
    int difficulty;
    try {
      expiry = Long.parseLong(parts[1]);
      difficulty = Integer.parseInt(parts[2]);
    } catch (NumberFormatException e) {
      throw refused(
          ProblemType.INVALID_PROOF_OF_WORK, "This challenge was not issued by this server");
    }
    long now = clock.instant().getEpochSecond();
    if (now > expiry) {
      throw refused(ProblemType.EXPIRED_PROOF_OF_WORK, "The challenge expired: ask for a new one");
    }
    // A challenge issued before the difficulty was raised does not pass under the new one.
    if (difficulty < config.difficulty() || !solves(challenge, nonce, difficulty)) {
      throw refused(ProblemType.INVALID_PROOF_OF_WORK, "The nonce does not solve the challenge");
    }
    if (!use(challenge, expiry)) {
      throw refused(
          ProblemType.USED_PROOF_OF_WORK, "This challenge was already used: ask for a new one");
    }
  }

  /** Remembers a challenge as used; false when some instance already had. */
  private boolean use(String challenge, long expiry) {
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement = connection.prepareStatement(USE)) {
      statement.setString(1, challenge);
      statement.setObject(
          2, OffsetDateTime.ofInstant(Instant.ofEpochSecond(expiry), ZoneOffset.UTC));
      return statement.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new SharedStateException("remembering a used challenge failed", e);
    }
  }

  /** Forgets used challenges once they have expired: they are refused as expired from then on. */
  @Scheduled(every = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void purge() {
    SharedStateException.purge(LOG, dataSource, PURGE);
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

  private String sign(String body) {
    return B64.encodeToString(Secrets.mac(key).doFinal(body.getBytes(StandardCharsets.US_ASCII)));
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }

  private static ApiException refused(ProblemType type, String detail) {
    return new ApiException(type, detail);
  }
}
