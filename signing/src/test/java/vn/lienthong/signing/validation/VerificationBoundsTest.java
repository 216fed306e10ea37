package vn.lienthong.signing.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.signing.Fixtures;
import vn.lienthong.signing.InvalidDocumentException;
import vn.lienthong.signing.TrustServices;
import vn.lienthong.signing.key.BorrowedKey;
import vn.lienthong.signing.key.Pkcs12KeySource;
import vn.lienthong.signing.pades.PadesSigner;
import vn.lienthong.signing.pades.SignOptions;
import vn.lienthong.signing.pades.SignatureLevel;
import vn.lienthong.signing.pki.DemoPki;
import vn.lienthong.signing.pki.PkiClient;

/**
 * Verification stays bounded whatever is uploaded: a document gets its time on a worker and no
 * more, an overflowing one is refused without harming the others, a full service says so at once,
 * what PDFBox would decode is measured before it decodes it, and only configured trust services are
 * ever fetched from.
 */
class VerificationBoundsTest {

  private static PdfVerifier verifier(VerificationLimits limits) {
    return new PdfVerifier(Fixtures.services(), 0, limits);
  }

  private static VerificationLimits limits(Duration timeout, int workers, int queued) {
    return new VerificationLimits(timeout, workers, queued, 1, 8L * 1024 * 1024);
  }

  @Test
  void workPastItsDeadlineIsRefusedAndItsWorkerInterrupted() throws Exception {
    PdfVerifier verifier = verifier(limits(Duration.ofMillis(200), 2, 4));
    CountDownLatch interrupted = new CountDownLatch(1);
    assertThatThrownBy(
            () ->
                verifier.bounded(
                    deadline -> {
                      try {
                        Thread.sleep(60_000);
                      } catch (InterruptedException e) {
                        interrupted.countDown();
                        throw e;
                      }
                      return null;
                    }))
        .isInstanceOf(InvalidDocumentException.class)
        .hasMessageContaining("within 200 ms")
        .extracting(e -> ((InvalidDocumentException) e).reason())
        .isEqualTo(InvalidDocumentException.Reason.TOO_COMPLEX);
    assertThat(interrupted.await(10, TimeUnit.SECONDS)).isTrue();
  }

  @Test
  void aStackOverflowOrAnExhaustedBufferStaysWithItsDocument(@TempDir Path dir) throws Exception {
    PdfVerifier verifier = verifier(limits(Duration.ofSeconds(60), 3, 4));
    Path signed = signed(dir);
    ExecutorService callers = Executors.newFixedThreadPool(3);
    try {
      Future<Object> overflow = callers.submit(() -> verifier.bounded(deadline -> recurse(0)));
      Future<Object> exhausted =
          callers.submit(
              // a buffer sized from what a file says, as PDFBox allocates them: 16 GB
              () -> verifier.bounded(deadline -> new long[Integer.MAX_VALUE - 8]));
      Future<Verdict> meanwhile = callers.submit(() -> verifier.verify(signed));
      for (Future<Object> failed : List.of(overflow, exhausted)) {
        assertThatThrownBy(failed::get)
            .hasCauseInstanceOf(InvalidDocumentException.class)
            .cause()
            .extracting(e -> ((InvalidDocumentException) e).reason())
            .isEqualTo(InvalidDocumentException.Reason.TOO_COMPLEX);
      }
      assertThat(meanwhile.get().indication()).isEqualTo(Indication.TOTAL_PASSED);
      // the workers are fine afterwards
      assertThat(verifier.verify(signed).indication()).isEqualTo(Indication.TOTAL_PASSED);
    } finally {
      callers.shutdownNow();
    }
  }

  private static Object recurse(int depth) {
    return depth < 0 ? null : recurse(depth + 1);
  }

  @Test
  void aFullServiceSaysSoAtOnce() throws Exception {
    PdfVerifier verifier = verifier(limits(Duration.ofSeconds(30), 1, 0));
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try {
      Future<Object> first =
          caller.submit(
              () ->
                  verifier.bounded(
                      deadline -> {
                        running.countDown();
                        release.await();
                        return "done";
                      }));
      assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
      assertThatThrownBy(() -> verifier.bounded(deadline -> "second"))
          .isInstanceOf(VerifierBusyException.class);
      release.countDown();
      assertThat(first.get()).isEqualTo("done");
    } finally {
      caller.shutdownNow();
    }
  }

  @Test
  void aDocumentThatWaitedPastItsDeadlineForAWorkerIsBusyNotTooComplex() throws Exception {
    PdfVerifier verifier = verifier(limits(Duration.ofMillis(300), 1, 1));
    CountDownLatch running = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try {
      // the first document's work ignores interrupts, as PDFBox does: its worker stays taken
      caller.submit(
          () ->
              verifier.bounded(
                  deadline -> {
                    running.countDown();
                    while (true) {
                      try {
                        if (release.await(10, TimeUnit.SECONDS)) {
                          return null;
                        }
                      } catch (InterruptedException e) {
                        // not listening
                      }
                    }
                  }));
      assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
      assertThatThrownBy(() -> verifier.bounded(deadline -> "queued"))
          .isInstanceOf(VerifierBusyException.class)
          .hasMessageContaining("in time");
    } finally {
      release.countDown();
      caller.shutdownNow();
    }
  }

  @Test
  void timeWaitingForAWorkerIsNotCountedAgainstTheDocument() throws Exception {
    PdfVerifier verifier = verifier(limits(Duration.ofMillis(1500), 1, 1));
    ExecutorService caller = Executors.newSingleThreadExecutor();
    try {
      CountDownLatch running = new CountDownLatch(1);
      Future<Object> first =
          caller.submit(
              () ->
                  verifier.bounded(
                      deadline -> {
                        running.countDown();
                        Thread.sleep(1000);
                        return "first";
                      }));
      assertThat(running.await(10, TimeUnit.SECONDS)).isTrue();
      // waits about 1 s for the worker, then needs 1 s of its own 1.5 s: more than 1.5 s in all
      Object second =
          verifier.bounded(
              deadline -> {
                Thread.sleep(1000);
                return "second";
              });
      assertThat(second).isEqualTo("second");
      assertThat(first.get()).isEqualTo("first");
    } finally {
      caller.shutdownNow();
    }
  }

  @Test
  void aLargeDocumentWhoseCallerGivesUpReturnsNoPermitItDidNotTake(@TempDir Path dir)
      throws Exception {
    System.setProperty("lienthong.signing.largeDocumentBytes", "0"); // every document is large
    try {
      Path pdf = Fixtures.samplePdf(dir, 1);
      PdfVerifier verifier = verifier(limits(Duration.ofSeconds(30), 2, 2));
      // hold the one permit as another large document would, while this one waits for it
      verifier.bounded(
          deadline -> {
            verifier.holdLargePermit();
            return null;
          });
      Thread caller =
          new Thread(
              () -> {
                try {
                  verifier.verify(pdf);
                } catch (RuntimeException e) {
                  // interrupted while waiting: what the test is about
                }
              });
      caller.start();
      Thread.sleep(500);
      caller.interrupt();
      caller.join(10_000);
      Thread.sleep(300); // the worker has given up too
      verifier.releaseLargePermit();
      assertThat(verifier.largePermits()).isEqualTo(1);
      assertThat(verifier.verify(pdf).indication()).isEqualTo(Indication.NO_SIGNATURE);
      assertThat(verifier.largePermits()).isEqualTo(1);
    } finally {
      System.clearProperty("lienthong.signing.largeDocumentBytes");
    }
  }

  @Test
  void aContentStreamThatInflatesBeyondTheBoundIsRefusedBeforePdfBoxDecodesIt(@TempDir Path dir)
      throws IOException {
    // 256 MB of spaces in a 256 KB Flate stream: PDFBox would inflate it whole into memory
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (DeflaterOutputStream deflate = new DeflaterOutputStream(compressed)) {
      byte[] spaces = new byte[1 << 20];
      java.util.Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < 256; i++) {
        deflate.write(spaces);
      }
    }
    Path bomb = dir.resolve("bomb.pdf");
    Files.write(bomb, onePage(compressed.toByteArray(), "/Filter /FlateDecode", ""));
    assertThatThrownBy(() -> verifier(VerificationLimits.defaults()).verify(bomb))
        .isInstanceOf(InvalidDocumentException.class)
        .hasMessageContaining("decodes to more than")
        .extracting(e -> ((InvalidDocumentException) e).reason())
        .isEqualTo(InvalidDocumentException.Reason.TOO_COMPLEX);
  }

  @Test
  void anImageTooLargeToRenderIsRefusedOnlyWhenPagesAreRendered(@TempDir Path dir)
      throws IOException {
    String image =
        "/XObject << /Im1 5 0 R >>"; // 5 0 obj: a 100,000 x 100,000 pixel image of 1 byte
    Path huge = dir.resolve("huge-image.pdf");
    Files.write(huge, onePage("q 100 0 0 100 0 0 cm /Im1 Do Q".getBytes(), "", image));
    PdfVerifier rendering =
        new PdfVerifier(
            Fixtures.services(),
            PdfVerifier.DEFAULT_VISUAL_COMPARISON_PAGES,
            VerificationLimits.defaults());
    assertThatThrownBy(() -> rendering.verify(huge))
        .isInstanceOf(InvalidDocumentException.class)
        .hasMessageContaining("too large to render");
    assertThat(verifier(VerificationLimits.defaults()).verify(huge).indication())
        .isEqualTo(Indication.NO_SIGNATURE);
  }

  @Test
  void onlyTheConfiguredTrustServicesAreFetchedFrom(@TempDir Path dir) {
    Path signed = signed(dir); // B-B: its revocation must be fetched from the certificate's URLs
    DemoPki pki = Fixtures.pki();
    AtomicInteger fetched = new AtomicInteger();
    PkiClient counting =
        new PkiClient() {
          @Override
          public byte[] get(String url) {
            fetched.incrementAndGet();
            return pki.client().get(url);
          }

          @Override
          public byte[] post(String url, String contentType, byte[] body) {
            fetched.incrementAndGet();
            return pki.client().post(url, contentType, body);
          }
        };
    TrustServices nothingConfigured =
        new TrustServices(
            List.of(pki.rootCertificate()), counting, Optional.empty(), dir, List.of());
    Verdict unfetched = new PdfVerifier(nothingConfigured, 0).verify(signed);
    assertThat(fetched.get()).isZero();
    assertThat(unfetched.indication()).isEqualTo(Indication.INDETERMINATE);

    Verdict fetchedFromDemo =
        new PdfVerifier(nothingConfigured.withServiceUrls(List.of(pki.baseUrl() + "/")), 0)
            .verify(signed);
    assertThat(fetched.get()).isPositive();
    assertThat(fetchedFromDemo.indication()).isEqualTo(Indication.TOTAL_PASSED);
  }

  private static Path signed(Path dir) {
    Path input = Fixtures.samplePdf(dir, 1);
    Path output = dir.resolve("signed-" + System.nanoTime() + ".pdf");
    try (Pkcs12KeySource source = Fixtures.demoKey(DemoPki.LEADER);
        BorrowedKey key = source.borrow()) {
      new PadesSigner(Fixtures.services())
          .sign(input, output, SignOptions.of(SignatureLevel.B_B), key);
    }
    return output;
  }

  /**
   * A one-page PDF whose content stream is {@code content} (with extra stream entries) and whose
   * resources hold {@code resources}; object 5 is a huge 1-bit image for the resources to name.
   */
  private static byte[] onePage(byte[] content, String streamEntries, String resources)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    List<Integer> offsets = new ArrayList<>();
    write(out, "%PDF-1.7\n");
    offsets.add(out.size());
    write(out, "1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n");
    offsets.add(out.size());
    write(out, "2 0 obj\n<< /Type /Pages /Kids [3 0 R] /Count 1 >>\nendobj\n");
    offsets.add(out.size());
    write(
        out,
        "3 0 obj\n<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
            + " /Resources << "
            + resources
            + " >> >>\nendobj\n");
    offsets.add(out.size());
    write(out, "4 0 obj\n<< /Length " + content.length + " " + streamEntries + " >>\nstream\n");
    out.write(content);
    write(out, "\nendstream\nendobj\n");
    offsets.add(out.size());
    write(
        out,
        "5 0 obj\n<< /Type /XObject /Subtype /Image /Width 100000 /Height 100000"
            + " /ColorSpace /DeviceGray /BitsPerComponent 1 /Length 1 >>\nstream\n\0\n"
            + "endstream\nendobj\n");
    int xref = out.size();
    write(out, "xref\n0 6\n0000000000 65535 f\r\n");
    for (int offset : offsets) {
      write(out, String.format("%010d 00000 n\r\n", offset));
    }
    write(out, "trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n" + xref + "\n%%EOF\n");
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
  }
}
