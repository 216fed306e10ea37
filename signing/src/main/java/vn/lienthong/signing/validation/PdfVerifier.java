package vn.lienthong.signing.validation;

import eu.europa.esig.dss.diagnostic.CertificateWrapper;
import eu.europa.esig.dss.diagnostic.DiagnosticData;
import eu.europa.esig.dss.diagnostic.PDFRevisionWrapper;
import eu.europa.esig.dss.diagnostic.SignatureWrapper;
import eu.europa.esig.dss.diagnostic.TimestampWrapper;
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
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import vn.lienthong.signing.SigningException;
import vn.lienthong.signing.TrustServices;
import vn.lienthong.signing.internal.AppearanceMapper;
import vn.lienthong.signing.internal.DssSupport;
import vn.lienthong.signing.internal.PdfInputs;
import vn.lienthong.signing.internal.pdf.PdfReader;
import vn.lienthong.signing.internal.pdf.RevisionChanges;
import vn.lienthong.signing.internal.pdf.UnsupportedPdfException;
import vn.lienthong.signing.validation.ChangeAfterSigning.Kind;

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
      List<SignatureVerdict> signatures = verdicts(reports, pdf);
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

  /** The sub-indication of a signature whose bytes are intact but whose document changed since. */
  public static final String CHANGED_AFTER_SIGNING = "CHANGED_AFTER_SIGNING";

  /** The sub-indication of a signature after which what a page shows was changed. */
  public static final String MODIFIED_AFTER_SIGNING = "MODIFIED_AFTER_SIGNING";

  private static List<SignatureVerdict> verdicts(Reports reports, Path pdf) {
    DiagnosticData diagnostic = reports.getDiagnosticData();
    SimpleReport simple = reports.getSimpleReport();
    Set<List<Long>> intact = intactByteRanges(diagnostic);
    List<SignatureVerdict> out = new ArrayList<>();
    try (LaterRevisions later = new LaterRevisions(pdf)) {
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
        List<ChangeAfterSigning> changes = changes(signature, later, intact);
        Indication indication = Indication.valueOf(simple.getIndication(id).name());
        String subIndication =
            simple.getSubIndication(id) == null ? null : simple.getSubIndication(id).name();
        if (indication != Indication.TOTAL_FAILED
            && changes.stream().anyMatch(ChangeAfterSigning::altersDisplay)) {
          indication = Indication.TOTAL_FAILED;
          subIndication = MODIFIED_AFTER_SIGNING;
        } else if (indication == Indication.TOTAL_PASSED && !changes.isEmpty()) {
          indication = Indication.INDETERMINATE;
          subIndication = CHANGED_AFTER_SIGNING;
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
                changes));
      }
    }
    return out;
  }

  /**
   * What later revisions changed after the signature (our own comparison of revisions), plus the
   * pages DSS's rendered and page-level comparison found different and the object changes DSS could
   * not classify: a second opinion, never a reason to pass.
   */
  private static List<ChangeAfterSigning> changes(
      SignatureWrapper signature, LaterRevisions later, Set<List<Long>> intact) {
    List<ChangeAfterSigning> changes = new ArrayList<>();
    PDFRevisionWrapper revision = signature.getPDFRevision();
    if (revision == null) {
      changes.add(ChangeAfterSigning.of(Kind.BYTE_RANGE_INVALID));
      return changes;
    }
    changes.addAll(later.changesAfter(longs(revision.getSignatureByteRange()), intact));
    Set<Integer> pages = new java.util.TreeSet<>();
    for (java.math.BigInteger page : signature.getPdfVisualDifferenceConcernedPages()) {
      pages.add(page.intValue());
    }
    for (java.math.BigInteger page : signature.getPdfPageDifferenceConcernedPages()) {
      pages.add(page.intValue());
    }
    for (int page : pages) {
      changes.add(new ChangeAfterSigning(Kind.RENDERED_PAGE_DIFFERS, page, null));
    }
    if (!signature.getPdfUndefinedChanges().isEmpty() && changes.isEmpty()) {
      changes.add(ChangeAfterSigning.of(Kind.OBJECTS_CHANGED));
    }
    return changes;
  }

  /** The byte ranges of signatures and document timestamps whose bytes and value are intact. */
  private static Set<List<Long>> intactByteRanges(DiagnosticData diagnostic) {
    Set<List<Long>> ranges = new HashSet<>();
    for (SignatureWrapper signature : diagnostic.getSignatures()) {
      if (signature.getPDFRevision() != null
          && signature.isSignatureIntact()
          && signature.isSignatureValid()) {
        ranges.add(longs(signature.getPDFRevision().getSignatureByteRange()));
      }
    }
    for (TimestampWrapper timestamp : diagnostic.getTimestampList()) {
      if (timestamp.getPDFRevision() != null
          && timestamp.isMessageImprintDataIntact()
          && timestamp.isSignatureValid()) {
        ranges.add(longs(timestamp.getPDFRevision().getSignatureByteRange()));
      }
    }
    return ranges;
  }

  private static List<Long> longs(List<java.math.BigInteger> numbers) {
    List<Long> out = new ArrayList<>(numbers.size());
    for (java.math.BigInteger n : numbers) {
      out.add(n.bitLength() < 63 ? n.longValue() : -1L);
    }
    return out;
  }

  /** The document read once for all its signatures, when some bytes follow a signature. */
  private static final class LaterRevisions implements AutoCloseable {
    private final Path pdf;
    private PdfReader reader;
    private String unreadable;

    LaterRevisions(Path pdf) {
      this.pdf = pdf;
    }

    List<ChangeAfterSigning> changesAfter(List<Long> byteRange, Set<List<Long>> intact) {
      if (reader == null && unreadable == null) {
        try {
          reader = PdfReader.open(pdf);
        } catch (UnsupportedPdfException e) {
          unreadable = e.getMessage();
        }
      }
      if (reader == null) {
        // nothing to analyse when the signature covers the whole file
        long size;
        try {
          size = Files.size(pdf);
        } catch (IOException e) {
          throw new SigningException("Cannot read " + pdf.getFileName(), e);
        }
        return byteRange.size() == 4 && byteRange.get(2) + byteRange.get(3) == size
            ? List.of()
            : List.of(new ChangeAfterSigning(Kind.NOT_ANALYSED, null, unreadable));
      }
      return RevisionChanges.after(reader, byteRange, intact);
    }

    @Override
    public void close() {
      if (reader != null) {
        reader.close();
      }
    }
  }
}
