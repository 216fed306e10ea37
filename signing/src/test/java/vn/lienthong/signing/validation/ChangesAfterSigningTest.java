package vn.lienthong.signing.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.action.PDActionJavaScript;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationFreeText;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationRubberStamp;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.pdmodel.interactive.form.PDTextField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.signing.Fixtures;
import vn.lienthong.signing.PdfSig;
import vn.lienthong.signing.appearance.Appearance;
import vn.lienthong.signing.appearance.Placement;
import vn.lienthong.signing.key.BorrowedKey;
import vn.lienthong.signing.key.Pkcs12KeySource;
import vn.lienthong.signing.pades.PadesSigner;
import vn.lienthong.signing.pades.SignOptions;
import vn.lienthong.signing.pades.SignatureLevel;
import vn.lienthong.signing.pki.DemoPki;

/**
 * The Decree 30 document, signed by the leader and then sealed by the unit (each at B-LT, each in
 * its own revision), changed afterwards in each way an attacker or a careless tool would: every
 * change is caught and listed on both signatures, with the verdict PAdES allows. DSS's rendered
 * comparison is off here, so what is asserted is our own comparison of revisions; pdfsig, which
 * checks only the bytes a signature covers, still calls every signature cryptographically valid.
 */
class ChangesAfterSigningTest {

  @TempDir static Path shared;

  static PdfVerifier verifier;
  static Path issued;
  static Path issuedWithForm;

  @BeforeAll
  static void issueTheDocument() throws IOException {
    verifier = new PdfVerifier(Fixtures.services(), 0);
    issued = leaderThenSeal(Fixtures.samplePdf(shared, 2), "issued");
    Path form = shared.resolve("form.pdf");
    try (PDDocument document = Loader.loadPDF(Fixtures.samplePdf(shared, 1).toFile())) {
      Fixtures.addTextField(
          document, document.getPage(0), "soTien", "1000000", new PDRectangle(72, 120, 200, 20));
      document.save(form.toFile(), CompressParameters.NO_COMPRESSION);
    }
    issuedWithForm = leaderThenSeal(form, "issued-form");
  }

  private static Path leaderThenSeal(Path draft, String name) {
    PadesSigner signer = new PadesSigner(Fixtures.services());
    Appearance.Leader leader =
        new Appearance.Leader(
            "Nguyễn Văn Hùng", "CHỦ TỊCH", null, new Placement(1, 330, 620, 200, 90));
    Path signed = shared.resolve(name + "-leader.pdf");
    Path sealed = shared.resolve(name + ".pdf");
    try (Pkcs12KeySource source = Fixtures.demoKey(DemoPki.LEADER);
        BorrowedKey key = source.borrow()) {
      signer.sign(draft, signed, SignOptions.of(SignatureLevel.B_LT).withAppearance(leader), key);
    }
    try (Pkcs12KeySource source = Fixtures.demoKey(DemoPki.SEAL);
        BorrowedKey key = source.borrow()) {
      signer.sign(
          signed,
          sealed,
          SignOptions.of(SignatureLevel.B_LT)
              .withAppearance(Appearance.Seal.over(leader, "UBND quận Thanh Khê", null)),
          key);
    }
    return sealed;
  }

  @Test
  void leaderAndSealEachInTheirOwnRevisionBothPass() {
    Verdict verdict = verifier.verify(issued);
    assertThat(verdict.indication()).isEqualTo(Indication.TOTAL_PASSED);
    assertThat(verdict.signatures()).hasSize(2);
    assertThat(verdict.signatures()).allSatisfy(s -> assertThat(s.changesAfterSigning()).isEmpty());
    // the leader's validation data, the seal and the seal's validation data follow the leader
    String pdfsig = PdfSig.check(issued);
    assertThat(pdfsig.split("Signature Validation: Signature is Valid.", -1)).hasSize(3);
  }

  @Test
  void aFreeTextAnnotationPaintedOverTheAmountFailsBothSignatures(@TempDir Path dir)
      throws IOException {
    Path changed =
        edit(
            issued,
            dir,
            document -> {
              PDAnnotationFreeText note = new PDAnnotationFreeText();
              note.setRectangle(new PDRectangle(72, 400, 300, 30));
              note.setContents("So tien: 99.000.000 dong");
              note.setDefaultAppearance("/Helv 14 Tf 1 0 0 rg");
              note.constructAppearances(document);
              addAnnotation(document, 0, note.getCOSObject());
            });
    assertBoth(changed, Indication.TOTAL_FAILED, "annotation added on page 1 (FreeText)");
  }

  @Test
  void aStampAnnotationFailsBothSignatures(@TempDir Path dir) throws IOException {
    Path changed =
        edit(
            issued,
            dir,
            document -> {
              PDAnnotationRubberStamp stamp = new PDAnnotationRubberStamp();
              stamp.setRectangle(new PDRectangle(300, 300, 150, 60));
              stamp.setName(PDAnnotationRubberStamp.NAME_APPROVED);
              addAnnotation(document, 1, stamp.getCOSObject());
            });
    assertBoth(changed, Indication.TOTAL_FAILED, "annotation added on page 2 (Stamp)");
  }

  @Test
  void changedDocumentInformationIsAtBestIndeterminate(@TempDir Path dir) throws IOException {
    Path changed =
        edit(
            issued,
            dir,
            document -> {
              document.getDocumentInformation().setTitle("Quyết định đã sửa");
              document.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
            });
    assertBoth(changed, Indication.INDETERMINATE, "document information changed");
  }

  @Test
  void changedPageContentFailsBothSignatures(@TempDir Path dir) throws IOException {
    Path changed =
        edit(
            issued,
            dir,
            document -> {
              PDPage page = document.getPage(0);
              try (PDPageContentStream content =
                  new PDPageContentStream(
                      document, page, PDPageContentStream.AppendMode.APPEND, false)) {
                content.beginText();
                content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 28);
                content.newLineAtOffset(80, 400);
                content.showText("PAID 10,000,000 VND");
                content.endText();
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
              page.getCOSObject().setNeedToBeUpdated(true);
            });
    assertBoth(changed, Indication.TOTAL_FAILED, "page content changed on page 1");
  }

  @Test
  void aPageAddedOrRemovedFailsBothSignatures(@TempDir Path dir) throws IOException {
    Path added =
        edit(
            issued,
            dir,
            document -> {
              document.addPage(new PDPage(PDRectangle.A4));
              document.getPages().getCOSObject().setNeedToBeUpdated(true);
            });
    assertBoth(added, Indication.TOTAL_FAILED, "page added on page 3");

    Path removed =
        edit(
            issued,
            dir,
            document -> {
              document.removePage(1);
              document.getPages().getCOSObject().setNeedToBeUpdated(true);
            });
    assertBoth(removed, Indication.TOTAL_FAILED, "page removed on page 2");
  }

  @Test
  void aReplacedFontFailsBothSignatures(@TempDir Path dir) throws IOException {
    Path changed =
        edit(
            issued,
            dir,
            document -> {
              PDPage page = document.getPage(0);
              PDResources resources = page.getResources();
              COSName font = resources.getFontNames().iterator().next();
              resources.put(font, new PDType1Font(Standard14Fonts.FontName.COURIER));
              resources.getCOSObject().setNeedToBeUpdated(true);
              page.getCOSObject().setNeedToBeUpdated(true);
            });
    assertBoth(changed, Indication.TOTAL_FAILED, "page fonts or images changed on page 1");
  }

  @Test
  void javaScriptAddedToTheCatalogFailsBothSignatures(@TempDir Path dir) throws IOException {
    Path changed =
        edit(
            issued,
            dir,
            document -> {
              document
                  .getDocumentCatalog()
                  .setOpenAction(new PDActionJavaScript("this.getField('x').value = 1;"));
              document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
            });
    assertBoth(
        changed, Indication.TOTAL_FAILED, "JavaScript or an action added or changed (OpenAction)");
  }

  @Test
  void aFormFieldValueChangedWithoutItsAppearanceIsAtBestIndeterminate(@TempDir Path dir)
      throws IOException {
    assertThat(verifier.verify(issuedWithForm).indication()).isEqualTo(Indication.TOTAL_PASSED);
    Path changed =
        edit(
            issuedWithForm,
            dir,
            document -> {
              PDField amount = document.getDocumentCatalog().getAcroForm().getField("soTien");
              amount.getCOSObject().setString(COSName.V, "99000000");
              amount.getCOSObject().setNeedToBeUpdated(true);
            });
    assertBoth(changed, Indication.INDETERMINATE, "form field value changed (soTien)");
  }

  @Test
  void aFormFieldRefilledWithANewAppearanceFailsBothSignatures(@TempDir Path dir)
      throws IOException {
    Path changed =
        edit(
            issuedWithForm,
            dir,
            document -> {
              PDTextField amount =
                  (PDTextField) document.getDocumentCatalog().getAcroForm().getField("soTien");
              try {
                amount.setValue("99000000");
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
              amount.getCOSObject().setNeedToBeUpdated(true);
              amount.getWidgets().get(0).getCOSObject().setNeedToBeUpdated(true);
            });
    assertBoth(changed, Indication.TOTAL_FAILED, "annotation changed on page 1 (Widget)");
    assertThat(descriptions(verifier.verify(changed).signatures().get(0)))
        .contains("form field value changed (soTien)");
  }

  @Test
  void anEmptySignatureFieldAddedLaterIsAChangeToo(@TempDir Path dir) throws IOException {
    Path changed =
        edit(
            issued,
            dir,
            document -> {
              PDAcroForm form = document.getDocumentCatalog().getAcroForm();
              PDSignatureField field = new PDSignatureField(form);
              field.setPartialName("chuKyTrong");
              PDAnnotationWidget widget = field.getWidgets().get(0);
              widget.setRectangle(new PDRectangle(0, 0, 0, 0));
              widget.setPage(document.getPage(0));
              form.getFields().add(field);
              form.getCOSObject().setNeedToBeUpdated(true);
              addAnnotation(document, 0, widget.getCOSObject());
            });
    assertBoth(
        changed, Indication.INDETERMINATE, "empty signature field added on page 1 (chuKyTrong)");
  }

  @Test
  void aDocumentTimestampLaterKeepsBothSignaturesPassed(@TempDir Path dir) {
    Path archived = dir.resolve("archived.pdf");
    new PadesSigner(Fixtures.services()).extend(issued, archived, SignatureLevel.B_LTA);
    Verdict verdict = verifier.verify(archived);
    assertThat(verdict.indication()).isEqualTo(Indication.TOTAL_PASSED);
    assertThat(verdict.signatures()).allSatisfy(s -> assertThat(s.changesAfterSigning()).isEmpty());
  }

  @Test
  void anObjectRedefinedWithOtherBytesIsCaughtThoughNoReferenceChanged(@TempDir Path dir)
      throws Exception {
    // the page's content stream keeps its number; a later update redefines that number
    int contents;
    try (PDDocument document = Loader.loadPDF(issued.toFile())) {
      COSObject object = (COSObject) document.getPage(0).getCOSObject().getItem(COSName.CONTENTS);
      contents = (int) object.getKey().getNumber();
    }
    String body =
        contents
            + " 0 obj\n<< /Length 44 >>\nstream\nBT /F1 28 Tf 80 400 Td (PAID IN FULL) Tj ET\n"
            + "endstream\nendobj\n";
    Path changed = appendUpdate(issued, dir.resolve("redefined.pdf"), contents, body, null);
    assertBoth(changed, Indication.TOTAL_FAILED, "page content changed on page 1");
  }

  @Test
  void anUpdateThatSkipsTheSignedRevisionsIsNotTheirHistory(@TempDir Path dir) throws Exception {
    // a last section whose /Prev leads to the unsigned draft's cross-reference, not the signed ones
    Path draft = shared.resolve("issued-leader.pdf");
    long draftXref;
    try (var reader = vn.lienthong.signing.internal.pdf.PdfReader.open(draft)) {
      draftXref = reader.sectionOffsets().get(reader.sectionOffsets().size() - 1);
    }
    Path changed = appendUpdate(issued, dir.resolve("skipped.pdf"), 0, "", draftXref);
    Verdict verdict = verifier.verify(changed);
    assertThat(verdict.indication()).isNotEqualTo(Indication.TOTAL_PASSED);
    for (SignatureVerdict signature : verdict.signatures()) {
      assertThat(signature.indication()).isEqualTo(Indication.TOTAL_FAILED);
      assertThat(descriptions(signature))
          .contains("the signed revision is not part of the document's history");
    }
  }

  // ------------------------------------------------------------------------------------------

  /**
   * Both signatures get {@code indication}, list {@code change}, and pdfsig finds them valid. A
   * failure keeps DSS's own sub-indication where DSS failed the signature too (its policy fails a
   * changed page count as FORMAT_FAILURE), else it is ours.
   */
  private static void assertBoth(Path changed, Indication indication, String change) {
    Verdict verdict = verifier.verify(changed);
    assertThat(verdict.signatures()).hasSize(2);
    for (SignatureVerdict signature : verdict.signatures()) {
      assertThat(signature.indication()).as(signature.signer()).isEqualTo(indication);
      if (indication == Indication.INDETERMINATE) {
        assertThat(signature.subIndication()).isEqualTo(PdfVerifier.CHANGED_AFTER_SIGNING);
        assertThat(signature.changesAfterSigning()).noneMatch(ChangeAfterSigning::altersDisplay);
      } else {
        assertThat(signature.subIndication())
            .isIn(PdfVerifier.MODIFIED_AFTER_SIGNING, "FORMAT_FAILURE");
        assertThat(signature.modifiedAfterSigning()).isTrue();
      }
      assertThat(descriptions(signature)).as(signature.signer()).contains(change);
    }
    assertThat(verdict.indication()).isEqualTo(indication);
    String pdfsig = PdfSig.check(changed);
    assertThat(pdfsig.split("Signature Validation: Signature is Valid.", -1)).hasSize(3);
  }

  private static List<String> descriptions(SignatureVerdict signature) {
    return signature.changesAfterSigning().stream().map(ChangeAfterSigning::description).toList();
  }

  /** A later revision made by PDFBox's incremental save, as editing tools write one. */
  private static Path edit(Path signed, Path dir, Consumer<PDDocument> change) throws IOException {
    Path out = Files.createTempFile(dir, "changed-", ".pdf");
    try (PDDocument document = Loader.loadPDF(signed.toFile())) {
      change.accept(document);
      try (OutputStream stream = Files.newOutputStream(out)) {
        document.saveIncremental(stream);
      }
    }
    return out;
  }

  private static void addAnnotation(PDDocument document, int pageIndex, COSDictionary annot) {
    PDPage page = document.getPage(pageIndex);
    COSArray annots = page.getCOSObject().getCOSArray(COSName.ANNOTS);
    if (annots == null) {
      annots = new COSArray();
      page.getCOSObject().setItem(COSName.ANNOTS, annots);
    }
    annots.add(annot);
    annots.setNeedToBeUpdated(true);
    annot.setNeedToBeUpdated(true);
    page.getCOSObject().setNeedToBeUpdated(true);
  }

  /**
   * Appends a hand-written update: the given body (objects), a cross-reference table for {@code
   * number} (0 for none), and a trailer whose /Prev is {@code prev} or the file's last section.
   */
  private static Path appendUpdate(Path signed, Path out, int number, String body, Long prev)
      throws Exception {
    Files.copy(signed, out);
    long base = Files.size(out);
    long last;
    String root;
    long size;
    try (var reader = vn.lienthong.signing.internal.pdf.PdfReader.open(signed)) {
      last = reader.startXref();
      var rootRef = (vn.lienthong.signing.internal.pdf.PdfValues.Ref) reader.trailer().get("Root");
      root = rootRef.number() + " " + rootRef.generation() + " R";
      size = reader.nextObjectNumber();
    }
    StringBuilder update = new StringBuilder("\n");
    long objectAt = base + update.length();
    update.append(body);
    long xrefAt = base + update.length();
    update.append("xref\n");
    if (number > 0) {
      update.append(number).append(" 1\n").append(String.format("%010d 00000 n\r\n", objectAt));
    } else {
      update.append("0 1\n0000000000 65535 f\r\n");
    }
    update
        .append("trailer\n<< /Size ")
        .append(size)
        .append(" /Root ")
        .append(root)
        .append(" /Prev ")
        .append(prev != null ? prev : last)
        .append(" >>\nstartxref\n")
        .append(xrefAt)
        .append("\n%%EOF\n");
    Files.write(
        out, update.toString().getBytes(StandardCharsets.ISO_8859_1), StandardOpenOption.APPEND);
    return out;
  }
}
