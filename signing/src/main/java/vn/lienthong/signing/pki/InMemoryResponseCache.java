package vn.lienthong.signing.pki;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A process-local response cache with a time to live per entry. */
final class InMemoryResponseCache implements ResponseCache {

  private record Entry(byte[] value, Instant expires) {}

  private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();
  private final Clock clock = Clock.systemUTC();

  @Override
  public Optional<byte[]> get(String key) {
    Entry entry = entries.get(key);
    if (entry == null) {
      return Optional.empty();
    }
    if (entry.expires().isBefore(clock.instant())) {
      entries.remove(key, entry);
      return Optional.empty();
    }
    return Optional.of(entry.value());
  }

  @Override
  public void put(String key, byte[] value, Duration timeToLive) {
    entries.put(key, new Entry(value, clock.instant().plus(timeToLive)));
  }
}
