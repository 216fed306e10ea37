package vn.lienthong.signing;

/**
 * The input is not something we can sign or verify: not a PDF, damaged, encrypted, locked against
 * new signatures, beyond the bounds a document may cost, or changed since the data to sign was
 * computed. A client error (4xx), never a server crash.
 */
public class InvalidDocumentException extends SigningException {

  /** Why the document was refused, so callers can word the answer without parsing messages. */
  public enum Reason {
    NOT_PDF,
    DAMAGED,
    ENCRYPTED,
    DOCUMENT_CHANGED,
    SIGNATURE_MISMATCH,
    /** An earlier signature's DocMDP, FieldMDP or /Lock permissions forbid a new signature. */
    SIGNING_NOT_PERMITTED,
    /** Reading it would take more nesting, memory or time than one document may. */
    TOO_COMPLEX
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
