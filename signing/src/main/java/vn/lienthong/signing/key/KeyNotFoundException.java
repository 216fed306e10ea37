package vn.lienthong.signing.key;

/** The token or key store opened, but holds no key under the given label or alias. */
public final class KeyNotFoundException extends KeyUnavailableException {

  public KeyNotFoundException(String message) {
    super(message, null);
  }

  public KeyNotFoundException(String message, Throwable cause) {
    super(message, cause);
  }
}
