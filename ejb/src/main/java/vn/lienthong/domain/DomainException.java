package vn.lienthong.domain;

/**
 * A rule of the domain refused a request. The message is written for the user (Vietnamese) and safe
 * to show; each subclass maps to one HTTP status at the REST boundary.
 */
public abstract class DomainException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  protected DomainException(String message) {
    super(message);
  }
}
