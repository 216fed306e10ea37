package vn.lienthong.signing.validation;

import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.model.policy.ValidationPolicy;
import eu.europa.esig.dss.pades.validation.PDFDocumentValidator;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.signature.resources.TempFileResourcesHandlerBuilder;
import eu.europa.esig.dss.simplereport.SimpleReport;
import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import eu.europa.esig.dss.validation.policy.ValidationPolicyLoader;
import eu.europa.esig.dss.validation.reports.Reports;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import vn.lienthong.signing.SigningException;
import vn.lienthong.signing.TrustServices;
import vn.lienthong.signing.internal.AppearanceMapper;
import vn.lienthong.signing.internal.DssSupport;
import vn.lienthong.signing.internal.PdfInputs;

/**
 * Verifies signed PDFs with DSS against the configured trust anchors, fetching OCSP/CRL through the
 * configured {@link vn.lienthong.signing.pki.PkiClient} (and its cache). One instance is shared:
 * the certificate verifier and the validation policy are built once, not per document.
 */
public final class PdfVerifier {

  private final TrustServices services;
  private final CertificateVerifier verifier;
  private final ValidationPolicy policy;
  private final int visualComparisonMaxPages;
  private final PdfBoxNativeObjectFactory inMemory;

  /** DSS's default visual check: documents up to 10 pages are also compared as rendered images. */
  public static final int DEFAULT_VISUAL_COMPARISON_PAGES = 10;

  /** Throws {@link NoTrustAnchorsException} when the services name no trust anchor. */
  public PdfVerifier(TrustServices services) {
    this(services, DEFAULT_VISUAL_COMPARISON_PAGES);
  }

  /**
   * With a different limit for the visual comparison of revisions. Rendering pages is most of the
   * cost of verifying a short document (about 80% for 10 pages); 0 turns it off and leaves the
   * object-level comparison of revisions, which still catches changed content, pages and objects.
   * The public verification service may prefer speed; certified copies may prefer the extra check.
   */
  public PdfVerifier(TrustServices services, int visualComparisonMaxPages) {
    this.visualComparisonMaxPages = visualComparisonMaxPages;
    this.inMemory =
        DssSupport.withVisualComparison(DssSupport.inMemoryPdfFactory(), visualComparisonMaxPages);
    if (services.trustAnchors().isEmpty()) {
      throw new NoTrustAnchorsException(
          "No trust anchors configured: validation would trust nothing");
    }
    this.services = services;
    this.verifier =
        DssSupport.certificateVerifier(services.trustAnchors(), services.pkiClient(), false);
    this.policy = ValidationPolicyLoader.fromDefaultValidationPolicy().create();
  }

  public Verdict verify(Path pdf) {
    return verify(pdf, false).verdict();
  }

  /** Verifies, and also produces the ETSI validation report XML when {@code etsiReport} is true. */
  public Verification verify(Path pdf, boolean etsiReport) {
    PdfInputs.preflight(pdf);
    String sha256 = PdfInputs.sha256(pdf);
    TempFileResourcesHandlerBuilder temp = null;
    try {
      PDFDocumentValidator validator = new PDFDocumentValidator(new FileDocument(pdf.toFile()));
      validator.setCertificateVerifier(verifier);
      if (DssSupport.isLarge(Files.size(pdf))) {
        temp = DssSupport.tempFiles(services.tempDirectory());
        validator.setPdfObjFactory(
            DssSupport.withVisualComparison(
                DssSupport.fileBackedPdfFactory(temp), visualComparisonMaxPages));
      } else {
        validator.setPdfObjFactory(inMemory);
      }
      validator.setEnableEtsiValidationReport(etsiReport);
      Reports reports;
      try {
        reports = validator.validateDocument(policy);
      } catch (SigningException e) {
        throw e;
      } catch (RuntimeException e) {
        PdfInputs.diagnose(pdf, e);
        throw new SigningException("Validation failed: " + e.getMessage(), e);
      }
      List<SignatureVerdict> signatures = verdicts(reports);
      Verdict verdict = new Verdict(sha256, Verdict.overall(signatures), signatures);
      return new Verification(
          verdict, etsiReport ? Optional.of(reports.getXmlValidationReport()) : Optional.empty());
    } catch (IOException e) {
      throw new SigningException("Cannot read " + pdf.getFileName(), e);
    } finally {
      if (temp != null) {
        temp.clear();
      }
    }
  }

  private static List<SignatureVerdict> verdicts(Reports reports) {
    DiagnosticData diagnostic = reports.getDiagnosticData();
    SimpleReport simple = reports.getSimpleReport();
    List<SignatureVerdict> out = new ArrayList<>();
    for (SignatureWrapper signature : diagnostic.getSignatures()) {
      String id = signature.getId();
      CertificateWrapper certificate = signature.getSigningCertificate();
      String signer = certificate == null ? null : certificate.getCommonName();
      String organization = null;
      if (certificate != null && certificate.getOrganizationName() != null) {
        organization = certificate.getOrganizationName();
        if (certificate.getOrganizationIdentifier() != null) {
          organization += " (" + certificate.getOrganizationIdentifier() + ")";
        }
      }
      Date time = simple.getBestSignatureTime(id);
      if (time == null) {
        time = signature.getClaimedSigningTime();
      }
      // Changes after signing that no later signature explains: content, pages or objects changed
      // outside what signing and form filling may change (shadow attacks). Overlapping annotations
      // alone are not counted: Decree 30 puts the seal over the leader's signature on purpose.
      boolean modified =
          !signature.getPdfVisualDifferenceConcernedPages().isEmpty()
              || !signature.getPdfPageDifferenceConcernedPages().isEmpty()
              || !signature.getPdfUndefinedChanges().isEmpty();
      Indication indication = Indication.valueOf(simple.getIndication(id).name());
      String subIndication =
          simple.getSubIndication(id) == null ? null : simple.getSubIndication(id).name();
      if (modified && indication == Indication.TOTAL_PASSED) {
        indication = Indication.TOTAL_FAILED;
        subIndication = "MODIFIED_AFTER_SIGNING";
      }
      out.add(
          new SignatureVerdict(
              signer,
              organization,
              time == null
                  ? null
                  : OffsetDateTime.ofInstant(time.toInstant(), AppearanceMapper.VIETNAM),
              simple.getSignatureFormat(id) == null
                  ? null
                  : simple.getSignatureFormat(id).toString(),
              indication,
              subIndication,
              modified));
    }
    return out;
  }
}
