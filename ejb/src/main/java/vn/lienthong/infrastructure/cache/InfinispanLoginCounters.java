package vn.lienthong.infrastructure.cache;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;
import vn.lienthong.application.security.LoginCounters;

/**
 * The login throttle's counts in the "rate-limits" cache: a failure window is one long, the
 * window's opening second in the high bits and its count in the low 16, updated atomically by
 * {@code compute}; a lockout is its end in epoch milliseconds, kept as long as it lasts.
 */
@ApplicationScoped
public class InfinispanLoginCounters implements LoginCounters {
  private static final long COUNT_MASK = 0xFFFF;

  @Resource(lookup = "java:jboss/infinispan/cache/lienthong/rate-limits")
  Cache<String, Long> cache;

  @Override
  public int addFailure(String key, Instant now, Duration window) {
    long nowSecond = now.getEpochSecond();
    Long updated =
        cache.compute(
            "fail " + key,
            (k, old) -> {
              if (old == null || nowSecond - (old >>> 16) >= window.toSeconds()) {
                return (nowSecond << 16) | 1;
              }
              long count = Math.min(COUNT_MASK, (old & COUNT_MASK) + 1);
              return (old & ~COUNT_MASK) | count;
            },
            window.toSeconds(),
            TimeUnit.SECONDS);
    return (int) (updated & COUNT_MASK);
  }

  @Override
  public void lock(String key, Instant until) {
    long ms = Math.max(1, until.toEpochMilli() - System.currentTimeMillis());
    cache.put("lock " + key, until.toEpochMilli(), ms, TimeUnit.MILLISECONDS);
  }

  @Override
  public Optional<Instant> lockedUntil(String key, Instant now) {
    Long until = cache.get("lock " + key);
    if (until == null || until <= now.toEpochMilli()) {
      return Optional.empty();
    }
    return Optional.of(Instant.ofEpochMilli(until));
  }

  @Override
  public void clear(String key) {
    if (cache.containsKey("fail " + key)) {
      cache.remove("fail " + key);
    }
  }
}
