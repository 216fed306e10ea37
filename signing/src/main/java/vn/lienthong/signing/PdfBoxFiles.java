package vn.lienthong.signing;

import java.io.IOException;
import java.nio.file.Path;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Opens a PDF with PDFBox the way this project reads what users upload: from the file, not from
 * memory, with decoded streams cached in temporary files, so a large scan costs disk, not heap.
 */
public final class PdfBoxFiles {
  private PdfBoxFiles() {}

  /** The document; the caller closes it. No password (an encrypted document fails to open). */
  public static PDDocument open(Path pdf) throws IOException {
    return Loader.loadPDF(
        new RandomAccessReadBufferedFile(pdf.toFile()),
        "",
        null,
        null,
        IOUtils.createTempFileOnlyStreamCache());
  }
}
