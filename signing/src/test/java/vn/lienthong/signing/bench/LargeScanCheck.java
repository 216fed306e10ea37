package vn.lienthong.signing.bench;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import vn.lienthong.signing.TrustServices;
import vn.lienthong.signing.key.BorrowedKey;
import vn.lienthong.signing.key.Pkcs12KeySource;
import vn.lienthong.signing.pades.PadesSigner;
import vn.lienthong.signing.pades.SignOptions;
import vn.lienthong.signing.pades.SignatureLevel;
import vn.lienthong.signing.pki.DemoPki;
import vn.lienthong.signing.validation.Indication;
import vn.lienthong.signing.validation.PdfVerifier;
import vn.lienthong.signing.validation.Verdict;

/**
 * The memory check, opt-in: a ~200 MB scanned PDF (230 pages of ~0.9 MB incompressible images) is
 * signed at B-T and verified in a JVM started with -Xmx512m ({@code mvn -Pmemory -DskipTests
 * verify}). Exits non-zero when anything fails; an OutOfMemoryError fails it too.
 */
public final class LargeScanCheck {

  private LargeScanCheck() {}

  public static void main(String[] args) throws IOException {
    Path dir = Files.createDirectories(Path.of(args.length > 0 ? args[0] : "target/large-scan"));
    int pages = args.length > 1 ? Integer.parseInt(args[1]) : 230;
    long maxHeap = Runtime.getRuntime().maxMemory();
    System.out.printf("max heap %d MB%n", maxHeap >> 20);
    Path scan = dir.resolve("scan.pdf");
    long t0 = System.nanoTime();
    if (!Files.exists(scan)) {
      writeScan(scan, pages);
    }
    System.out.printf(
        "scan: %d MB, %d pages, made in %.1f s%n", Files.size(scan) >> 20, pages, secs(t0));

    // Count only signing and verification in the peak below, not the making of the scan.
    System.gc();
    ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    DemoPki pki = DemoPki.openOrCreate(dir.resolve("pki"));
    TrustServices services = TrustServices.demo(pki).withTempDirectory(dir);
    Path signed = dir.resolve("scan-signed.pdf");
    long t1 = System.nanoTime();
    try (Pkcs12KeySource source =
            new Pkcs12KeySource(
                pki.keyStoreOf(DemoPki.SEAL), DemoPki.DEMO_PASSWORD.toCharArray(), null);
        BorrowedKey key = source.borrow()) {
      new PadesSigner(services).sign(scan, signed, SignOptions.of(SignatureLevel.B_T), key);
    }
    System.out.printf("signed B-T in %.1f s, %d MB%n", secs(t1), Files.size(signed) >> 20);
    long t2 = System.nanoTime();
    Verdict verdict = new PdfVerifier(services).verify(signed);
    System.out.printf(
        "verified in %.1f s: %s %s%n", secs(t2), verdict.indication(), verdict.signatures());
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.out.printf(
        "heap: sum of per-pool peaks %d MB (an upper bound), max %d MB%n",
        peak >> 20, maxHeap >> 20);
    if (verdict.indication() != Indication.TOTAL_PASSED) {
      System.out.println("MEMORY CHECK FAILED: verdict " + verdict.indication());
      System.exit(1);
    }
    System.out.println("MEMORY CHECK PASSED");
  }

  /**
   * Written page by page through PDFBox's temp-file stream cache, so the writer stays small too.
   */
  private static void writeScan(Path file, int pages) throws IOException {
    Random random = new Random(42);
    try (PDDocument document = new PDDocument(IOUtils.createTempFileOnlyStreamCache())) {
      BufferedImage image = new BufferedImage(1000, 1000, BufferedImage.TYPE_BYTE_GRAY);
      byte[] pixels = ((DataBufferByte) image.getRaster().getDataBuffer()).getData();
      for (int i = 0; i < pages; i++) {
        random.nextBytes(pixels);
        PDImageXObject xobject = LosslessFactory.createFromImage(document, image);
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          content.drawImage(xobject, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
        }
      }
      document.save(file.toFile());
    }
  }

  private static double secs(long start) {
    return (System.nanoTime() - start) / 1e9;
  }
}
