package vn.lienthong.signing.pades;

import vn.lienthong.signing.SigningException;

/**
 * The signer's certificate may not sign now: revoked or suspended, expired, or not yet valid. Not a
 * key problem (the key works) and not a server fault: the official needs a new certificate.
 */
public final class SignerCertificateException extends SigningException {

  public SignerCertificateException(String message, Throwable cause) {
    super(message, cause);
  }
}
