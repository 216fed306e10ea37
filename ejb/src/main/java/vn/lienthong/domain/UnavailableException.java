package vn.lienthong.domain;

/** A service the request needs is not available now (a token, the HSM, the timestamp service). */
public class UnavailableException extends DomainException {
  private static final long serialVersionUID = 1L;

  public UnavailableException(String message) {
    super(message);
  }
}
