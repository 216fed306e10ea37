package vn.lienthong.signing.key;

/**
 * A key source refused after too many wrong PINs, without asking the token: once a token is logged
 * in, its own retry counter no longer sees the PINs we compare (see {@link Pkcs11KeySource}).
 */
public final class PinLockedException extends WrongPinException {

  public PinLockedException(String message) {
    super(message);
  }
}
