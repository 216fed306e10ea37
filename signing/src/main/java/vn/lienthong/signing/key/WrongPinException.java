package vn.lienthong.signing.key;

/** The PIN was refused by the token or does not open the key store. */
public class WrongPinException extends KeyUnavailableException {

  public WrongPinException(String message) {
    super(message, null);
  }

  public WrongPinException(String message, Throwable cause) {
    super(message, cause);
  }
}
