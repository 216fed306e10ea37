package vn.lienthong.signing;

/**
 * Root of the signing module's errors. Unchecked, as in the rest of the system; each subclass is a
 * distinct situation that the server maps to its own problem+json status. Messages are safe to log:
 * they never carry PINs, keys or document content.
 */
public class SigningException extends RuntimeException {

  public SigningException(String message) {
    super(message);
  }

  public SigningException(String message, Throwable cause) {
    super(message, cause);
  }
}
