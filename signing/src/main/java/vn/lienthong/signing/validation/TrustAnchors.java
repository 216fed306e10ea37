package vn.lienthong.signing.validation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;
import vn.lienthong.signing.SigningException;

/**
 * The certificates a validation trusts: the national roots in production, the demo root in
 * development. Never empty: an empty set is {@link NoTrustAnchorsException}.
 */
public record TrustAnchors(List<X509Certificate> certificates) {

  public TrustAnchors {
    certificates = List.copyOf(certificates);
    if (certificates.isEmpty()) {
      throw new NoTrustAnchorsException(
          "No trust anchors configured: validation would trust nothing");
    }
  }

  public static TrustAnchors of(X509Certificate... certificates) {
    return new TrustAnchors(List.of(certificates));
  }

  /** Every .cer/.crt/.pem/.der file of the folder (DER or PEM, one or more certificates each). */
  public static TrustAnchors fromFolder(Path folder) {
    if (!Files.isDirectory(folder)) {
      throw new NoTrustAnchorsException("Trust anchor folder not found: " + folder);
    }
    List<X509Certificate> found = new ArrayList<>();
    try (Stream<Path> files = Files.list(folder)) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        if (!(name.endsWith(".cer")
            || name.endsWith(".crt")
            || name.endsWith(".pem")
            || name.endsWith(".der"))) {
          continue;
        }
        try (InputStream in = Files.newInputStream(file)) {
          for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
            found.add((X509Certificate) c);
          }
        } catch (GeneralSecurityException e) {
          throw new SigningException("Not a certificate: " + file, e);
        }
      }
    } catch (IOException e) {
      throw new SigningException("Cannot read trust anchor folder " + folder, e);
    }
    if (found.isEmpty()) {
      throw new NoTrustAnchorsException("No certificate files in trust anchor folder " + folder);
    }
    return new TrustAnchors(found);
  }

  /** The trusted certificate entries of a key store (PKCS12 or JKS). */
  public static TrustAnchors fromKeyStore(Path file, String type, char[] password) {
    try (InputStream in = Files.newInputStream(file)) {
      KeyStore store = KeyStore.getInstance(type);
      store.load(in, password);
      List<X509Certificate> found = new ArrayList<>();
      for (String alias : Collections.list(store.aliases())) {
        if (store.isCertificateEntry(alias)) {
          found.add((X509Certificate) store.getCertificate(alias));
        }
      }
      return new TrustAnchors(found);
    } catch (IOException | GeneralSecurityException e) {
      throw new SigningException("Cannot read trust anchor key store " + file, e);
    }
  }
}
