package vn.lienthong.web.security;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import vn.lienthong.application.security.ApiTokens;

/**
 * The user name of an HTTP Basic Authorization header (RFC 7617), read as UTF-8; and the Basic
 * credentials an API token stands for.
 */
final class BasicCredentials {
  private static final String SCHEME = "basic ";
  private static final String BEARER = "bearer " + ApiTokens.PREFIX;

  private BasicCredentials() {}

  /**
   * For {@code Bearer lt_<id>.<secret>}: the Basic credentials {@code ~<id>:<secret>}; null for
   * anything else.
   */
  static String fromBearerToken(String authorization) {
    if (authorization == null
        || authorization.length() <= BEARER.length()
        || !authorization.substring(0, BEARER.length()).toLowerCase(Locale.ROOT).equals(BEARER)) {
      return null;
    }
    String token = authorization.substring(BEARER.length()).strip();
    int dot = token.indexOf('.');
    if (dot <= 0 || dot == token.length() - 1 || token.indexOf(':') >= 0) {
      return null;
    }
    String credentials =
        ApiTokens.PRINCIPAL_PREFIX + token.substring(0, dot) + ":" + token.substring(dot + 1);
    return "Basic "
        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }

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
