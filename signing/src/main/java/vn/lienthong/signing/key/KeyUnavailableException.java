package vn.lienthong.signing.key;

import vn.lienthong.signing.SigningException;

/**
 * A signing key cannot be used right now. The subclasses are the situations an official or an
 * operator must tell apart: the token is not there, the PIN is wrong, the key is not on the token,
 * the token is busy. The server answers all of them with 503 except a wrong PIN.
 */
public abstract class KeyUnavailableException extends SigningException {

  protected KeyUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
