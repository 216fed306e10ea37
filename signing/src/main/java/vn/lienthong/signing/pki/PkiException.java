package vn.lienthong.signing.pki;

import vn.lienthong.signing.SigningException;

/** A PKI service (CA files, CRL, OCSP, TSA) could not be created, read or reached. */
public class PkiException extends SigningException {

  public PkiException(String message) {
    super(message);
  }

  public PkiException(String message, Throwable cause) {
    super(message, cause);
  }
}
