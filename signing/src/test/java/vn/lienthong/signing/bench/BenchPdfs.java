package vn.lienthong.signing.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Scan-like PDFs for the benchmark: every page carries a small noisy grey image (incompressible,
 * like a scan) and a line of text, so size grows with page count as with real scans.
 */
final class BenchPdfs {

  private BenchPdfs() {}

  /** About 10 KB per page: 10 pages is ~100 KB, 1000 pages ~10 MB. */
  static Path scan(Path file, int pages) {
    Random random = new Random(pages);
    try (PDDocument document = new PDDocument()) {
      PDType1Font font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      for (int i = 1; i <= pages; i++) {
        java.awt.image.BufferedImage image =
            new java.awt.image.BufferedImage(100, 100, java.awt.image.BufferedImage.TYPE_BYTE_GRAY);
        byte[] pixels =
            ((java.awt.image.DataBufferByte) image.getRaster().getDataBuffer()).getData();
        random.nextBytes(pixels);
        PDImageXObject xobject = LosslessFactory.createFromImage(document, image);
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          content.drawImage(xobject, 72, 500, 300, 300);
          content.beginText();
          content.setFont(font, 12);
          content.newLineAtOffset(72, 460);
          content.showText("Scanned page " + i + " of " + pages);
          content.endText();
        }
      }
      document.save(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }
}
