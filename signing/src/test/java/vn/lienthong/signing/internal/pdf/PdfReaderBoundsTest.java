package vn.lienthong.signing.internal.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.apache.pdfbox.cos.COSStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import vn.lienthong.signing.HostilePdfs;
import vn.lienthong.signing.HostilePdfs.Pdf;
import vn.lienthong.signing.HostilePdfs.Updates;
import vn.lienthong.signing.internal.pdf.PdfValues.Ref;

/**
 * The incremental writer's reader on hostile input, directly: each case ends quickly in the update,
 * or in exactly one of {@link UnsupportedPdfException} (try the general path), {@link
 * DamagedPdfException} (refused as DAMAGED) or {@link LimitExceededException} (refused as
 * TOO_COMPLEX). {@code HostileDocumentsTest} signs the same documents end to end.
 */
class PdfReaderBoundsTest {

  private static final Duration BOUND = Duration.ofSeconds(60);

  private static final SignatureIncrement.Request INVISIBLE =
      new SignatureIncrement.Request(
          Instant.parse("2026-12-01T08:00:00Z"), ZoneOffset.ofHours(7), null, null, null, 64, null);

  @Test
  void newObjectsAreNumberedAfterEveryListedObjectWhenSizeIsUnderstated() {
    within(
        () -> {
          try (PdfReader pdf = PdfReader.of(HostilePdfs.minimal().size("3").table())) {
            assertThat(pdf.nextObjectNumber()).isEqualTo(6);
            String update = text(SignatureIncrement.build(pdf, INVISIBLE));
            assertThat(update).startsWith("6 0 obj\n<</Type /Sig").doesNotContain("\n4 0 obj");
          }
        });
  }

  @Test
  void aMalformedSubsectionHeaderIsForTheGeneralPath() {
    within(
        () -> {
          // "0 -5" is no count, "0 99999999999" more objects than a PDF may hold (Annex C):
          // refused before anything is allocated for them
          for (String header : new String[] {"0 -5", "0 99999999999"}) {
            byte[] pdf = HostilePdfs.minimal().subsection(header).table();
            assertThatThrownBy(() -> PdfReader.of(pdf))
                .as(header)
                .isExactlyInstanceOf(UnsupportedPdfException.class);
          }
        });
  }

  @Test
  void aCrossReferenceStreamInflatingBeyond32MegabytesIsALimit() {
    within(
        () -> {
          byte[] pdf = HostilePdfs.minimal().xrefPadding(300L << 20).xrefStream(6);
          assertThatThrownBy(() -> PdfReader.of(pdf))
              .isExactlyInstanceOf(LimitExceededException.class)
              .hasMessage("Stream decodes to more than 33554432 bytes");
        });
  }

  @Test
  void anObjectStreamDecodingBeyondTheBoundIsALimit() {
    within(
        () -> {
          byte[] bytes =
              HostilePdfs.minimal()
                  .objectStream(6, 1, 2, 3, 5)
                  .objectStreamPadding(6, 40L << 20)
                  .xrefStream(7);
          try (PdfReader pdf = PdfReader.of(bytes)) {
            // the stream is decoded when the catalog inside it is first needed
            assertThatThrownBy(() -> SignatureIncrement.build(pdf, INVISIBLE))
                .isExactlyInstanceOf(LimitExceededException.class);
          }
        });
  }

  @Test
  void whatADocumentDecodesInAllIsBounded() {
    within(
        () -> {
          // five object streams of 30 MB each: every one within its own bound, 150 MB together
          Pdf pdf = HostilePdfs.minimal().objectStream(6, 1);
          for (int i = 0; i < 5; i++) {
            pdf.put(20 + i, "<< /Type /Annot /Subtype /Text /Rect [0 0 1 1] >>")
                .objectStream(30 + i, 20 + i)
                .objectStreamPadding(30 + i, 30L << 20);
          }
          try (PdfReader reader = PdfReader.of(pdf.xrefStream(40))) {
            assertThatThrownBy(
                    () -> {
                      for (int i = 0; i < 5; i++) {
                        reader.object(Ref.of(20 + i));
                      }
                    })
                // the fifth may decode only what the four before left of the 128 MB
                .isExactlyInstanceOf(LimitExceededException.class)
                .hasMessage("Stream decodes to more than 8388101 bytes");
          }
        });
  }

  @Test
  void aLengthThatIsItselfIsALoop() {
    within(
        () -> {
          byte[] content =
              HostilePdfs.minimal().put(4, "<< /Length 4 0 R >>\nstream\nBT ET\nendstream").table();
          try (PdfReader pdf = PdfReader.of(content)) {
            assertThatThrownBy(() -> pdf.object(Ref.of(4)))
                .isExactlyInstanceOf(UnsupportedPdfException.class)
                .hasMessage("Object 4 refers to itself");
            // the writer never reads page content: the update is built all the same
            assertThat(text(SignatureIncrement.build(pdf, INVISIBLE))).contains("/Type /Sig");
          }
          byte[] objectStream =
              HostilePdfs.minimal()
                  .objectStream(6, 1, 2, 3, 5)
                  .objectStreamLength(6, "6 0 R")
                  .xrefStream(7);
          try (PdfReader pdf = PdfReader.of(objectStream)) {
            assertThatThrownBy(() -> SignatureIncrement.build(pdf, INVISIBLE))
                .isExactlyInstanceOf(UnsupportedPdfException.class)
                .hasMessage("Object 6 refers to itself");
          }
        });
  }

  @Test
  void anObjectStreamInsideItselfIsNoObjectStream() {
    within(
        () -> {
          byte[] bytes =
              HostilePdfs.minimal().objectStream(7, 1, 2, 3, 5).entry(7, 2, 7, 0).xrefStream(8);
          try (PdfReader pdf = PdfReader.of(bytes)) {
            assertThatThrownBy(() -> SignatureIncrement.build(pdf, INVISIBLE))
                .isExactlyInstanceOf(UnsupportedPdfException.class)
                .hasMessage("Object 7 is not a usable object stream");
          }
        });
  }

  @Test
  void aNegativeIndexCountIsDamage() {
    within(
        () -> {
          for (String index : new String[] {"[0 -5]", "[0 7 0 -5]"}) {
            byte[] pdf = HostilePdfs.minimal().index(index).xrefStream(6);
            assertThatThrownBy(() -> PdfReader.of(pdf))
                .as(index)
                .isExactlyInstanceOf(DamagedPdfException.class);
          }
        });
  }

  @Test
  void aCatalogOrPageThatIsNoObjectIsDamage() {
    within(
        () -> {
          // an xref stream that lists nothing, one that lists only the catalog, and a page
          // referred to with another generation than the file's
          byte[][] documents = {
            HostilePdfs.minimal().index("[0 0]").xrefStream(6),
            HostilePdfs.minimal().index("[0 2]").xrefStream(6),
            HostilePdfs.minimal().put(2, "<< /Type /Pages /Kids [3 1 R] /Count 1 >>").table()
          };
          String[] messages = {
            "The catalog (1 0 R) is no object of the file",
            "A page tree node (2 0 R) is no object of the file",
            "A page tree node (3 1 R) is no object of the file"
          };
          for (int i = 0; i < documents.length; i++) {
            try (PdfReader pdf = PdfReader.of(documents[i])) {
              assertThatThrownBy(() -> SignatureIncrement.build(pdf, INVISIBLE))
                  .isExactlyInstanceOf(DamagedPdfException.class)
                  .hasMessage(messages[i]);
            }
          }
        });
  }

  @Test
  void sectionsSharingOneCrossReferenceStreamAreALimit() {
    within(
        () -> {
          // each of 1000 table sections names the same /XRefStm, which inflates to 1 MB: PDFBox
          // would decode it once per section, 1 GB; a real hybrid file gives each its own
          Pdf base = HostilePdfs.minimal();
          Updates updates = new Updates(base.table(), 6);
          long stream = updates.position();
          updates.append(
              Map.of(
                  6,
                  HostilePdfs.stream(
                      "/Type /XRef /Size 7 /Index [5 1] /W [1 4 2] /Filter /FlateDecode",
                      HostilePdfs.deflateWithZeros(
                          HostilePdfs.row(1, base.offsets().get(5), 0), 1 << 20))),
              "/XRefStm " + stream);
          for (int i = 1; i < 1000; i++) {
            updates.append(Map.of(), "/XRefStm " + stream);
          }
          byte[] bytes = updates.bytes();

          assertThatThrownBy(() -> PdfReader.of(bytes))
              .isExactlyInstanceOf(LimitExceededException.class)
              .hasMessageContaining("shared by several sections");
        });
  }

  @Test
  void aPrevLoopIsForTheGeneralPathAndMoreThan1024SectionsAreALimit() {
    within(
        () -> {
          Updates loop = new Updates(HostilePdfs.minimal().table(), 6);
          loop.append(Map.of(), "", Long.toString(loop.position()));
          assertThatThrownBy(() -> PdfReader.of(loop.bytes()))
              .isExactlyInstanceOf(UnsupportedPdfException.class)
              .hasMessage("Cross-reference sections loop");

          Updates many = new Updates(HostilePdfs.minimal().table(), 6);
          for (int i = 0; i < 1100; i++) {
            many.append(Map.of(), "");
          }
          assertThatThrownBy(() -> PdfReader.of(many.bytes()))
              .isExactlyInstanceOf(LimitExceededException.class)
              .hasMessage("More than 1024 sections");
        });
  }

  @Test
  void aPageTreeThatContainsItselfIsDamage() {
    within(
        () -> {
          byte[] bytes =
              HostilePdfs.minimal()
                  .put(2, "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 1 >>")
                  .table();
          try (PdfReader pdf = PdfReader.of(bytes)) {
            assertThatThrownBy(pdf::pages)
                .isExactlyInstanceOf(DamagedPdfException.class)
                .hasMessage("The page tree contains itself (object 2)");
            assertThatThrownBy(() -> SignatureIncrement.build(pdf, INVISIBLE))
                .isExactlyInstanceOf(DamagedPdfException.class);
          }
        });
  }

  @Test
  void absurdNumbers() {
    within(
        () -> {
          // a /Size no file can have: our reader will not number objects after it
          assertThatThrownBy(
                  () -> PdfReader.of(HostilePdfs.minimal().size("99999999999999999999").table()))
              .isExactlyInstanceOf(UnsupportedPdfException.class);

          // a /Count of a billion pages: the tree is walked, the count not believed
          try (PdfReader pdf =
              PdfReader.of(
                  HostilePdfs.minimal()
                      .put(2, "<< /Type /Pages /Kids [3 0 R] /Count 1000000000 >>")
                      .table())) {
            assertThat(pdf.pages()).hasSize(1);
            assertThat(text(SignatureIncrement.build(pdf, INVISIBLE))).contains("/Type /Sig");
          }

          // a MediaBox 10^24 points high: no box is placed on it
          try (PdfReader pdf =
              PdfReader.of(
                  HostilePdfs.minimal()
                      .put(
                          3,
                          HostilePdfs.page(2, 4)
                              .replace("595 842", "595 1000000000000000000000000"))
                      .table())) {
            assertThat(text(SignatureIncrement.build(pdf, INVISIBLE))).contains("/Type /Sig");
            assertThatThrownBy(() -> SignatureIncrement.build(pdf, visibleOnPage(0)))
                .isExactlyInstanceOf(UnsupportedPdfException.class)
                .hasMessage("Page box coordinate 1000000000000000000000000 out of range");
          }
        });
  }

  @Test
  void objectsNested100000DeepAreALimit() {
    within(
        () -> {
          for (byte[] bytes :
              new byte[][] {
                HostilePdfs.nestedInPage(100_000), HostilePdfs.nestedInCatalog(100_000)
              }) {
            try (PdfReader pdf = PdfReader.of(bytes)) {
              assertThatThrownBy(() -> SignatureIncrement.build(pdf, INVISIBLE))
                  .isExactlyInstanceOf(LimitExceededException.class)
                  .hasMessage("Objects nested more than 64 deep");
            }
          }
        });
  }

  @Test
  void locksThatForbidANewSignatureAndOneThatDoesNot() {
    within(
        () -> {
          assertThat(refusal(signedFieldWithLock("<< /Action /All >>")))
              .hasValue("the signed field 'Signature1' locks the form (/Lock)");
          assertThat(refusal(signedFieldWithLock("<< /Action /Exclude /Fields [(x)] >>")))
              .hasValue("the signed field 'Signature1' locks the form (/Lock)");
          assertThat(refusal(signedFieldWithLock("<< /Action /Include /Fields [(x)] >>")))
              .isEmpty();
          assertThat(
                  refusal(
                      HostilePdfs.minimal()
                          .put(1, "<< /Type /Catalog /Pages 2 0 R /Perms << /DocMDP 6 0 R >> >>")
                          .put(
                              6,
                              "<< /Type /Sig /Name (Chanh Van phong) /Reference [<< /Type /SigRef"
                                  + " /TransformMethod /DocMDP /TransformParams << /P 1 >> >>] >>")
                          .table()))
              .hasValue(
                  "the document is certified with no changes allowed (DocMDP permission 1) by"
                      + " Chanh Van phong");
        });
  }

  @Test
  void aSharedAnnotsArrayIsCopiedForThePageThatGetsTheWidget() {
    within(
        () -> {
          byte[] bytes =
              HostilePdfs.minimal()
                  .put(2, "<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>")
                  .put(3, HostilePdfs.page(2, 4).replace("/Contents 4 0 R", "/Annots 8 0 R"))
                  .put(6, HostilePdfs.page(2, 4).replace("/Contents 4 0 R", "/Annots 8 0 R"))
                  .put(8, "[9 0 R]")
                  .put(9, "<< /Type /Annot /Subtype /Text /Rect [0 0 10 10] >>")
                  .table();
          try (PdfReader pdf = PdfReader.of(bytes)) {
            String update = text(SignatureIncrement.build(pdf, visibleOnPage(1)));
            // page 6 gets its own array; page 3 and the shared array 8 are not rewritten
            assertThat(update).containsPattern("\n6 0 obj\n<<[^\n]*/Annots \\[9 0 R 11 0 R\\]");
            assertThat(update).doesNotContain("\n3 0 obj").doesNotContain("\n8 0 obj");
          }
        });
  }

  @Test
  void page2IsTheSecondPageOfTheTreeWhateverItsCountsSay() {
    within(
        () -> {
          byte[] bytes =
              HostilePdfs.minimal()
                  .put(2, "<< /Type /Pages /Kids [6 0 R 9 0 R] /Count 3 >>")
                  .put(6, "<< /Type /Pages /Parent 2 0 R /Kids [3 0 R 7 0 R] /Count 1 >>")
                  .put(7, HostilePdfs.page(6, 4))
                  .put(9, HostilePdfs.page(2, 4))
                  .table();
          try (PdfReader pdf = PdfReader.of(bytes)) {
            assertThat(pdf.pages()).extracting(p -> p.ref().number()).containsExactly(3, 7, 9);
            assertThat(pdf.page(1).ref()).isEqualTo(Ref.of(7));
          }
        });
  }

  @Test
  void anEncryptInAnOlderTrailerIsStillEncrypted() {
    within(
        () -> {
          Pdf encrypted =
              HostilePdfs.minimal()
                  .put(6, "<< /Filter /Standard /V 1 /R 2 /P -4 >>")
                  .trailer("/Encrypt 6 0 R");
          Updates updates = new Updates(encrypted.table(), 7);
          updates.append(Map.of(7, "<< >>"), "");
          try (PdfReader pdf = PdfReader.of(updates.bytes())) {
            assertThat(pdf.trailer().has("Encrypt")).isFalse();
            assertThat(pdf.encrypted()).isTrue();
            assertThatThrownBy(() -> SignatureIncrement.build(pdf, INVISIBLE))
                .isExactlyInstanceOf(UnsupportedPdfException.class)
                .hasMessage("Encrypted");
          }
        });
  }

  @Test
  void generationsAreReadAndWrittenAsTheFileHasThem() {
    within(
        () -> {
          byte[] bytes =
              HostilePdfs.minimal()
                  .put(2, "<< /Type /Pages /Kids [3 1 R] /Count 1 >>")
                  .put(3, 1, HostilePdfs.page(2, 4))
                  .table();
          try (PdfReader pdf = PdfReader.of(bytes)) {
            // "3 0 R" names no object: the file holds 3 with generation 1
            assertThat(pdf.object(Ref.of(3))).isEqualTo(PdfValues.Null.NULL);
            String update = text(SignatureIncrement.build(pdf, INVISIBLE));
            assertThat(update).contains("\n3 1 obj\n").contains("/P 3 1 R");
            assertThat(update).containsPattern("\n3 1\n\\d{10} 00001 n");
          }
        });
  }

  // ------------------------------------------------------------------------------------------

  /** Catalog 1 with a form whose one field is signed (its /V has a /ByteRange) and locked. */
  private static byte[] signedFieldWithLock(String lock) {
    return HostilePdfs.minimal()
        .put(1, "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [6 0 R] >> >>")
        .put(
            6,
            "<< /FT /Sig /T (Signature1) /V 7 0 R /Lock "
                + lock
                + " /Type /Annot /Subtype /Widget /Rect [0 0 0 0] /P 3 0 R >>")
        .put(7, "<< /Type /Sig /ByteRange [0 1 2 3] /Contents <00> >>")
        .table();
  }

  private static Optional<String> refusal(byte[] bytes) throws UnsupportedPdfException {
    try (PdfReader pdf = PdfReader.of(bytes)) {
      return SignaturePermissions.refusal(pdf);
    }
  }

  private static SignatureIncrement.Request visibleOnPage(int pageIndex) throws IOException {
    COSStream appearance = new COSStream();
    try (OutputStream out = appearance.createOutputStream()) {
      out.write("0 0 1 rg 0 0 200 90 re f".getBytes(StandardCharsets.US_ASCII));
    }
    return new SignatureIncrement.Request(
        INVISIBLE.signingTime(),
        INVISIBLE.zone(),
        null,
        null,
        null,
        64,
        new SignatureIncrement.Visible(pageIndex, 330, 620, 200, 90, false, appearance));
  }

  private static String text(SignatureIncrement increment) {
    return new String(increment.bytes(), StandardCharsets.ISO_8859_1);
  }

  private static void within(Executable test) {
    assertTimeoutPreemptively(BOUND, test);
  }
}
