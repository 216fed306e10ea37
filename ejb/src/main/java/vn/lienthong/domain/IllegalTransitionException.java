package vn.lienthong.domain;

/** The object is not in a state that allows the requested step. */
public class IllegalTransitionException extends DomainException {
  private static final long serialVersionUID = 1L;

  public IllegalTransitionException(String message) {
    super(message);
  }
}
