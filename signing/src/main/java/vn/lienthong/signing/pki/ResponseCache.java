package vn.lienthong.signing.pki;

import java.time.Duration;
import java.util.Optional;

/**
 * The cache hook for revocation data and CA certificates. The server plugs its replicated cache in
 * here; {@link #inMemory()} serves the CLI and tests. Keys are opaque strings made from the URL
 * and, for OCSP, a digest of the request.
 */
public interface ResponseCache {

  Optional<byte[]> get(String key);

  void put(String key, byte[] value, Duration timeToLive);

  static ResponseCache inMemory() {
    return new InMemoryResponseCache();
  }

  static ResponseCache none() {
    return new ResponseCache() {
      @Override
      public Optional<byte[]> get(String key) {
        return Optional.empty();
      }

      @Override
      public void put(String key, byte[] value, Duration timeToLive) {
        // nothing kept
      }
    };
  }
}
