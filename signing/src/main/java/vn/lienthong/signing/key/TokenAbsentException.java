package vn.lienthong.signing.key;

/** No token (USB token, HSM slot or PKCS#11 library) where one was expected. */
public final class TokenAbsentException extends KeyUnavailableException {

  public TokenAbsentException(String message) {
    super(message, null);
  }

  public TokenAbsentException(String message, Throwable cause) {
    super(message, cause);
  }
}
