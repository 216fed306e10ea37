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
    return sign(data, signatureAlgorithm());
  }

  /**
   * Signs data (hashing included) with a JCA signature algorithm made for this key's type: {@code
   * SHA256withRSA}, {@code SHA384withRSA}, {@code SHA512withRSA} for an RSA key, {@code
   * SHA256withECDSA}, {@code SHA384withECDSA}, {@code SHA512withECDSA} for an EC key (the ECDSA
   * value DER-encoded, as CMS wants it). Another algorithm is {@link SigningException}.
   */
  public byte[] sign(byte[] data, String algorithm) {
    if (closed) {
      throw new IllegalStateException("The key was already given back");
    }
    if (!fits(algorithm, certificate())) {
      throw new SigningException(
          "A "
              + certificate().getPublicKey().getAlgorithm()
              + " key does not make "
              + algorithm
              + " signatures");
    }
    try {
      Signature signature =
          provider == null
              ? Signature.getInstance(algorithm)
              : Signature.getInstance(algorithm, provider);
      signature.initSign(key);
      signature.update(data);
      return signature.sign();
    } catch (GeneralSecurityException | java.security.ProviderException e) {
      throw Pkcs11Errors.translate("Signing failed on the token", e);
    }
  }

  /** Whether {@link #sign(byte[], String)} takes {@code algorithm} for the certificate's key. */
  public static boolean fits(String algorithm, X509Certificate certificate) {
    String suffix =
        switch (certificate.getPublicKey().getAlgorithm()) {
          case "RSA" -> "withRSA";
          case "EC" -> "withECDSA";
          default -> null;
        };
    return suffix != null
        && java.util.Set.of("SHA256", "SHA384", "SHA512").stream()
            .anyMatch(hash -> (hash + suffix).equals(algorithm));
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
