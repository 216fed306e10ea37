package vn.lienthong.domain;

/** The caller is known but their role does not allow the step. */
public class AccessDeniedException extends DomainException {
  private static final long serialVersionUID = 1L;

  public AccessDeniedException(String message) {
    super(message);
  }
}
