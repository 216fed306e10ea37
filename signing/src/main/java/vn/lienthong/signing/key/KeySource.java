package vn.lienthong.signing.key;

/**
 * Where a signing key lives: a PKCS#11 token or HSM ({@link Pkcs11KeySource}) or a PKCS#12 file
 * ({@link Pkcs12KeySource}). A key is borrowed for one operation and given back by closing it:
 *
 * <pre>{@code
 * try (BorrowedKey key = source.borrow()) {
 *   signer.sign(in, out, options, key);
 * }
 * }</pre>
 */
public interface KeySource extends AutoCloseable {

  /**
   * Borrows the key. Throws {@link TokenAbsentException}, {@link WrongPinException} ({@link
   * PinLockedException} after too many), {@link KeyNotFoundException} or {@link
   * TokenBusyException}.
   */
  BorrowedKey borrow();

  /** Releases what the source holds (sessions, cached key stores). */
  @Override
  void close();
}
