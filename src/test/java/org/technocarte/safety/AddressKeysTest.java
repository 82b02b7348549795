package org.technocarte.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every instance with the operator's secret keys an address alike, through the salt of the day they
 * share; once that salt is deleted, nobody can make the day's keys again, secret or not.
 */
@QuarkusTest
class AddressKeysTest {

  static final String SECRET = "an operator secret of forty-odd characters, for tests";
  static final Clock LONG_AGO = Clock.fixed(Instant.parse("2001-01-01T12:00:00Z"), ZoneOffset.UTC);
  static final Clock DAY_AFTER = Clock.fixed(Instant.parse("2001-01-02T12:00:00Z"), ZoneOffset.UTC);

  private final AgroalDataSource dataSource;

  AddressKeysTest(AgroalDataSource dataSource) {
    this.dataSource = dataSource;
  }

  @BeforeEach
  void noSaltOfThatDay() throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement()) {
      s.executeUpdate("DELETE FROM address_day_salt WHERE day < DATE '2002-01-01'");
    }
  }

  AddressKeys instance(String secret, Clock clock) {
    return new AddressKeys(new Secrets(secret), dataSource, clock);
  }

  @Test
  void shouldKeyAnAddressAlikeOnEveryInstanceWithTheSameSecret() {
    AddressKeys one = instance(SECRET, LONG_AGO);
    AddressKeys other = instance(SECRET, LONG_AGO);

    assertEquals(one.of("198.51.100.1"), other.of("198.51.100.1"));
    assertEquals(one.of("2001:db8:1:2::1"), other.of("2001:db8:1:2:ffff::9"));
    assertNotEquals(one.of("198.51.100.1"), other.of("198.51.100.2"));
    assertEquals(one.of("login account", "a@b.test"), other.of("login account", "a@b.test"));
    assertNotEquals(one.of("login account", "a@b.test"), one.of("a@b.test"));
  }

  @Test
  void shouldKeyApartUnderAnotherSecret() {
    assertNotEquals(
        instance(SECRET, LONG_AGO).of("198.51.100.1"),
        instance(SECRET + " but another", LONG_AGO).of("198.51.100.1"));
    assertNotEquals(
        instance(null, LONG_AGO).of("198.51.100.1"), instance(null, LONG_AGO).of("198.51.100.1"));
  }

  @Test
  void shouldNeverMakeAPastDaysKeysAgainOnceItsSaltIsDeleted() {
    AddressKeys.Key thatDay = instance(SECRET, LONG_AGO).of("198.51.100.1");

    // The next day's purge deletes the salt; the secret alone no longer gives the key back.
    instance(SECRET, DAY_AFTER).purge();

    assertNotEquals(thatDay, instance(SECRET, LONG_AGO).of("198.51.100.1"));
  }

  @Test
  void shouldRefuseASecretTooShortToBeOne() {
    assertThrows(IllegalStateException.class, () -> new Secrets("short"));
  }
}
