package vn.lienthong.application.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  /** The counters' contract, in memory. */
  static final class MemoryCounters implements LoginCounters {
    final Map<String, long[]> windows = new HashMap<>();
    final Map<String, Instant> locks = new HashMap<>();

    @Override
    public int addFailure(String key, Instant now, Duration window) {
      long[] w = windows.get(key);
      if (w == null || now.getEpochSecond() - w[0] >= window.toSeconds()) {
        w = new long[] {now.getEpochSecond(), 0};
        windows.put(key, w);
      }
      return (int) ++w[1];
    }

    @Override
    public void lock(String key, Instant until) {
      locks.put(key, until);
    }

    @Override
    public Optional<Instant> lockedUntil(String key, Instant now) {
      return Optional.ofNullable(locks.get(key)).filter(u -> u.isAfter(now));
    }

    @Override
    public void clear(String key) {
      windows.remove(key);
    }
  }

  private Instant now = Instant.parse("2026-12-02T08:00:00Z");
  private final MemoryCounters counters = new MemoryCounters();
  private final LoginThrottle throttle =
      new LoginThrottle(
          counters,
          new LoginLimits(10, 50, Duration.ofMinutes(1), Duration.ofMinutes(5)),
          new Clock() {
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
          });

  @Test
  void theEleventhAttemptInAMinuteIsRefusedForTheLockout() {
    for (int i = 0; i < 9; i++) {
      assertThat(throttle.refused("lanhdao.qldt", "10.0.0.1")).isEmpty();
      throttle.failed("lanhdao.qldt", "10.0.0.1");
      now = now.plusSeconds(5);
    }
    assertThat(throttle.refused("lanhdao.qldt", "10.0.0.1")).isEmpty();
    throttle.failed("lanhdao.qldt", "10.0.0.1"); // the tenth
    // from any address, whatever the password
    assertThat(throttle.refused("LanhDao.QLDT ", "10.9.9.9")).hasValue(Duration.ofMinutes(5));
    now = now.plus(Duration.ofMinutes(5));
    assertThat(throttle.refused("lanhdao.qldt", "10.0.0.1")).isEmpty();
  }

  @Test
  void failuresSpreadOverMoreThanTheWindowDoNotLock() {
    for (int i = 0; i < 30; i++) {
      throttle.failed("vanthu.nv", "10.0.0.2");
      now = now.plusSeconds(7); // nine in any minute
    }
    assertThat(throttle.refused("vanthu.nv", "10.0.0.2")).isEmpty();
  }

  @Test
  void aGoodPasswordStartsTheAccountsCountAgain() {
    for (int i = 0; i < 9; i++) {
      throttle.failed("vanthu.nv", "10.0.0.3");
    }
    throttle.succeeded("vanthu.nv");
    for (int i = 0; i < 9; i++) {
      throttle.failed("vanthu.nv", "10.0.0.3");
    }
    assertThat(throttle.refused("vanthu.nv", "10.0.0.3")).isEmpty();
  }

  @Test
  void oneAddressTryingManyAccountsIsLockedOutAsAnAddress() {
    for (int i = 0; i < 50; i++) {
      throttle.failed("nguoi." + i, "10.0.0.4");
    }
    assertThat(throttle.refused("nguoi.moi", "10.0.0.4")).isPresent();
    assertThat(throttle.refused("nguoi.moi", "10.0.0.5")).isEmpty();
  }
}
