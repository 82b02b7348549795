package org.technocarte.auth;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.technocarte.common.error.ApiException;

/**
 * Slows password guessing: a few failures per account and per (hashed) address within a window,
 * then 429 until the window has passed. Kept in memory only; nothing about who is written.
 */
@ApplicationScoped
public class LoginThrottle {

  static final int PER_ACCOUNT = 5;
  static final int PER_ADDRESS = 20;
  static final Duration WINDOW = Duration.ofMinutes(15);

  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
  private final Clock clock;

  public LoginThrottle() {
    this(Clock.systemUTC());
  }

  LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  void check(String account, String addressKey) {
    long wait =
        Math.max(
            waitSeconds("account:" + account, PER_ACCOUNT),
            waitSeconds("address:" + addressKey, PER_ADDRESS));
    if (wait > 0) {
      throw new ApiException(
          429,
          "too-many-logins",
          "Too many attempts",
          "Too many failed logins: try again in " + (wait / 60 + 1) + " minutes",
          null,
          wait);
    }
  }

  void failed(String account, String addressKey) {
    record("account:" + account);
    record("address:" + addressKey);
  }

  void succeeded(String account) {
    failures.remove("account:" + account);
  }

  private void record(String key) {
    Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
    synchronized (times) {
      times.addLast(clock.instant());
    }
  }

  private long waitSeconds(String key, int allowed) {
    Deque<Instant> times = failures.get(key);
    if (times == null) {
      return 0;
    }
    synchronized (times) {
      Instant horizon = clock.instant().minus(WINDOW);
      while (!times.isEmpty() && times.peekFirst().isBefore(horizon)) {
        times.removeFirst();
      }
      if (times.isEmpty()) {
        failures.remove(key, times);
      }
      if (times.size() < allowed) {
        return 0;
      }
      return Duration.between(horizon, times.peekFirst()).toSeconds() + 1;
    }
  }
}
