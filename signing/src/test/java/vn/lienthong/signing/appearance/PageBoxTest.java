package vn.lienthong.signing.appearance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.signing.InvalidDocumentException;

class PageBoxTest {
  @TempDir Path dir;

  @Test
  void theLastPageAndItsSizePlaceTheLeadersSignatureOnIt() throws Exception {
    Path pdf = dir.resolve("three-pages.pdf");
    try (PDDocument doc = new PDDocument()) {
      doc.addPage(new PDPage(PDRectangle.A4));
      doc.addPage(new PDPage(PDRectangle.A4));
      doc.addPage(new PDPage(PDRectangle.A5));
      doc.save(pdf.toFile());
    }
    PageBox box = PageBox.lastPageOf(pdf);
    assertThat(box.pageCount()).isEqualTo(3);
    assertThat(box.width()).isEqualTo(PDRectangle.A5.getWidth());
    assertThat(box.height()).isEqualTo(PDRectangle.A5.getHeight());
    Placement p = box.leaderPlacement();
    assertThat(p.page()).isEqualTo(3);
    assertThat(p.x() + p.width()).isLessThanOrEqualTo(box.width());
    assertThat(p.y() + p.height()).isLessThanOrEqualTo(box.height());
    // on a narrow page the box moves left to stay on it; on A4 it is in the right half
    assertThat(
            new PageBox(1, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight())
                .leaderPlacement()
                .x())
        .isGreaterThan(PDRectangle.A4.getWidth() / 2);
  }

  @Test
  void aFileThatIsNoPdfIsDamaged() throws Exception {
    Path junk = dir.resolve("junk.pdf");
    Files.writeString(junk, "%PDF-1.7\nnot really\n");
    assertThatThrownBy(() -> PageBox.lastPageOf(junk))
        .isInstanceOf(InvalidDocumentException.class)
        .extracting(e -> ((InvalidDocumentException) e).reason())
        .isEqualTo(InvalidDocumentException.Reason.DAMAGED);
  }
}
