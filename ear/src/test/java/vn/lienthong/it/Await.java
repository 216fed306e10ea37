package vn.lienthong.it;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;

/** Polls until a condition holds, for the asynchronous parts of the exchange. */
final class Await {
  private Await() {}

  /** Polls until {@code value} gives something other than null, and returns it. */
  static <T> T value(Duration timeout, String what, java.util.function.Supplier<T> value) {
    Object[] found = new Object[1];
    until(timeout, what, () -> (found[0] = value.get()) != null);
    @SuppressWarnings("unchecked")
    T result = (T) found[0];
    return result;
  }

  static void until(Duration timeout, String what, BooleanSupplier condition) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (condition.getAsBoolean()) {
        return;
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
    throw new AssertionError("timed out after " + timeout + " waiting for " + what);
  }
}
