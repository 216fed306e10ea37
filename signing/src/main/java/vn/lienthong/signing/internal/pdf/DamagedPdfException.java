package vn.lienthong.signing.internal.pdf;

/**
 * The document is damaged in a way no reader can repair (a page tree that contains itself): unlike
 * {@link UnsupportedPdfException}, trying the general path would only fail later.
 */
public final class DamagedPdfException extends UnsupportedPdfException {

  private static final long serialVersionUID = 1L;

  public DamagedPdfException(String message) {
    super(message);
  }
}
