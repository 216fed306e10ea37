package vn.lienthong.domain;

/**
 * The object does not exist, or the caller's unit may not see it: both answer the same, so that
 * another unit's document cannot even be confirmed to exist.
 */
public class NotFoundException extends DomainException {
  private static final long serialVersionUID = 1L;

  public NotFoundException(String message) {
    super(message);
  }
}
