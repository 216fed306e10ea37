package vn.lienthong.signing.key;

/** The token is in use by another operation and did not become free in time. */
public final class TokenBusyException extends KeyUnavailableException {

  public TokenBusyException(String message) {
    super(message, null);
  }

  public TokenBusyException(String message, Throwable cause) {
    super(message, cause);
  }
}
