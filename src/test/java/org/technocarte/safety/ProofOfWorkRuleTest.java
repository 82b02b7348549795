package org.technocarte.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.technocarte.common.config.PowConfig;
import org.technocarte.common.error.ApiException;

/**
 * The parts of the proof of work that need a clock. Neither reaches the database: an expired
 * challenge is refused before it is remembered, and difficulty 0 checks nothing.
 */
class ProofOfWorkRuleTest {

  static PowConfig difficulty(int bits) {
    return new PowConfig() {
      @Override
      public int difficulty() {
        return bits;
      }

      @Override
      public Duration ttl() {
        return Duration.ofMinutes(10);
      }
    };
  }

  static final class MovableClock extends Clock {
    Instant now = Instant.parse("2026-11-28T10:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  @Test
  void shouldRefuseAnExpiredChallenge() {
    MovableClock clock = new MovableClock();
    ProofOfWork pow = new ProofOfWork(difficulty(4), new Secrets((String) null), null, clock);
    String proof = ProofOfWorkTest.solve(pow.challenge().challenge(), 4);
    clock.now = clock.now.plus(Duration.ofMinutes(11));

    ApiException refused = assertThrows(ApiException.class, () -> pow.verify(proof));
    assertEquals(403, refused.status());
  }

  @Test
  void shouldCountLeadingZeroBits() {
    assertEquals(0, ProofOfWork.leadingZeroBits(new byte[] {(byte) 0x80, 0}));
    assertEquals(7, ProofOfWork.leadingZeroBits(new byte[] {0x01, 0}));
    assertEquals(12, ProofOfWork.leadingZeroBits(new byte[] {0, 0x08}));
    assertEquals(16, ProofOfWork.leadingZeroBits(new byte[] {0, 0}));
  }

  @Test
  void shouldAskNothingWhenTheDifficultyIsZero() {
    new ProofOfWork(difficulty(0), new Secrets((String) null), null, Clock.systemUTC())
        .verify(null);
  }
}
