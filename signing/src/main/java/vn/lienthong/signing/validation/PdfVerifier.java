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
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import vn.lienthong.signing.InvalidDocumentException;
import vn.lienthong.signing.SigningException;
import vn.lienthong.signing.TrustServices;
import vn.lienthong.signing.internal.AppearanceMapper;
import vn.lienthong.signing.internal.Contained;
import vn.lienthong.signing.internal.DssSupport;
import vn.lienthong.signing.internal.PdfInputs;
import vn.lienthong.signing.internal.pdf.DecodeBounds;
import vn.lienthong.signing.internal.pdf.LimitExceededException;
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
  private final VerificationLimits limits;
  private final ThreadPoolExecutor workers;
  private final Semaphore large;

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
    this(services, visualComparisonMaxPages, VerificationLimits.defaults());
  }

  /**
   * With other bounds on time, workers and large documents than {@link
   * VerificationLimits#defaults()}.
   */
  public PdfVerifier(
      TrustServices services, int visualComparisonMaxPages, VerificationLimits limits) {
    this.limits = limits;
    this.large = new Semaphore(limits.concurrentLarge(), true);
    this.workers =
        new ThreadPoolExecutor(
            limits.workers(),
            limits.workers(),
            30,
            TimeUnit.SECONDS,
            limits.queued() == 0
                ? new SynchronousQueue<>()
                : new ArrayBlockingQueue<>(limits.queued()),
            workerThreads(limits.stackBytes()));
    // idle workers end, so a verifier that is no longer used holds no thread
    workers.allowCoreThreadTimeOut(true);
    this.visualComparisonMaxPages = visualComparisonMaxPages;
    this.inMemory =
        DssSupport.withVisualComparison(DssSupport.inMemoryPdfFactory(), visualComparisonMaxPages);
    if (services.trustAnchors().isEmpty()) {
      throw new NoTrustAnchorsException(
          "No trust anchors configured: validation would trust nothing");
    }
    this.services = services;
    this.verifier =
        DssSupport.certificateVerifier(
            services.trustAnchors(), services.pkiClient(), services.serviceUrls(), false);
    this.policy = ValidationPolicyLoader.fromDefaultValidationPolicy().create();
  }

  public Verdict verify(Path pdf) {
    return verify(pdf, false).verdict();
  }

  /**
   * Verifies, and also produces the ETSI validation report XML when {@code etsiReport} is true.
   * Runs on one of the verifier's workers within its {@link VerificationLimits}: a document that
   * takes longer is refused ({@link InvalidDocumentException.Reason#TOO_COMPLEX}) and its worker
   * interrupted; one that overflows the stack or a buffer is refused the same way, and the other
   * documents being verified are not affected; when no worker is free in time, {@link
   * VerifierBusyException}.
   */
  public Verification verify(Path pdf, boolean etsiReport) {
    return bounded(deadline -> verifyNow(pdf, etsiReport, deadline));
  }

  /** Permits left for large documents (tests: none is ever lost). */
  int largePermits() {
    return large.availablePermits();
  }

  void holdLargePermit() throws InterruptedException {
    large.acquire();
  }

  void releaseLargePermit() {
    large.release();
  }

  /** Work on one document, given the moment (System.nanoTime) it must be done by. */
  interface DocumentWork<T> {
    T run(long deadline) throws Exception;
  }

  /** Runs {@code work} on a worker within the limits; see {@link #verify(Path, boolean)}. */
  <T> T bounded(DocumentWork<T> work) {
    long timeout = limits.timeout().toNanos();
    // the document's own time starts when a worker takes it; waiting for one is bounded apart
    CompletableFuture<Long> started = new CompletableFuture<>();
    FutureTask<T> task =
        new FutureTask<>(
            () -> {
              long deadline = System.nanoTime() + timeout;
              started.complete(deadline);
              return Contained.call(
                  () -> {
                    try {
                      return work.run(deadline);
                    } catch (RuntimeException e) {
                      throw e;
                    } catch (InterruptedException e) {
                      Thread.currentThread().interrupt();
                      throw new SigningException("Interrupted while verifying", e);
                    } catch (Exception e) {
                      throw new SigningException("Validation failed: " + e.getMessage(), e);
                    }
                  });
            });
    try {
      workers.execute(task);
    } catch (RejectedExecutionException e) {
      throw new VerifierBusyException(
          "All " + limits.workers() + " verification workers are busy and the queue is full");
    }
    try {
      long deadline;
      try {
        deadline = started.get(timeout, TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        // still queued: out of the queue, so that it holds no place there
        if (workers.remove(task) || !started.isDone()) {
          task.cancel(false);
          throw new VerifierBusyException("No verification worker was free in time");
        }
        deadline = started.join();
      }
      return task.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      task.cancel(true);
      throw new InvalidDocumentException(
          InvalidDocumentException.Reason.TOO_COMPLEX,
          "The document could not be verified within " + limits.timeout().toMillis() + " ms");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException cause) {
        throw cause;
      }
      throw new SigningException("Validation failed: " + e.getCause(), e.getCause());
    } catch (InterruptedException e) {
      task.cancel(true);
      Thread.currentThread().interrupt();
      throw new SigningException("Interrupted while verifying", e);
    }
  }

  private Verification verifyNow(Path pdf, boolean etsiReport, long deadline)
      throws InterruptedException {
    PdfInputs.preflight(pdf);
    String sha256 = PdfInputs.sha256(pdf);
    TempFileResourcesHandlerBuilder temp = null;
    boolean large = false;
    try (Revisions revisions = Revisions.open(pdf, visualComparisonMaxPages > 0)) {
      if (DssSupport.isLarge(Files.size(pdf))) {
        if (!this.large.tryAcquire(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
          throw new VerifierBusyException("Too many large documents are being verified");
        }
        large = true; // only a permit taken is given back
      }
      PDFDocumentValidator validator = new PDFDocumentValidator(new FileDocument(pdf.toFile()));
      validator.setCertificateVerifier(verifier);
      if (large) {
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
      List<SignatureVerdict> signatures = verdicts(reports, revisions);
      Verdict verdict = new Verdict(sha256, Verdict.overall(signatures), signatures);
      return new Verification(
          verdict, etsiReport ? Optional.of(reports.getXmlValidationReport()) : Optional.empty());
    } catch (IOException e) {
      throw new SigningException("Cannot read " + pdf.getFileName(), e);
    } finally {
      if (large) {
        this.large.release();
      }
      if (temp != null) {
        temp.clear();
      }
    }
  }

  private static ThreadFactory workerThreads(long stackBytes) {
    AtomicInteger count = new AtomicInteger();
    return work -> {
      Thread thread =
          new Thread(null, work, "lienthong-verify-" + count.incrementAndGet(), stackBytes);
      thread.setDaemon(true);
      return thread;
    };
  }

  /** The sub-indication of a signature whose bytes are intact but whose document changed since. */
  public static final String CHANGED_AFTER_SIGNING = "CHANGED_AFTER_SIGNING";

  /** The sub-indication of a signature after which what a page shows was changed. */
  public static final String MODIFIED_AFTER_SIGNING = "MODIFIED_AFTER_SIGNING";

  private static List<SignatureVerdict> verdicts(Reports reports, Revisions later) {
    DiagnosticData diagnostic = reports.getDiagnosticData();
    SimpleReport simple = reports.getSimpleReport();
    RevisionChanges.Signatures judged = judged(diagnostic, simple);
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
      List<ChangeAfterSigning> changes = changes(signature, later, judged);
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
    return out;
  }

  /**
   * What later revisions changed after the signature (our own comparison of revisions), plus the
   * pages DSS's rendered and page-level comparison found different and the object changes DSS could
   * not classify: a second opinion, never a reason to pass.
   */
  private static List<ChangeAfterSigning> changes(
      SignatureWrapper signature, Revisions later, RevisionChanges.Signatures judged) {
    List<ChangeAfterSigning> changes = new ArrayList<>();
    PDFRevisionWrapper revision = signature.getPDFRevision();
    if (revision == null || !revision.isSignatureByteRangeValid()) {
      changes.add(ChangeAfterSigning.of(Kind.BYTE_RANGE_INVALID));
      return changes;
    }
    changes.addAll(later.changesAfter(longs(revision.getSignatureByteRange()), judged));
    Set<Integer> pages = new TreeSet<>();
    for (BigInteger page : signature.getPdfVisualDifferenceConcernedPages()) {
      pages.add(page.intValue());
    }
    for (BigInteger page : signature.getPdfPageDifferenceConcernedPages()) {
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

  /**
   * The byte ranges of the signatures and document timestamps whose signed bytes and signature
   * value DSS found intact, and of those it passed (by its own verdict, before our changes).
   */
  private static RevisionChanges.Signatures judged(DiagnosticData diagnostic, SimpleReport simple) {
    Set<List<Long>> intact = new HashSet<>();
    Set<List<Long>> passed = new HashSet<>();
    for (SignatureWrapper signature : diagnostic.getSignatures()) {
      if (signature.getPDFRevision() != null
          && signature.isSignatureIntact()
          && signature.isSignatureValid()) {
        List<Long> range = longs(signature.getPDFRevision().getSignatureByteRange());
        intact.add(range);
        if (simple.getIndication(signature.getId())
            == eu.europa.esig.dss.enumerations.Indication.TOTAL_PASSED) {
          passed.add(range);
        }
      }
    }
    for (TimestampWrapper timestamp : diagnostic.getTimestampList()) {
      if (timestamp.getPDFRevision() != null
          && timestamp.isMessageImprintDataIntact()
          && timestamp.isSignatureValid()) {
        intact.add(longs(timestamp.getPDFRevision().getSignatureByteRange()));
      }
    }
    return new RevisionChanges.Signatures(intact, passed);
  }

  private static List<Long> longs(List<BigInteger> numbers) {
    List<Long> out = new ArrayList<>(numbers.size());
    for (BigInteger n : numbers) {
      out.add(n.bitLength() < 63 ? n.longValue() : -1L);
    }
    return out;
  }

  /**
   * The document read once by our own reader, for the decode bounds before DSS and the changes
   * after each signature; null inside when our reader cannot read it (then only a signature that
   * covers the whole file has nothing after it to analyse).
   */
  private static final class Revisions implements AutoCloseable {
    private final Path pdf;
    private final long size;
    private PdfReader reader;
    private String unreadable;

    private Revisions(Path pdf, long size) {
      this.pdf = pdf;
      this.size = size;
    }

    /**
     * Measures what PDFBox would decode, with a reader of its own that is closed before DSS runs
     * (its caches would otherwise stay in memory beside DSS's).
     */
    static Revisions open(Path pdf, boolean images) throws IOException {
      Revisions revisions = new Revisions(pdf, Files.size(pdf));
      try (PdfReader reader = PdfReader.open(pdf)) {
        DecodeBounds.check(reader, images);
      } catch (LimitExceededException e) {
        // what our reader refuses to decode, PDFBox would decode without a bound
        throw new InvalidDocumentException(
            InvalidDocumentException.Reason.TOO_COMPLEX,
            "PDF beyond the limits: " + e.getMessage());
      } catch (UnsupportedPdfException e) {
        // a structure our reader does not follow: DSS reads it, bounded by memory and time only
      }
      return revisions;
    }

    List<ChangeAfterSigning> changesAfter(List<Long> byteRange, RevisionChanges.Signatures judged) {
      if (byteRange.size() == 4 && byteRange.get(2) + byteRange.get(3) == size) {
        return List.of(); // the signature covers the whole file: nothing after it
      }
      if (reader == null && unreadable == null) {
        try {
          reader = PdfReader.open(pdf);
        } catch (UnsupportedPdfException e) {
          unreadable = e.getMessage();
        }
      }
      if (reader == null) {
        return List.of(new ChangeAfterSigning(Kind.NOT_ANALYSED, null, unreadable));
      }
      return RevisionChanges.after(reader, byteRange, judged);
    }

    @Override
    public void close() {
      if (reader != null) {
        reader.close();
      }
    }
  }
}
