package vn.lienthong.signing.pki;

/**
 * How the signing and validation services reach CA certificates, CRLs, OCSP responders and TSAs by
 * URL. Over HTTP in production ({@link HttpPkiClient}); in process for the demo PKI ({@link
 * DemoPki#client()}); with a cache in front ({@link CachingPkiClient}).
 */
public interface PkiClient {

  /** GET: a CRL or a CA certificate. */
  byte[] get(String url);

  /** POST: an OCSP request or an RFC 3161 timestamp request. */
  byte[] post(String url, String contentType, byte[] body);

  /**
   * Only URLs under one of {@code prefixes} (scheme, host, port and path start, compared after
   * normalizing, so "../" or another port does not slip out) reach {@code client}; any other is
   * refused without a request.
   */
  static PkiClient restrictedTo(java.util.List<String> prefixes, PkiClient client) {
    java.util.List<String> allowed = new java.util.ArrayList<>();
    for (String prefix : prefixes) {
      String normalized = normalized(prefix.strip());
      if (normalized == null) {
        throw new IllegalArgumentException("Not an http(s) URL of a trust service: " + prefix);
      }
      // a prefix is a folder: http://pki/crl must not let http://pki/crl-admin through
      allowed.add(
          normalized.endsWith("/") || normalized.contains("?") ? normalized : normalized + "/");
    }
    java.util.function.Consumer<String> check =
        url -> {
          String normalized = normalized(url);
          if (normalized == null || allowed.stream().noneMatch(normalized::startsWith)) {
            throw new PkiException("Not a configured trust service: " + url);
          }
        };
    return new PkiClient() {
      @Override
      public byte[] get(String url) {
        check.accept(url);
        return client.get(url);
      }

      @Override
      public byte[] post(String url, String contentType, byte[] body) {
        check.accept(url);
        return client.post(url, contentType, body);
      }
    };
  }

  /** scheme://host:port/path in lower case host, with ./ and ../ resolved; null if not http(s). */
  private static String normalized(String url) {
    try {
      java.net.URI uri = new java.net.URI(url).normalize();
      String scheme =
          uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(java.util.Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https"))
          || uri.getHost() == null
          || uri.getRawUserInfo() != null
          || uri.getRawPath() == null
          || uri.getRawPath().contains("/../")
          || uri.getRawPath().startsWith("/..")
          || encodedSeparator(uri.getRawPath())) {
        return null;
      }
      int port = uri.getPort() != -1 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
      String path = uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
      return scheme
          + "://"
          + uri.getHost().toLowerCase(java.util.Locale.ROOT)
          + ":"
          + port
          + path
          + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    } catch (java.net.URISyntaxException e) {
      return null;
    }
  }

  /**
   * An encoded dot, slash or backslash: a server may decode it into a path outside the prefix after
   * we compared, so such paths are refused rather than guessed at.
   */
  private static boolean encodedSeparator(String rawPath) {
    String lower = rawPath.toLowerCase(java.util.Locale.ROOT);
    return lower.contains("%2e")
        || lower.contains("%2f")
        || lower.contains("%5c")
        || rawPath.indexOf('\\') >= 0;
  }

  /** Routes the demo PKI's own URLs in process and everything else to {@code fallback}. */
  static PkiClient demoFirst(DemoPki pki, PkiClient fallback) {
    return new PkiClient() {
      @Override
      public byte[] get(String url) {
        return pki.respond(url, new byte[0])
            .map(PkiResponse::body)
            .orElseGet(() -> fallback.get(url));
      }

      @Override
      public byte[] post(String url, String contentType, byte[] body) {
        return pki.respond(url, body)
            .map(PkiResponse::body)
            .orElseGet(() -> fallback.post(url, contentType, body));
      }
    };
  }
}
