package vn.lienthong.signing;

import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Optional;
import vn.lienthong.signing.pki.DemoPki;
import vn.lienthong.signing.pki.PkiClient;
import vn.lienthong.signing.validation.TrustAnchors;

/**
 * What signing and validation need from the outside world: the trust anchors, how to reach CRLs,
 * OCSP responders and CA certificates ({@link PkiClient}, with its cache), the TSA URL for B-T and
 * above, and where large documents may be spooled.
 */
public record TrustServices(
    List<X509Certificate> trustAnchors,
    PkiClient pkiClient,
    Optional<String> tsaUrl,
    Path tempDirectory) {

  public TrustServices {
    trustAnchors = List.copyOf(trustAnchors);
  }

  public TrustServices(TrustAnchors anchors, PkiClient pkiClient, String tsaUrl) {
    this(anchors.certificates(), pkiClient, Optional.ofNullable(tsaUrl), defaultTemp());
  }

  /** Everything from the demo PKI, in process: for development, tests and the embedded demo. */
  public static TrustServices demo(DemoPki pki) {
    return new TrustServices(TrustAnchors.of(pki.rootCertificate()), pki.client(), pki.tsaUrl());
  }

  public TrustServices withTempDirectory(Path directory) {
    return new TrustServices(trustAnchors, pkiClient, tsaUrl, directory);
  }

  private static Path defaultTemp() {
    return Path.of(System.getProperty("java.io.tmpdir"));
  }
}
