package vn.lienthong.signing.internal.pdf;

/**
 * The document asks for more than any one document may cost (it decodes to more than the bound, or
 * has more sections than any real file): the general path would pay the same price without a bound,
 * so the caller refuses the document instead of trying it there.
 */
public final class LimitExceededException extends UnsupportedPdfException {

  private static final long serialVersionUID = 1L;

  public LimitExceededException(String message) {
    super(message);
  }
}
