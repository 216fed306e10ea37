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
import vn.lienthong.application.document.PdfText;
import vn.lienthong.signing.PdfBoxFiles;

/**
 * A PDF's text with PDFBox. Page 1 is cut where a gap wider than two characters of the text's size
 * separates words (a stamp's box from the text beside it). Bounded: the pages asked for only, a
 * file-backed cache, and a document PDFBox cannot read, or that exhausts the stack or memory, reads
 * as no text (the document was already accepted as a PDF; this only looks for a stamp or words to
 * index).
 */
@ApplicationScoped
public class PdfBoxText implements PdfText {
  private static final Logger LOG = Logger.getLogger(PdfBoxText.class);

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

  @Override
  public String searchable(Path pdf, int maxPages, int maxChars) {
    try (PDDocument document = PdfBoxFiles.open(pdf)) {
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setStartPage(1);
      stripper.setEndPage(maxPages);
      Bounded out = new Bounded(maxChars);
      stripper.writeText(document, out);
      return out.toString();
    } catch (Bounded.Full full) {
      return full.text;
    } catch (IOException | RuntimeException | StackOverflowError | OutOfMemoryError e) {
      LOG.debugf("no text indexed from %s: %s", pdf.getFileName(), e.toString());
      return "";
    }
  }

  /** A writer that stops the extraction once it holds enough text. */
  private static final class Bounded extends StringWriter {
    private final int max;

    Bounded(int max) {
      this.max = max;
    }

    @Override
    public void write(String str, int off, int len) {
      super.write(str, off, len);
      if (getBuffer().length() >= max) {
        throw new Full(getBuffer().substring(0, max));
      }
    }

    @Override
    public void write(char[] cbuf, int off, int len) {
      write(new String(cbuf, off, len), 0, len);
    }

    @Override
    public void write(String str) {
      write(str, 0, str.length());
    }

    /** Thrown out of PDFBox when the text is long enough, with the text. */
    static final class Full extends RuntimeException {
      private static final long serialVersionUID = 1L;
      final transient String text;

      Full(String text) {
        super(null, null, false, false);
        this.text = text;
      }
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
