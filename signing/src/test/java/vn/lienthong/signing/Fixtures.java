package vn.lienthong.signing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import vn.lienthong.signing.appearance.SealImages;
import vn.lienthong.signing.key.Pkcs12KeySource;
import vn.lienthong.signing.pki.DemoPki;
import vn.lienthong.signing.pki.DemoPkiServer;

/** Shared test material: one demo PKI per test run, sample PDFs, key sources. */
public final class Fixtures {

  private static DemoPki pki;

  private Fixtures() {}

  public static Path target() {
    return Path.of(System.getProperty("user.dir"), "target");
  }

  /**
   * The test run's PKI, also served over HTTP on a free local port (its certificates name that
   * port) so that outside verifiers such as pdfsig can reach its OCSP responder and CRLs.
   */
  public static synchronized DemoPki pki() {
    if (pki == null) {
      Path dir = target().resolve("test-pki-" + ProcessHandle.current().pid());
      int port;
      try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
        port = socket.getLocalPort();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      pki = DemoPki.openOrCreate(dir, "http://127.0.0.1:" + port + "/pki");
      DemoPkiServer.start(pki);
    }
    return pki;
  }

  public static TrustServices services() {
    return TrustServices.demo(pki());
  }

  public static Pkcs12KeySource demoKey(String holder) {
    return new Pkcs12KeySource(pki().keyStoreOf(holder), DemoPki.DEMO_PASSWORD.toCharArray(), null);
  }

  /** A Quyết định-like A4 PDF with Vietnamese text in an embedded font. */
  public static Path samplePdf(Path dir, int pages) {
    Path file = dir.resolve("document-" + pages + "p-" + System.nanoTime() + ".pdf");
    try (PDDocument document = new PDDocument()) {
      PDType0Font font =
          PDType0Font.load(
              document, new java.io.ByteArrayInputStream(SealImages.Fonts.sansTrueType()));
      for (int i = 1; i <= pages; i++) {
        PDPage page = new PDPage(PDRectangle.A4);
        document.addPage(page);
        try (PDPageContentStream content = new PDPageContentStream(document, page)) {
          content.beginText();
          content.setFont(font, 13);
          content.newLineAtOffset(72, 760);
          content.showText("ỦY BAN NHÂN DÂN QUẬN THANH KHÊ — Đà Nẵng");
          content.newLineAtOffset(0, -24);
          content.showText("QUYẾT ĐỊNH về việc công nhận kết quả — trang " + i);
          for (int line = 0; line < 30; line++) {
            content.newLineAtOffset(0, -18);
            content.showText("Điều " + line + ". Văn bản điện tử được ký số và gửi liên thông.");
          }
          content.endText();
        }
      }
      document.save(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  /**
   * Gives the document a form with one text field on {@code page}, filled with {@code value}
   * (Helvetica in the form's resources, from which PDFBox draws the field's appearance).
   */
  public static void addTextField(
      PDDocument document, PDPage page, String name, String value, PDRectangle box)
      throws IOException {
    PDAcroForm form = new PDAcroForm(document);
    PDResources resources = new PDResources();
    resources.put(COSName.getPDFName("Helv"), new PDType1Font(Standard14Fonts.FontName.HELVETICA));
    form.setDefaultResources(resources);
    form.setDefaultAppearance("/Helv 10 Tf 0 g");
    document.getDocumentCatalog().setAcroForm(form);
    PDTextField field = new PDTextField(form);
    field.setPartialName(name);
    PDAnnotationWidget widget = field.getWidgets().get(0);
    widget.setRectangle(box);
    widget.setPage(page);
    page.getAnnotations().add(widget);
    form.getFields().add(field);
    field.setValue(value);
  }

  public static Path copy(Path from, Path to) {
    try {
      return Files.copy(from, to);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
