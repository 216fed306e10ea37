package vn.lienthong.application.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Where the login throttle keeps its counts: shared by every node of a cluster (Infinispan's
 * "rate-limits" cache), each entry forgotten after its window or lockout.
 */
public interface LoginCounters {
  /**
   * Counts one failure for the key in a window that opens with the first failure and lasts {@code
   * window}; returns the failures counted in the open window, this one included.
   */
  int addFailure(String key, Instant now, Duration window);

  /** Refuses the key until the instant. */
  void lock(String key, Instant until);

  /** When the key's lockout ends, if it is locked now. */
  Optional<Instant> lockedUntil(String key, Instant now);

  /** Forgets the key's failures (a successful login). */
  void clear(String key);
}
