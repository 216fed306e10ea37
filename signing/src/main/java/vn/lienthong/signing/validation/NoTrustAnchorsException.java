package vn.lienthong.signing.validation;

import vn.lienthong.signing.SigningException;

/**
 * Validation was configured without a single trust anchor. That is a configuration error the health
 * check reports, never a reason to answer INDETERMINATE for every document.
 */
public final class NoTrustAnchorsException extends SigningException {

  public NoTrustAnchorsException(String message) {
    super(message);
  }
}
