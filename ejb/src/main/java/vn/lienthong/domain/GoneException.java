package vn.lienthong.domain;

/** What the request refers to existed but is over (an expired signing session). */
public class GoneException extends DomainException {
  private static final long serialVersionUID = 1L;

  public GoneException(String message) {
    super(message);
  }
}
