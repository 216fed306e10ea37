package vn.lienthong.infrastructure.pdf;

import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import org.jboss.logging.Logger;
import vn.lienthong.application.document.FirstPageText;
import vn.lienthong.signing.PdfBoxFiles;

/**
 * Page 1's text with PDFBox, cut where a gap wider than two characters of the text's size separates
 * words (a stamp's box from the text beside it). Bounded: page 1 only, a file-backed cache, and a
 * document PDFBox cannot read, or that exhausts the stack or memory, reads as no text (the document
 * was already accepted as a PDF; this only looks for a stamp).
 */
@ApplicationScoped
public class PdfBoxFirstPageText implements FirstPageText {
  private static final Logger LOG = Logger.getLogger(PdfBoxFirstPageText.class);

  @Override
  public List<String> segments(Path pdf) {
    try (PDDocument document = PdfBoxFiles.open(pdf)) {
      if (document.getNumberOfPages() == 0) {
        return List.of();
      }
      Segments stripper = new Segments();
      stripper.writeText(document, new StringWriter());
      stripper.cut();
      return stripper.segments;
    } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
      LOG.debugf("no text read from %s: %s", pdf.getFileName(), e.toString());
      return List.of();
    }
  }

  private static final class Segments extends PDFTextStripper {
    final List<String> segments = new ArrayList<>();
    private final StringBuilder current = new StringBuilder();
    private TextPosition last;

    Segments() {
      setSortByPosition(true);
      setStartPage(1);
      setEndPage(1);
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) {
      if (!positions.isEmpty() && last != null) {
        TextPosition first = positions.get(0);
        float gap = first.getXDirAdj() - (last.getXDirAdj() + last.getWidthDirAdj());
        if (gap > 2 * Math.max(4f, first.getFontSizeInPt())
            || Math.abs(first.getYDirAdj() - last.getYDirAdj()) > first.getFontSizeInPt()) {
          cut();
        }
      }
      current.append(text);
      if (!positions.isEmpty()) {
        last = positions.get(positions.size() - 1);
      }
    }

    @Override
    protected void writeWordSeparator() {
      current.append(' ');
    }

    @Override
    protected void writeLineSeparator() {
      cut();
    }

    void cut() {
      String s = current.toString().strip();
      if (!s.isEmpty()) {
        segments.add(s);
      }
      current.setLength(0);
      last = null;
    }
  }
}
