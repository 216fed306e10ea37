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
 * above, where large documents may be spooled, and the URLs of the configured trust services.
 *
 * <p>Certificates carry URLs (AIA, CRL distribution points, OCSP responders) and an uploaded file
 * brings its own certificates: fetching whatever they name would let anyone make the server call
 * any address. Only URLs under {@code serviceUrls} are fetched; revocation data for anything else
 * comes from the document itself (its B-LT validation data) or not at all.
 */
public record TrustServices(
    List<X509Certificate> trustAnchors,
    PkiClient pkiClient,
    Optional<String> tsaUrl,
    Path tempDirectory,
    List<String> serviceUrls) {

  public TrustServices {
    trustAnchors = List.copyOf(trustAnchors);
    serviceUrls = List.copyOf(serviceUrls);
  }

  /** Fetching nothing on behalf of a certificate: revocation data comes with the documents. */
  public TrustServices(
      List<X509Certificate> trustAnchors,
      PkiClient pkiClient,
      Optional<String> tsaUrl,
      Path tempDirectory) {
    this(trustAnchors, pkiClient, tsaUrl, tempDirectory, List.of());
  }

  public TrustServices(TrustAnchors anchors, PkiClient pkiClient, String tsaUrl) {
    this(anchors.certificates(), pkiClient, Optional.ofNullable(tsaUrl), defaultTemp());
  }

  /** Everything from the demo PKI, in process: for development, tests and the embedded demo. */
  public static TrustServices demo(DemoPki pki) {
    return new TrustServices(TrustAnchors.of(pki.rootCertificate()), pki.client(), pki.tsaUrl())
        .withServiceUrls(List.of(pki.baseUrl() + "/"));
  }

  public TrustServices withTempDirectory(Path directory) {
    return new TrustServices(trustAnchors, pkiClient, tsaUrl, directory, serviceUrls);
  }

  public TrustServices withServiceUrls(List<String> urls) {
    return new TrustServices(trustAnchors, pkiClient, tsaUrl, tempDirectory, urls);
  }

  private static Path defaultTemp() {
    return Path.of(System.getProperty("java.io.tmpdir"));
  }
}
