package vn.lienthong.infrastructure.signing;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.infinispan.Cache;
import vn.lienthong.signing.pki.ResponseCache;

/** CRLs, OCSP answers and CA certificates in the server's "revocation" cache. */
final class InfinispanResponseCache implements ResponseCache {
  private final Cache<String, byte[]> cache;

  InfinispanResponseCache(Cache<String, byte[]> cache) {
    this.cache = cache;
  }

  @Override
  public Optional<byte[]> get(String key) {
    return Optional.ofNullable(cache.get(key));
  }

  @Override
  public void put(String key, byte[] value, Duration timeToLive) {
    cache.put(key, value, timeToLive.toMillis(), TimeUnit.MILLISECONDS);
  }
}
