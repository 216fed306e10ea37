package vn.lienthong.signing.agent;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import vn.lienthong.signing.key.KeySource;
import vn.lienthong.signing.key.Pkcs11Tokens;

/**
 * Where the official's keys are: a PKCS#11 token ({@link TokenKeys}) or a PKCS#12 file ({@link
 * FileKeys}). Listing needs no PIN; {@link #open} gets a key source for one batch with the PIN the
 * official just gave.
 */
interface SignerKeys {

  /**
   * A signing certificate and where its key is.
   *
   * @param id SHA-256 of the certificate's DER, lower-case hex: the same certificate has the same
   *     id on every run
   * @param chain signer first, then its CAs as far as the token or file holds them
   * @param location where the key is, in words ("USB token 'X'", "tệp leader.p12")
   * @param handle what the implementation needs to open the key again
   */
  record SignerCertificate(String id, List<X509Certificate> chain, String location, Object handle) {
    public SignerCertificate {
      chain = List.copyOf(chain);
    }

    X509Certificate certificate() {
      return chain.get(0);
    }
  }

  /** The signing certificates now; throws the key package's exceptions (token absent...). */
  List<SignerCertificate> certificates();

  /** A key source for the certificate's key, opened with the PIN (the caller closes it). */
  KeySource open(SignerCertificate certificate, char[] pin);

  /** What the token says of its PIN; a file has none of this. */
  default Pkcs11Tokens.PinState pinState(SignerCertificate certificate) {
    return Pkcs11Tokens.PinState.OK;
  }

  static String id(X509Certificate certificate) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
    } catch (CertificateEncodingException | java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A certificate to sign documents with: not a CA's, and a key usage (when it has one) with
   * digitalSignature or nonRepudiation.
   */
  static boolean isSigning(X509Certificate certificate) {
    if (certificate.getBasicConstraints() >= 0) {
      return false;
    }
    boolean[] usage = certificate.getKeyUsage();
    return usage == null || (usage.length > 1 && (usage[0] || usage[1]));
  }

  /** The certificate, then its issuers found in {@code pool} (checked by signature), at most 8. */
  static List<X509Certificate> chain(X509Certificate leaf, List<X509Certificate> pool) {
    List<X509Certificate> chain = new ArrayList<>(List.of(leaf));
    X509Certificate current = leaf;
    while (chain.size() < 8
        && !current.getIssuerX500Principal().equals(current.getSubjectX500Principal())) {
      X509Certificate issuer = null;
      for (X509Certificate candidate : pool) {
        if (!chain.contains(candidate)
            && candidate.getSubjectX500Principal().equals(current.getIssuerX500Principal())
            && issued(current, candidate)) {
          issuer = candidate;
          break;
        }
      }
      if (issuer == null) {
        break;
      }
      chain.add(issuer);
      current = issuer;
    }
    return chain;
  }

  private static boolean issued(X509Certificate certificate, X509Certificate issuer) {
    try {
      certificate.verify(issuer.getPublicKey());
      return true;
    } catch (GeneralSecurityException | RuntimeException e) {
      return false;
    }
  }
}
