package org.technocarte.safety;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Turns a client address into a key that cannot be turned back: HMAC-SHA256 under a random secret
 * that exists only in this process's memory and is replaced every day (UTC). Nothing can tie
 * yesterday's keys to an address, not even someone who reads the server's memory tomorrow.
 */
@ApplicationScoped
public class AddressKeys {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Clock clock;
  private volatile Secret secret;

  public AddressKeys() {
    this(Clock.systemUTC());
  }

  AddressKeys(Clock clock) {
    this.clock = clock;
    this.secret = Secret.newFor(today());
  }

  /** The key for an address, and the day whose secret made it. */
  public record Key(LocalDate day, String value) {}

  /**
   * The key of an address (an IP literal). IPv6 addresses are keyed by their /64 prefix, which one
   * home or phone holds whole: keying every address of it apart would let one client be many.
   */
  public Key of(String address) {
    Secret current = current();
    byte[] material = canonical(address);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(current.bytes, "HmacSHA256"));
      byte[] digest = mac.doFinal(material);
      return new Key(current.day, java.util.HexFormat.of().formatHex(digest, 0, 16));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }

  private Secret current() {
    LocalDate today = today();
    Secret current = secret;
    if (!current.day.equals(today)) {
      synchronized (this) {
        if (!secret.day.equals(today)) {
          secret = Secret.newFor(today);
        }
        current = secret;
      }
    }
    return current;
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(ZoneOffset.UTC));
  }

  static byte[] canonical(String address) {
    if (address == null || address.isBlank()) {
      return new byte[0];
    }
    String literal = address.strip();
    if (literal.startsWith("[") && literal.endsWith("]")) {
      literal = literal.substring(1, literal.length() - 1);
    }
    // Only IP literals are parsed, so that this never asks DNS about anything.
    if (literal.contains(":") || isIpv4(literal)) {
      try {
        byte[] bytes = InetAddress.getByName(stripZone(literal)).getAddress();
        return bytes.length == 16 ? Arrays.copyOf(bytes, 8) : bytes;
      } catch (UnknownHostException e) {
        // Not a literal after all: fall through and key the text.
      }
    }
    return literal.getBytes(StandardCharsets.UTF_8);
  }

  private static boolean isIpv4(String text) {
    return text.matches("\\d{1,3}(\\.\\d{1,3}){3}");
  }

  private static String stripZone(String literal) {
    int percent = literal.indexOf('%');
    return percent < 0 ? literal : literal.substring(0, percent);
  }

  private record Secret(LocalDate day, byte[] bytes) {
    static Secret newFor(LocalDate day) {
      byte[] bytes = new byte[32];
      RANDOM.nextBytes(bytes);
      return new Secret(day, bytes);
    }
  }
}
