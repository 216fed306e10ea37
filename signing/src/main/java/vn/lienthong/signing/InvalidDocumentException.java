package vn.lienthong.signing;

/**
 * The input is not something we can sign or verify: not a PDF, damaged, encrypted, or changed since
 * the data to sign was computed. A client error (4xx), never a server crash.
 */
public class InvalidDocumentException extends SigningException {

  /** Why the document was refused, so callers can word the answer without parsing messages. */
  public enum Reason {
    NOT_PDF,
    DAMAGED,
    ENCRYPTED,
    DOCUMENT_CHANGED,
    SIGNATURE_MISMATCH
  }

  private final Reason reason;

  public InvalidDocumentException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public InvalidDocumentException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
