package org.technocarte.common.error;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.Response;
import org.junit.jupiter.api.Test;

/** Overload and bugs, told apart where no framework is needed. */
class ProblemMapperTest {

  private int sweeps;

  private final ProblemMapper mapper = new ProblemMapper(() -> sweeps++);

  @Test
  void shouldAnswerBuffersForAnswersUsedUpAs503WithRetryAfter() {
    // As the JSON writer wraps it when the direct memory cap is reached.
    Throwable full =
        new RuntimeException(
            new OutOfMemoryError(
                "Cannot reserve 65536 bytes of direct buffer memory (allocated: 134200772, limit:"
                    + " 134217728)"));
    Response answer = mapper.internal(full);
    assertEquals(503, answer.getStatus());
    assertEquals("2", String.valueOf(answer.getHeaderString("Retry-After")));
    assertEquals("/problems/server-busy", ((Problem) answer.getEntity()).type());
    assertEquals(1, sweeps, "the pools are swept: the Error may have struck inside a read");
  }

  @Test
  void shouldLeaveTheHeapRunningOutAndOtherFailuresAs500() {
    assertEquals(500, mapper.internal(new OutOfMemoryError("Java heap space")).getStatus());
    assertEquals(500, mapper.internal(new IllegalStateException("bug")).getStatus());
    assertEquals(2, sweeps);
  }

  @Test
  void shouldSweepAtMostOnceASecondInAStormOfFailures() {
    Runnable throttled = ProblemMapper.atMostEverySecond(() -> sweeps++);
    for (int i = 0; i < 1000; i++) {
      throttled.run();
    }
    assertEquals(1, sweeps);
  }

  @Test
  void shouldNotSweepThePoolsForTheDatabasesExpectedFaults() {
    Response answer =
        mapper.internal(
            new java.sql.SQLException("canceling statement due to statement timeout", "57014"));
    assertEquals(503, answer.getStatus());
    assertEquals(0, sweeps);
  }
}
