package vn.lienthong.web.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

/** The user name of an HTTP Basic Authorization header (RFC 7617), read as UTF-8. */
final class BasicCredentials {
  private static final String SCHEME = "basic ";

  private BasicCredentials() {}

  /** The user name, or null when the header is absent, of another scheme or malformed. */
  static String username(String authorization) {
    if (authorization == null
        || authorization.length() <= SCHEME.length()
        || !authorization.substring(0, SCHEME.length()).toLowerCase(Locale.ROOT).equals(SCHEME)) {
      return null;
    }
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(authorization.substring(SCHEME.length()).strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
    String text = new String(decoded, StandardCharsets.UTF_8);
    int colon = text.indexOf(':');
    return colon < 0 ? null : text.substring(0, colon);
  }
}
