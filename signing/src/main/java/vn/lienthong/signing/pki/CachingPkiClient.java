package vn.lienthong.signing.pki;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Puts a {@link ResponseCache} in front of another client for CRLs, CA certificates and OCSP
 * answers. Timestamp requests are never cached: each must be fresh.
 */
public final class CachingPkiClient implements PkiClient {

  private final PkiClient delegate;
  private final ResponseCache cache;
  private final Duration timeToLive;

  public CachingPkiClient(PkiClient delegate, ResponseCache cache, Duration timeToLive) {
    this.delegate = delegate;
    this.cache = cache;
    this.timeToLive = timeToLive;
  }

  @Override
  public byte[] get(String url) {
    String key = "GET " + url;
    return cache
        .get(key)
        .orElseGet(
            () -> {
              byte[] value = delegate.get(url);
              cache.put(key, value, timeToLive);
              return value;
            });
  }

  @Override
  public byte[] post(String url, String contentType, byte[] body) {
    if (!"application/ocsp-request".equals(contentType)) {
      return delegate.post(url, contentType, body);
    }
    String key = "OCSP " + url + " " + sha256(body);
    return cache
        .get(key)
        .orElseGet(
            () -> {
              byte[] value = delegate.post(url, contentType, body);
              cache.put(key, value, timeToLive);
              return value;
            });
  }

  private static String sha256(byte[] body) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
