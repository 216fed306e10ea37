package vn.lienthong.signing.key;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;
import vn.lienthong.signing.SigningException;

/**
 * A private key lent for one operation, with its certificate chain (signer first). Closing it gives
 * the key back (for a token: frees the token for the next caller). The key itself never leaves the
 * token: {@link #sign} asks the token to sign.
 */
public final class BorrowedKey implements AutoCloseable {

  private final PrivateKey key;
  private final Provider provider;
  private final List<X509Certificate> chain;
  private final Runnable release;
  private volatile boolean closed;

  BorrowedKey(PrivateKey key, Provider provider, List<X509Certificate> chain, Runnable release) {
    this.key = key;
    this.provider = provider;
    this.chain = List.copyOf(chain);
    this.release = release;
  }

  public X509Certificate certificate() {
    return chain.get(0);
  }

  public List<X509Certificate> chain() {
    return chain;
  }

  Provider provider() {
    return provider;
  }

  /** The JCA name of the signature this key makes: SHA-256 with its own key algorithm. */
  public String signatureAlgorithm() {
    return signatureAlgorithmFor(certificate());
  }

  public static String signatureAlgorithmFor(X509Certificate certificate) {
    String keyAlgorithm = certificate.getPublicKey().getAlgorithm();
    return switch (keyAlgorithm) {
      case "RSA" -> "SHA256withRSA";
      case "EC" -> "SHA256withECDSA";
      default -> throw new SigningException("Unsupported key algorithm " + keyAlgorithm);
    };
  }

  /** Signs data (hashing included) with {@link #signatureAlgorithm()}. */
  public byte[] sign(byte[] data) {
    if (closed) {
      throw new IllegalStateException("The key was already given back");
    }
    try {
      Signature signature =
          provider == null
              ? Signature.getInstance(signatureAlgorithm())
              : Signature.getInstance(signatureAlgorithm(), provider);
      signature.initSign(key);
      signature.update(data);
      return signature.sign();
    } catch (GeneralSecurityException | java.security.ProviderException e) {
      throw Pkcs11Errors.translate("Signing failed on the token", e);
    }
  }

  @Override
  public synchronized void close() {
    // once only, whichever thread closes: a second release would free the token twice
    if (!closed) {
      closed = true;
      release.run();
    }
  }
}
