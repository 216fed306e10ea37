package vn.lienthong.signing.internal;

import eu.europa.esig.dss.alert.AbstractStatusAlert;
import eu.europa.esig.dss.alert.SilentOnStatusAlert;
import eu.europa.esig.dss.alert.StatusAlert;
import eu.europa.esig.dss.alert.status.Status;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.SignatureFieldParameters;
import eu.europa.esig.dss.pades.validation.PdfSignatureField;
import eu.europa.esig.dss.pdf.PdfDocumentReader;
import eu.europa.esig.dss.pdf.PdfMemoryUsageSetting;
import eu.europa.esig.dss.pdf.PdfPermissionsChecker;
import eu.europa.esig.dss.pdf.PdfSignatureFieldPositionChecker;
import eu.europa.esig.dss.pdf.SigFieldPermissions;
import eu.europa.esig.dss.pdf.modifications.DefaultPdfDifferencesFinder;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.service.crl.OnlineCRLSource;
import eu.europa.esig.dss.service.ocsp.OnlineOCSPSource;
import eu.europa.esig.dss.service.tsp.OnlineTSPSource;
import eu.europa.esig.dss.signature.resources.TempFileResourcesHandlerBuilder;
import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.validation.RevocationDataVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.spi.x509.aia.DefaultAIASource;
import eu.europa.esig.dss.spi.x509.tsp.TSPSource;
import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.function.Function;
import vn.lienthong.signing.InvalidDocumentException;
import vn.lienthong.signing.SigningException;
import vn.lienthong.signing.pades.SignerCertificateException;
import vn.lienthong.signing.pki.PkiClient;

/**
 * Builds the DSS objects our services share. One {@link CertificateVerifier} per service instance,
 * configured once (the DSS cookbook builds one per call, which is what makes it slow).
 */
public final class DssSupport {

  /**
   * Documents above this size (default 32 MB, system property {@value #LARGE_DOCUMENT_PROPERTY})
   * are processed through temporary files instead of memory.
   */
  public static final String LARGE_DOCUMENT_PROPERTY = "lienthong.signing.largeDocumentBytes";

  public static boolean isLarge(long documentBytes) {
    return documentBytes > Long.getLong(LARGE_DOCUMENT_PROPERTY, 32L * 1024 * 1024);
  }

  /** PDFBox buffers at most this much of a large document in memory, the rest in scratch files. */
  private static final long PDF_MEMORY_BYTES = 16L * 1024 * 1024;

  /** PDFBox's stream buffers for a document handled in memory (documents up to 32 MB). */
  private static final long PDF_BUFFER_BYTES = 256L * 1024 * 1024;

  /** Memory and scratch files together for a large document. */
  private static final long PDF_SCRATCH_BYTES = 2L * 1024 * 1024 * 1024;

  private DssSupport() {}

  /**
   * The verifier of one service. CRLs, OCSP responses and CA certificates are fetched only from
   * {@code serviceUrls} (see {@link vn.lienthong.signing.TrustServices}), whatever URLs the
   * certificates in a document name.
   */
  public static CertificateVerifier certificateVerifier(
      List<X509Certificate> trustAnchors,
      PkiClient unrestricted,
      List<String> serviceUrls,
      boolean forSigning) {
    PkiClient pki = PkiClient.restrictedTo(serviceUrls, unrestricted);
    CommonCertificateVerifier verifier =
        forSigning ? new CommonCertificateVerifier() : new CurrentStatusVerifier();
    if (!trustAnchors.isEmpty()) {
      CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
      for (X509Certificate anchor : trustAnchors) {
        trusted.addCertificate(new CertificateToken(anchor));
      }
      verifier.setTrustedCertSources(trusted);
    } else if (forSigning) {
      // Signing without configured anchors (e.g. the CLI with a lone PKCS#12): still collect
      // revocation data for the chain up to its root, as B-LT requires.
      verifier.setCheckRevocationForUntrustedChains(true);
    }
    if (forSigning) {
      // DSS's certificate checks while signing and extending raise alerts; each becomes our own
      // type here, so nobody has to tell them apart by their message.
      StatusAlert signer =
          throwing(s -> new SignerCertificateException("The signer's certificate: " + s, null));
      verifier.setAlertOnRevokedCertificate(signer);
      verifier.setAlertOnExpiredCertificate(signer);
      verifier.setAlertOnNotYetValidCertificate(signer);
    }
    verifier.setOcspSource(
        new OnlineOCSPSource(new PkiClientDataLoader(pki, "application/ocsp-request")));
    verifier.setCrlSource(new OnlineCRLSource(new PkiClientDataLoader(pki, null)));
    verifier.setAIASource(new DefaultAIASource(new PkiClientDataLoader(pki, null)));
    return verifier;
  }

  /**
   * The verifier of a validation service: DSS takes a new {@link
   * CurrentStatusRevocationDataVerifier} from it for each validation (it keeps the one it took for
   * that validation only), so the signer's current revocation status is asked for even when the
   * document holds revocation data.
   */
  private static final class CurrentStatusVerifier extends CommonCertificateVerifier {
    @Override
    public RevocationDataVerifier getRevocationDataVerifier() {
      return new CurrentStatusRevocationDataVerifier();
    }
  }

  public static TSPSource timestampSource(String tsaUrl, PkiClient pki) {
    return new OnlineTSPSource(tsaUrl, new PkiClientDataLoader(pki, "application/timestamp-query"));
  }

  /**
   * Our PDF object factory: PDFBox native drawing (real text, embedded font), overlaps allowed, the
   * document's signature permissions enforced, and PDFBox's stream cache (the buffers of streams it
   * writes) within {@link #PDF_BUFFER_BYTES}, beyond which PDFBox fails with an IOException, a
   * damaged document to us. What PDFBox decodes while reading is not in that cache: verification
   * measures it first ({@code internal.pdf.DecodeBounds}).
   */
  public static PdfBoxNativeObjectFactory inMemoryPdfFactory() {
    PdfBoxNativeObjectFactory factory = new PdfBoxNativeObjectFactory();
    factory.setPdfSignatureFieldPositionChecker(positionChecker());
    factory.setPdfPermissionsChecker(permissionsChecker());
    factory.setPdfMemoryUsageSetting(PdfMemoryUsageSetting.memoryBuffered(PDF_BUFFER_BYTES));
    return factory;
  }

  /**
   * Sets up to how many pages DSS renders the signed and the final revision of a document to
   * compare them visually (DSS's default is 10). The object-level comparison runs whatever this is.
   */
  public static PdfBoxNativeObjectFactory withVisualComparison(
      PdfBoxNativeObjectFactory factory, int maxPages) {
    DefaultPdfDifferencesFinder finder = new DefaultPdfDifferencesFinder();
    finder.setMaximalPagesAmountForVisualComparison(maxPages);
    factory.setPdfDifferencesFinder(finder);
    return factory;
  }

  /**
   * For large scans: PDFBox keeps at most {@link #PDF_MEMORY_BYTES} in memory, DSS writes its
   * intermediate and final documents to temporary files in {@code tempDirectory}. The caller clears
   * the returned builder after copying the result.
   */
  public static PdfBoxNativeObjectFactory fileBackedPdfFactory(
      TempFileResourcesHandlerBuilder temp) {
    PdfBoxNativeObjectFactory factory = new PdfBoxNativeObjectFactory();
    factory.setPdfSignatureFieldPositionChecker(positionChecker());
    factory.setPdfPermissionsChecker(permissionsChecker());
    factory.setPdfMemoryUsageSetting(
        PdfMemoryUsageSetting.mixed(PDF_MEMORY_BYTES, PDF_SCRATCH_BYTES));
    factory.setResourcesHandlerBuilder(temp);
    return factory;
  }

  public static TempFileResourcesHandlerBuilder tempFiles(Path tempDirectory) {
    TempFileResourcesHandlerBuilder builder = new TempFileResourcesHandlerBuilder();
    builder.setTempFileDirectory(tempDirectory.toFile());
    builder.setFileNamePrefix("lienthong-");
    return builder;
  }

  /**
   * An earlier signature's DocMDP, FieldMDP or /Lock forbids a new one: the document's fault. DSS
   * honours a signed field's /Lock only when it also has a /P permission; a /Lock that locks all
   * fields (or all but some) forbids a new field whatever /P says, as on the incremental path
   * ({@code SignaturePermissions}), so that both paths give a document the same answer.
   */
  private static PdfPermissionsChecker permissionsChecker() {
    PdfPermissionsChecker checker =
        new PdfPermissionsChecker() {
          @Override
          public void checkSignatureRestrictionDictionaries(
              PdfDocumentReader reader, SignatureFieldParameters field) {
            super.checkSignatureRestrictionDictionaries(reader, field);
            try {
              for (List<PdfSignatureField> signed : reader.extractSigDictionaries().values()) {
                for (PdfSignatureField signedField : signed) {
                  SigFieldPermissions lock = signedField.getLockDictionary();
                  if (lock != null && isSignatureFieldCreationForbidden(lock, field.getFieldId())) {
                    alertOnForbiddenSignatureCreation(
                        "Lock dictionary of field '"
                            + signedField.getFieldName()
                            + "' does not permit a new signature creation!");
                  }
                }
              }
            } catch (IOException e) {
              // what DSS could not read it has already logged in super
            }
          }
        };
    checker.setAlertOnForbiddenSignatureCreation(
        throwing(
            s ->
                new InvalidDocumentException(
                    InvalidDocumentException.Reason.SIGNING_NOT_PERMITTED, s)));
    return checker;
  }

  /** An alert that throws our exception, made from DSS's message, when DSS raises it. */
  private static StatusAlert throwing(Function<String, SigningException> exception) {
    return new AbstractStatusAlert(
        (Status status) -> {
          throw exception.apply(status.getMessage());
        }) {};
  }

  private static PdfSignatureFieldPositionChecker positionChecker() {
    PdfSignatureFieldPositionChecker checker = new PdfSignatureFieldPositionChecker();
    // Decree 30/2020/NĐ-CP Annex I: the unit's seal covers about the left third of the leader's
    // signature, so overlapping signature fields are intended here.
    checker.setAlertOnSignatureFieldOverlap(new SilentOnStatusAlert());
    return checker;
  }
}
