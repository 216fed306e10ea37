package vn.lienthong.signing.pades;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.signing.Fixtures;
import vn.lienthong.signing.PdfSig;
import vn.lienthong.signing.appearance.Appearance;
import vn.lienthong.signing.appearance.Placement;
import vn.lienthong.signing.key.BorrowedKey;
import vn.lienthong.signing.key.Pkcs12KeySource;
import vn.lienthong.signing.pki.DemoPki;
import vn.lienthong.signing.validation.Indication;
import vn.lienthong.signing.validation.PdfVerifier;
import vn.lienthong.signing.validation.SignatureVerdict;
import vn.lienthong.signing.validation.Verdict;

/**
 * The Decree 30 flow on one PDF: the leader signs, then the clerk applies the unit's seal over the
 * left third of the leader's signature. Both signatures stay valid and the page shows both, with
 * Vietnamese text intact.
 */
class TwoSignaturesInSequenceTest {

  @Test
  void leaderThenSealBothValidAndVisibleWithVietnameseText(@TempDir Path dir) throws IOException {
    PadesSigner signer = new PadesSigner(Fixtures.services());
    Path draft = Fixtures.samplePdf(dir, 1);
    Path signedByLeader = dir.resolve("leader.pdf");
    Path issued = Fixtures.target().resolve("leader-and-seal.pdf");
    Appearance.Leader leader =
        new Appearance.Leader(
            "Nguyễn Văn Hùng", "CHỦ TỊCH", null, new Placement(1, 330, 620, 200, 90));
    Appearance.Seal seal = Appearance.Seal.over(leader, "UBND quận Thanh Khê, Đà Nẵng", null);

    try (Pkcs12KeySource source = Fixtures.demoKey(DemoPki.LEADER);
        BorrowedKey key = source.borrow()) {
      signer.sign(
          draft, signedByLeader, SignOptions.of(SignatureLevel.B_T).withAppearance(leader), key);
    }
    try (Pkcs12KeySource source = Fixtures.demoKey(DemoPki.SEAL);
        BorrowedKey key = source.borrow()) {
      signer.sign(
          signedByLeader, issued, SignOptions.of(SignatureLevel.B_LT).withAppearance(seal), key);
    }

    Verdict verdict = new PdfVerifier(Fixtures.services()).verify(issued);
    assertThat(verdict.indication()).isEqualTo(Indication.TOTAL_PASSED);
    assertThat(verdict.signatures())
        .extracting(
            SignatureVerdict::signer,
            SignatureVerdict::indication,
            SignatureVerdict::modifiedAfterSigning)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("Nguyễn Văn Hùng", Indication.TOTAL_PASSED, false),
            org.assertj.core.groups.Tuple.tuple(
                "UBND quận Thanh Khê", Indication.TOTAL_PASSED, false));
    String sealTime = verdict.signatures().get(1).signingTime().toString();

    String pdfsig = PdfSig.check(issued);
    assertThat(pdfsig.split("Signature Validation: Signature is Valid.", -1)).hasSize(3);
    assertThat(pdfsig.split("Certificate Validation: Certificate is Trusted.", -1)).hasSize(3);

    // the seal's box is 36 mm wide: the unit's name wraps there
    String widgetText = signatureWidgetText(issued).replaceAll("\\s+", " ");
    assertThat(widgetText)
        .contains("CHỦ TỊCH")
        .contains("Nguyễn Văn Hùng")
        .contains("UBND quận Thanh Khê, Đà Nẵng")
        .contains("+07:00");
    assertThat(widgetText.replaceAll("\\s+", "")).contains(sealTime.substring(0, 16));

    BufferedImage page = new PDFRenderer(load(issued)).renderImageWithDPI(0, 72);
    Path png = Fixtures.target().resolve("leader-and-seal.png");
    ImageIO.write(page, "png", png.toFile());
    assertThat(Files.size(png)).isPositive();
    // The seal is red and lies over the left third of the leader's box (Annex I).
    Placement sealBox = seal.placement();
    assertThat(
            redPixels(
                page,
                (int) sealBox.x(),
                (int) sealBox.y(),
                (int) sealBox.width(),
                (int) sealBox.height()))
        .isGreaterThan(300);
    assertThat(sealBox.x() + sealBox.width())
        .isCloseTo(330 + 200 / 3f, org.assertj.core.data.Offset.offset(1f));
  }

  @Test
  void attachmentStampIsTextOnlyAtTheTopRightOfPageOne(@TempDir Path dir) throws IOException {
    Path attachment = Fixtures.samplePdf(dir, 2);
    Path stamped = Fixtures.target().resolve("attachment-stamped.pdf");
    try (Pkcs12KeySource source = Fixtures.demoKey(DemoPki.SEAL);
        BorrowedKey key = source.borrow()) {
      new PadesSigner(Fixtures.services())
          .sign(
              attachment,
              stamped,
              SignOptions.of(SignatureLevel.B_T)
                  .withAppearance(new Appearance.Attachment("Số: 12/QĐ-UBND")),
              key);
    }
    assertThat(signatureWidgetText(stamped)).contains("Số: 12/QĐ-UBND").contains("+07:00");
    try (PDDocument document = load(stamped)) {
      PDAnnotation widget = document.getPage(0).getAnnotations().get(0);
      var page = document.getPage(0).getMediaBox();
      assertThat(widget.getRectangle().getUpperRightX()).isGreaterThan(page.getWidth() - 40);
      assertThat(widget.getRectangle().getUpperRightY()).isGreaterThan(page.getHeight() - 40);
      BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 72);
      ImageIO.write(image, "png", Fixtures.target().resolve("attachment-stamped.png").toFile());
    }
    assertThat(new PdfVerifier(Fixtures.services()).verify(stamped).indication())
        .isEqualTo(Indication.TOTAL_PASSED);
  }

  /**
   * Signature appearances live in widget annotations, which text extraction of the page skips: we
   * draw each widget's appearance onto a scratch page of the loaded (unsaved) document and extract
   * the text there, the way a reader renders it.
   */
  static String signatureWidgetText(Path pdf) throws IOException {
    try (PDDocument document = load(pdf)) {
      List<PDAppearanceStream> appearances = new ArrayList<>();
      for (PDPage page : document.getPages()) {
        for (PDAnnotation annotation : page.getAnnotations()) {
          if (annotation.getNormalAppearanceStream() != null) {
            appearances.add(annotation.getNormalAppearanceStream());
          }
        }
      }
      StringBuilder text = new StringBuilder();
      for (PDAppearanceStream appearance : appearances) {
        PDPage scratch = new PDPage();
        document.addPage(scratch);
        try (PDPageContentStream content = new PDPageContentStream(document, scratch)) {
          content.drawForm(appearance);
        }
        PDFTextStripper stripper = new PDFTextStripper();
        int index = document.getNumberOfPages();
        stripper.setStartPage(index);
        stripper.setEndPage(index);
        text.append(stripper.getText(document)).append('\n');
      }
      return text.toString();
    }
  }

  private static PDDocument load(Path pdf) throws IOException {
    return Loader.loadPDF(pdf.toFile());
  }

  private static int redPixels(BufferedImage image, int x, int y, int w, int h) {
    int count = 0;
    for (int i = Math.max(0, x); i < Math.min(image.getWidth(), x + w); i++) {
      for (int j = Math.max(0, y); j < Math.min(image.getHeight(), y + h); j++) {
        int rgb = image.getRGB(i, j);
        int r = (rgb >> 16) & 0xff;
        int g = (rgb >> 8) & 0xff;
        int b = rgb & 0xff;
        if (r > 150 && g < 90 && b < 90) {
          count++;
        }
      }
    }
    return count;
  }
}
