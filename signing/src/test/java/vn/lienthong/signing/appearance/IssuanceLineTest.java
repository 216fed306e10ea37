package vn.lienthong.signing.appearance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.signing.Fixtures;
import vn.lienthong.signing.PdfSig;
import vn.lienthong.signing.appearance.Appearance.Align;
import vn.lienthong.signing.appearance.Appearance.Mark;
import vn.lienthong.signing.key.BorrowedKey;
import vn.lienthong.signing.key.Pkcs12KeySource;
import vn.lienthong.signing.pades.PadesSigner;
import vn.lienthong.signing.pades.SignOptions;
import vn.lienthong.signing.pades.SignatureLevel;
import vn.lienthong.signing.pki.DemoPki;
import vn.lienthong.signing.validation.Indication;
import vn.lienthong.signing.validation.PdfVerifier;
import vn.lienthong.signing.validation.SignatureVerdict;
import vn.lienthong.signing.validation.Verdict;

/**
 * The number and date of issue written where Decree 30 Annex I puts them (ô 3 and ô 4 of page 1),
 * in the blanks the draft left, by a signature of the unit's seal that leaves the leader's intact.
 */
class IssuanceLineTest {

  private static final LocalDate ISSUED = LocalDate.of(2026, 12, 2);

  /** Baseline of the ô 3 / ô 4 line in the header drawn below, from the page's top. */
  private static final float LINE = 842 - 740;

  @Test
  void theNumberGoesAgainstTheSlashAndTheDayAndMonthInTheirBlanks(@TempDir Path dir) {
    Path draft =
        decree30Draft(dir, "Số:", "/QĐ-UBND", "Thạc Gián, ngày       tháng       năm 2026");

    Appearance.NumberAndDate line = IssuanceLine.find(draft, "05/QĐ-UBND", ISSUED);

    assertThat(line.band().page()).isEqualTo(1);
    assertThat(line.marks()).extracting(Mark::text).containsExactly("05", "02", "12");
    Mark number = line.marks().get(0);
    assertThat(number.align()).isEqualTo(Align.RIGHT);
    // "/QĐ-UBND" starts at x = 150 in the drawing below
    assertThat(number.x()).isCloseTo(150f, within(1f));
    assertThat(line.band().y() + number.baseline()).isCloseTo(LINE, within(0.5f));
    Mark day = line.marks().get(1);
    Mark month = line.marks().get(2);
    assertThat(day.align()).isEqualTo(Align.CENTER);
    assertThat(day.x()).isGreaterThan(380f).isLessThan(month.x());
    assertThat(line.band().y()).isLessThan(LINE).isGreaterThan(LINE - 25);
  }

  @Test
  void aBlankNumberWithoutNotationGetsTheWholeNotationAndABlankYearTheYear(@TempDir Path dir) {
    Path draft = decree30Draft(dir, "Số:", "", "Thạc Gián, ngày ... tháng ... năm ...");

    Appearance.NumberAndDate line = IssuanceLine.find(draft, "12/UBND-VP", ISSUED);

    assertThat(line.marks())
        .extracting(Mark::text)
        .containsExactly("12/UBND-VP", "02", "12", "2026");
    assertThat(line.marks().get(0).align()).isEqualTo(Align.LEFT);
  }

  @Test
  void aPageWithoutTheHeaderGetsTheLineInItsTopMargin(@TempDir Path dir) {
    Path plain = Fixtures.samplePdf(dir, 1);

    Appearance.NumberAndDate line = IssuanceLine.find(plain, "05/QĐ-UBND", ISSUED);

    assertThat(line.marks())
        .extracting(Mark::text)
        .containsExactly("Số: 05/QĐ-UBND", "Ngày 02 tháng 12 năm 2026");
    // inside Annex I's 20 mm top margin, clear of the sample's first line (baseline 82 pt)
    assertThat(line.band().y() + line.band().height()).isLessThan(56.7f);
  }

  @Test
  void datesAreWrittenAsAnnexOneWritesThem() {
    assertThat(IssuanceLine.day(LocalDate.of(2026, 2, 5))).isEqualTo("05");
    assertThat(IssuanceLine.month(LocalDate.of(2026, 2, 5))).isEqualTo("02");
    assertThat(IssuanceLine.month(LocalDate.of(2026, 1, 5))).isEqualTo("01");
    assertThat(IssuanceLine.month(LocalDate.of(2026, 3, 15))).isEqualTo("3");
    assertThat(IssuanceLine.day(LocalDate.of(2026, 3, 15))).isEqualTo("15");
    assertThat(IssuanceLine.fold("SỐ:")).isEqualTo("so:");
    assertThat(IssuanceLine.fold("Đ\u0300")).isEqualTo("d");
  }

  @Test
  void leaderThenNumberThenSealAllValidAndThePageReadsTheNumberAndDate(@TempDir Path dir)
      throws IOException {
    Path draft =
        decree30Draft(dir, "Số:", "/QĐ-UBND", "Thạc Gián, ngày       tháng       năm 2026");
    Path signed = dir.resolve("leader.pdf");
    Path numbered = dir.resolve("numbered.pdf");
    Path issued = Fixtures.target().resolve("issued-with-number-and-date.pdf");
    PadesSigner signer = new PadesSigner(Fixtures.services());
    Appearance.Leader leader =
        new Appearance.Leader(
            "Nguyễn Văn Hùng", "CHỦ TỊCH", null, new Placement(1, 330, 560, 200, 90));
    try (Pkcs12KeySource source = Fixtures.demoKey(DemoPki.LEADER);
        BorrowedKey key = source.borrow()) {
      signer.sign(draft, signed, SignOptions.of(SignatureLevel.B_T).withAppearance(leader), key);
    }
    Appearance.NumberAndDate line = IssuanceLine.find(signed, "05/QĐ-UBND", ISSUED);
    try (Pkcs12KeySource source = Fixtures.demoKey(DemoPki.SEAL);
        BorrowedKey key = source.borrow()) {
      signer.sign(signed, numbered, SignOptions.of(SignatureLevel.B_T).withAppearance(line), key);
      signer.sign(
          numbered,
          issued,
          SignOptions.of(SignatureLevel.B_LT)
              .withAppearance(Appearance.Seal.over(leader, "UBND phường Thạc Gián", null)),
          key);
    }

    Verdict verdict = new PdfVerifier(Fixtures.services()).verify(issued);
    assertThat(verdict.indication()).isEqualTo(Indication.TOTAL_PASSED);
    assertThat(verdict.signatures()).hasSize(3);
    for (SignatureVerdict s : verdict.signatures()) {
      assertThat(s.indication()).as(s.signer()).isEqualTo(Indication.TOTAL_PASSED);
      assertThat(s.changesAfterSigning()).as(s.signer()).isEmpty();
    }
    assertThat(PdfSig.check(issued).split("Signature Validation: Signature is Valid.", -1))
        .hasSize(4);

    // text extraction spaces the pieces as it likes: compare without spaces
    String page = pageAsShown(issued).replaceAll("\\s+", "");
    assertThat(page).contains("Số:05/QĐ-UBND").contains("ThạcGián,ngày02tháng12năm2026");
  }

  @Test
  void aPageTheIncrementalWriterDoesNotTakeGetsTheSameLineThroughDss(@TempDir Path dir)
      throws IOException {
    // a rotated page goes the general way (DSS draws the line as an image)
    Path rotated = decree30Draft(dir, "Số:", "/QĐ-UBND", "Thạc Gián, ngày    tháng    năm 2026");
    try (PDDocument document = Loader.loadPDF(rotated.toFile())) {
      document.getPage(0).setRotation(90);
      document.save(rotated.toFile());
    }
    Path numbered = dir.resolve("numbered-rotated.pdf");
    Appearance.NumberAndDate line = IssuanceLine.find(rotated, "05/QĐ-UBND", ISSUED);
    assertThat(line.marks()).extracting(Mark::text).contains("Số: 05/QĐ-UBND");
    try (Pkcs12KeySource source = Fixtures.demoKey(DemoPki.SEAL);
        BorrowedKey key = source.borrow()) {
      new PadesSigner(Fixtures.services())
          .sign(rotated, numbered, SignOptions.of(SignatureLevel.B_T).withAppearance(line), key);
    }
    assertThat(new PdfVerifier(Fixtures.services()).verify(numbered).indication())
        .isEqualTo(Indication.TOTAL_PASSED);
    try (PDDocument document = Loader.loadPDF(numbered.toFile())) {
      PDAnnotation widget = document.getPage(0).getAnnotations().get(0);
      assertThat(widget.getNormalAppearanceStream()).isNotNull();
    }
  }

  /**
   * Page 1 as a reader shows it: each widget's appearance drawn onto the page where its rectangle
   * is (what flattening does), then the page's text in reading order.
   */
  private static String pageAsShown(Path pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      PDPage page = document.getPage(0);
      try (PDPageContentStream content =
          new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true)) {
        for (PDAnnotation annotation : page.getAnnotations()) {
          if (annotation.getNormalAppearanceStream() == null) {
            continue;
          }
          PDRectangle r = annotation.getRectangle();
          content.saveGraphicsState();
          content.transform(
              org.apache.pdfbox.util.Matrix.getTranslateInstance(
                  r.getLowerLeftX(), r.getLowerLeftY()));
          content.drawForm(annotation.getNormalAppearanceStream());
          content.restoreGraphicsState();
        }
      }
      page.setAnnotations(List.of());
      PDFTextStripper stripper = new PDFTextStripper();
      stripper.setSortByPosition(true);
      stripper.setStartPage(1);
      stripper.setEndPage(1);
      return stripper.getText(document);
    }
  }

  /**
   * An A4 page laid out by Annex I: the organ's name and the motto, then on one line (baseline 740)
   * the number, left blank, and the place and date; a body that quotes another decree's number and
   * date, which must not be taken for the blanks.
   */
  static Path decree30Draft(Path dir, String so, String notation, String placeAndDate) {
    Path file = dir.resolve("decree30-" + System.nanoTime() + ".pdf");
    try (PDDocument document = new PDDocument()) {
      PDType0Font font =
          PDType0Font.load(document, new ByteArrayInputStream(SealImages.Fonts.serifTrueType()));
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        text(content, font, 13, 100, 790, "ỦY BAN NHÂN DÂN");
        text(content, font, 13, 95, 774, "PHƯỜNG THẠC GIÁN");
        text(content, font, 12, 300, 790, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        text(content, font, 13, 340, 774, "Độc lập - Tự do - Hạnh phúc");
        text(content, font, 13, 100, 740, so);
        if (!notation.isEmpty()) {
          text(content, font, 13, 150, 740, notation);
        }
        text(content, font, 13, 300, 740, placeAndDate);
        text(content, font, 14, 250, 690, "QUYẾT ĐỊNH");
        text(
            content,
            font,
            13,
            85,
            650,
            "Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05 tháng 3 năm 2020 của Chính phủ;");
        text(content, font, 13, 85, 630, "Số: hồ sơ lưu tại văn thư.");
      }
      document.save(file.toFile());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return file;
  }

  private static void text(
      PDPageContentStream content, PDType0Font font, float size, float x, float y, String text)
      throws IOException {
    content.beginText();
    content.setFont(font, size);
    content.newLineAtOffset(x, y);
    content.showText(text);
    content.endText();
  }
}
