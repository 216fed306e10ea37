package vn.lienthong.signing.validation;

import java.time.Duration;

/**
 * How much verification may cost, so that a public verification service stays up whatever is
 * uploaded: each document gets at most {@code timeout} of work on one of {@code workers} threads
 * (with {@code stackBytes} of stack), at most {@code queued} documents wait for a worker, and at
 * most {@code concurrentLarge} documents above the in-memory limit are verified at once (they are
 * read through temporary files but still cost the most).
 */
public record VerificationLimits(
    Duration timeout, int workers, int queued, int concurrentLarge, long stackBytes) {

  public VerificationLimits {
    if (timeout.isNegative() || timeout.isZero() || workers < 1 || queued < 0) {
      throw new IllegalArgumentException("Verification limits must be positive");
    }
    if (concurrentLarge < 1 || stackBytes < 256 * 1024) {
      throw new IllegalArgumentException("Verification limits must be positive");
    }
  }

  /** 60 s a document, one worker per processor (at least 2), 32 waiting, one large at a time. */
  public static VerificationLimits defaults() {
    return new VerificationLimits(
        Duration.ofSeconds(60),
        Math.max(2, Runtime.getRuntime().availableProcessors()),
        32,
        1,
        8L * 1024 * 1024);
  }
}
