package vn.lienthong.infrastructure.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.domain.document.Classification;
import vn.lienthong.domain.document.ClassificationStamp;
import vn.lienthong.signing.appearance.SealImages;

class PdfBoxTextTest {

  @Test
  void aStampBoxBesideTheDateLineIsAPieceOfItsOwn(@TempDir Path dir) throws IOException {
    Path pdf =
        page(
            dir,
            new Object[] {100f, 740f, "Số: 05/QĐ-UBND"},
            new Object[] {330f, 740f, "Thạc Gián, ngày 02 tháng 12 năm 2026"},
            // the stamp, under the number, on the same line as other text further right
            new Object[] {110f, 715f, "MẬT"},
            new Object[] {330f, 715f, "Kính gửi: Phòng Nội vụ"});

    List<String> segments = new PdfBoxText().segments(pdf);

    assertThat(segments).contains("MẬT", "Số: 05/QĐ-UBND");
    assertThat(ClassificationStamp.find(segments)).contains(Classification.CONFIDENTIAL);
  }

  @Test
  void ordinaryTextWithTheWordIsNoStamp(@TempDir Path dir) throws IOException {
    Path pdf =
        page(
            dir,
            new Object[] {85f, 700f, "Về việc đổi mật khẩu và báo cáo mật độ dân cư"},
            new Object[] {85f, 680f, "QUY CHẾ BẢO VỆ BÍ MẬT NHÀ NƯỚC"});
    assertThat(ClassificationStamp.find(new PdfBoxText().segments(pdf))).isEmpty();
  }

  @Test
  void whatIsNotAReadablePdfHasNoText(@TempDir Path dir) throws IOException {
    Path junk = Files.write(dir.resolve("junk.pdf"), "%PDF-1.7 not really".getBytes());
    assertThat(new PdfBoxText().segments(junk)).isEmpty();
  }

  /** One A4 page with each {x, y, text} drawn in DejaVu Serif 13. */
  static Path page(Path dir, Object[]... texts) throws IOException {
    Path file = dir.resolve("page-" + System.nanoTime() + ".pdf");
    try (PDDocument document = new PDDocument()) {
      PDType0Font font =
          PDType0Font.load(document, new ByteArrayInputStream(SealImages.Fonts.serifTrueType()));
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        for (Object[] t : texts) {
          content.beginText();
          content.setFont(font, 13);
          content.newLineAtOffset((Float) t[0], (Float) t[1]);
          content.showText((String) t[2]);
          content.endText();
        }
      }
      document.save(file.toFile());
    }
    return file;
  }
}
