package vn.lienthong.signing.validation;

import vn.lienthong.signing.SigningException;

/**
 * Every verification worker is busy and the queue is full, or the document waited past its deadline
 * without a worker: the service is overloaded, the document may be fine (a 503, try again later).
 */
public final class VerifierBusyException extends SigningException {

  public VerifierBusyException(String message) {
    super(message);
  }
}
