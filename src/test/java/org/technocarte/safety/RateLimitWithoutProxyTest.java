package org.technocarte.safety;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Without a proxy in front (forwarding off, the default) X-Forwarded-For is the client's own word:
 * it must not buy a fresh bucket.
 */
@QuarkusTest
@TestProfile(RateLimitWithoutProxyTest.OneSubmission.class)
class RateLimitWithoutProxyTest {

  public static class OneSubmission implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "technocarte.rate-limit.submission.burst", "1",
          "technocarte.rate-limit.submission.per-hour", "1");
    }
  }

  @Test
  void shouldIgnoreForwardedForWhenNoProxyIsTrusted() {
    RateLimitTest.submitFrom("203.0.113.1").statusCode(201);

    RateLimitTest.assertRateLimited(RateLimitTest.submitFrom("203.0.113.2"), 3000);
  }
}
