package vn.lienthong.signing.appearance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import vn.lienthong.signing.InvalidDocumentException;
import vn.lienthong.signing.PdfBoxFiles;
import vn.lienthong.signing.internal.pdf.PdfReader;
import vn.lienthong.signing.internal.pdf.PdfValues;
import vn.lienthong.signing.internal.pdf.UnsupportedPdfException;

/**
 * The last page of a document and its size, for placing the leader's signature where Decree
 * 30/2020/NĐ-CP Annex I puts it: at the end of the document, under the signer's position, on the
 * right. Read with the bounded incremental reader; documents it does not take go through PDFBox
 * with a file-backed cache.
 */
public record PageBox(int pageCount, float width, float height) {

  /** Box of the leader's signature: 200 x 90 points, right half, about a third from the bottom. */
  public Placement leaderPlacement() {
    float w = 200f;
    float h = 90f;
    float x = Math.max(0f, Math.min(width - w - 36f, width * 0.55f));
    float y = Math.max(0f, height - 290f);
    return new Placement(pageCount, x, y, w, h);
  }

  public static PageBox lastPageOf(Path pdf) {
    try (PdfReader reader = PdfReader.open(pdf)) {
      List<PdfReader.Page> pages = reader.pages();
      if (pages.isEmpty()) {
        throw new InvalidDocumentException(
            InvalidDocumentException.Reason.DAMAGED, "The document has no page");
      }
      Object box = reader.resolve(reader.inherited(pages.get(pages.size() - 1).dict(), "MediaBox"));
      float[] r = rectangle(reader, box);
      return new PageBox(pages.size(), Math.abs(r[2] - r[0]), Math.abs(r[3] - r[1]));
    } catch (UnsupportedPdfException | RuntimeException e) {
      if (e instanceof InvalidDocumentException ide) {
        throw ide;
      }
      return withPdfBox(pdf);
    }
  }

  private static float[] rectangle(PdfReader reader, Object box) throws UnsupportedPdfException {
    if (!(box instanceof List<?> values) || values.size() != 4) {
      PDRectangle a4 = PDRectangle.A4;
      return new float[] {0, 0, a4.getWidth(), a4.getHeight()};
    }
    float[] r = new float[4];
    for (int i = 0; i < 4; i++) {
      if (!(reader.resolve(values.get(i)) instanceof PdfValues.Num n)) {
        throw new UnsupportedPdfException("MediaBox holds a value that is not a number");
      }
      r[i] = Float.parseFloat(n.text());
    }
    return r;
  }

  private static PageBox withPdfBox(Path pdf) {
    try (PDDocument doc = PdfBoxFiles.open(pdf)) {
      int count = doc.getNumberOfPages();
      if (count == 0) {
        throw new InvalidDocumentException(
            InvalidDocumentException.Reason.DAMAGED, "The document has no page");
      }
      PDPage last = doc.getPage(count - 1);
      PDRectangle box = last.getMediaBox();
      return new PageBox(count, box.getWidth(), box.getHeight());
    } catch (IOException e) {
      throw new InvalidDocumentException(
          InvalidDocumentException.Reason.DAMAGED, "The document cannot be read", e);
    }
  }
}
