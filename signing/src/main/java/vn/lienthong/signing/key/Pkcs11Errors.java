package vn.lienthong.signing.key;

import java.util.Locale;
import vn.lienthong.signing.SigningException;

/**
 * Turns what SunPKCS11 throws into our key errors. SunPKCS11 reports PKCS#11 return values as
 * exception messages (CKR_...), wrapped in LoginException, IOException or ProviderException; we
 * look through the cause chain for them rather than depending on the JDK-internal exception class.
 */
final class Pkcs11Errors {

  private Pkcs11Errors() {}

  static SigningException translate(String context, Throwable error) {
    String codes = causeText(error);
    if (codes.contains("CKR_PIN_INCORRECT")
        || codes.contains("CKR_PIN_INVALID")
        || codes.contains("CKR_PIN_LEN_RANGE")
        || codes.contains("UNRECOVERABLEKEY")
        || codes.contains("PASSWORD WAS INCORRECT")
        || codes.contains("WRONG PASSWORD")) {
      return new WrongPinException(context + ": the PIN was refused", error);
    }
    if (codes.contains("CKR_PIN_LOCKED")) {
      return new WrongPinException(
          context + ": the PIN is locked, unblock it with the SO PIN", error);
    }
    if (codes.contains("CKR_TOKEN_NOT_PRESENT")
        || codes.contains("CKR_DEVICE_REMOVED")
        || codes.contains("CKR_SLOT_ID_INVALID")
        || codes.contains("CKR_TOKEN_NOT_RECOGNIZED")
        || codes.contains("TOKEN HAS BEEN REMOVED")
        || codes.contains("SLOTLISTINDEX")
        || codes.contains("NO SLOT")
        || codes.contains("CKR_DEVICE_ERROR")) {
      return new TokenAbsentException(context + ": the token is not present", error);
    }
    if (codes.contains("CKR_SESSION_COUNT")
        || codes.contains("CKR_OPERATION_ACTIVE")
        || codes.contains("CKR_FUNCTION_CANCELED")) {
      return new TokenBusyException(context + ": the token is busy", error);
    }
    if (codes.contains("CKR_KEY_HANDLE_INVALID") || codes.contains("CKR_OBJECT_HANDLE_INVALID")) {
      return new KeyNotFoundException(context + ": the key is no longer on the token", error);
    }
    return new SigningException(context, error);
  }

  private static String causeText(Throwable error) {
    StringBuilder text = new StringBuilder();
    for (Throwable t = error; t != null; t = t.getCause()) {
      text.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage()).append('\n');
      if (t.getCause() == t) {
        break;
      }
    }
    return text.toString().toUpperCase(Locale.ROOT);
  }
}
