package org.technocarte.safety;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import javax.crypto.Mac;
import org.jboss.logging.Logger;

/**
 * Turns a client address into a key that cannot be turned back: HMAC-SHA256 under a key of the day
 * (UTC) that every instance derives alike, from the operator's secret ({@link Secrets}) and a
 * random salt of the day. The salt is drawn by the first instance that needs it and kept in the
 * database (an unlogged table, never in the WAL or a backup) until its day is over, then deleted:
 * from then on nobody can recompute that day's keys, not the operator who keeps the secret, not
 * someone who steals the secret and an old copy of the database. The key itself lives only in
 * memory.
 */
@ApplicationScoped
public class AddressKeys {

  private static final Logger LOG = Logger.getLogger(AddressKeys.class);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String KEY_LABEL = "technocarte address key v1";

  private static final String INSERT_SALT =
      "INSERT INTO address_day_salt (day, salt) VALUES (?, ?) ON CONFLICT (day) DO NOTHING";
  private static final String SELECT_SALT = "SELECT salt FROM address_day_salt WHERE day = ?";
  private static final String DELETE_OLD_SALTS = "DELETE FROM address_day_salt WHERE day < ?";

  private final Secrets secrets;
  private final AgroalDataSource dataSource;
  private final Clock clock;
  private volatile DayKey key;

  @Inject
  public AddressKeys(Secrets secrets, AgroalDataSource dataSource) {
    this(secrets, dataSource, Clock.systemUTC());
  }

  AddressKeys(Secrets secrets, AgroalDataSource dataSource, Clock clock) {
    this.secrets = secrets;
    this.dataSource = dataSource;
    this.clock = clock;
  }

  /** The key for an address, and the day whose secret made it. */
  public record Key(LocalDate day, String value) {}

  /**
   * The key of an address (an IP literal). IPv6 addresses are keyed by their /64 prefix, which one
   * home or phone holds whole: keying every address of it apart would let one client be many.
   */
  public Key of(String address) {
    return keyed(canonical(address));
  }

  /**
   * The key of another thing that must not be stored as it is (the account of a failed login),
   * apart from every address key by its purpose.
   */
  public Key of(String purpose, String text) {
    byte[] p = purpose.getBytes(StandardCharsets.UTF_8);
    byte[] t = text == null ? new byte[0] : text.getBytes(StandardCharsets.UTF_8);
    byte[] material = new byte[p.length + 1 + t.length];
    System.arraycopy(p, 0, material, 0, p.length);
    // UTF-8 never holds the byte 0xFF: no such key can be the key of an address.
    material[p.length] = (byte) 0xFF;
    System.arraycopy(t, 0, material, p.length + 1, t.length);
    return keyed(material);
  }

  private Key keyed(byte[] material) {
    DayKey current = current();
    Mac mac = Secrets.mac(current.bytes);
    return new Key(current.day, HexFormat.of().formatHex(mac.doFinal(material), 0, 16));
  }

  private DayKey current() {
    LocalDate today = today();
    DayKey current = key;
    if (current == null || !current.day.equals(today)) {
      synchronized (this) {
        if (key == null || !key.day.equals(today)) {
          key =
              new DayKey(
                  today,
                  secrets.derive(
                      KEY_LABEL,
                      today.toString().getBytes(StandardCharsets.US_ASCII),
                      salt(today)));
        }
        current = key;
      }
    }
    return current;
  }

  /**
   * The salt of the day: the one already drawn by some instance, or a new one. In a transaction of
   * its own, committed before any key is made with it: were it rolled back with a caller's, this
   * instance would key with a salt no other instance has.
   */
  private byte[] salt(LocalDate day) {
    return QuarkusTransaction.requiringNew().call(() -> readOrDrawSalt(day));
  }

  private byte[] readOrDrawSalt(LocalDate day) {
    byte[] fresh = new byte[32];
    RANDOM.nextBytes(fresh);
    try (Connection connection = dataSource.getConnection()) {
      try (PreparedStatement insert = connection.prepareStatement(INSERT_SALT)) {
        insert.setObject(1, day);
        insert.setBytes(2, fresh);
        insert.executeUpdate();
      }
      // A separate statement: it sees the row of whichever instance won.
      try (PreparedStatement select = connection.prepareStatement(SELECT_SALT)) {
        select.setObject(1, day);
        try (ResultSet rows = select.executeQuery()) {
          if (!rows.next()) {
            throw new IllegalStateException("the salt of " + day + " was deleted while read");
          }
          return rows.getBytes(1);
        }
      }
    } catch (SQLException e) {
      throw new SharedStateException("reading the salt of the day failed", e);
    }
  }

  /** Deletes the salts of past days: their keys can never be made again. */
  @Scheduled(every = "60s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void purge() {
    SharedStateException.purge(LOG, dataSource, DELETE_OLD_SALTS, today());
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

  private record DayKey(LocalDate day, byte[] bytes) {}
}
