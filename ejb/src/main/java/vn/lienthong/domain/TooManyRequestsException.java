package vn.lienthong.domain;

/** A client asked more often than its limit allows; it may try again after a while. */
public class TooManyRequestsException extends DomainException {
  private static final long serialVersionUID = 1L;
  private final long retryAfterSeconds;

  public TooManyRequestsException(String message, long retryAfterSeconds) {
    super(message);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  public long retryAfterSeconds() {
    return retryAfterSeconds;
  }
}
