package vn.lienthong.signing.internal.pdf;

/**
 * The incremental writer met a structure it does not handle (or a damaged one): the caller signs
 * the document the general way instead, through DSS and PDFBox, which also diagnoses damage. Every
 * bound of the reader ({@link ReadLimits}) ends here too, never in an {@link Error}.
 */
public class UnsupportedPdfException extends Exception {

  private static final long serialVersionUID = 1L;

  public UnsupportedPdfException(String message) {
    super(message, null, false, false);
  }
}
