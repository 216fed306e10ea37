package vn.lienthong.signing.pades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.signing.Fixtures;
import vn.lienthong.signing.PdfSig;
import vn.lienthong.signing.SigningException;
import vn.lienthong.signing.appearance.Appearance;
import vn.lienthong.signing.appearance.Placement;
import vn.lienthong.signing.key.BorrowedKey;
import vn.lienthong.signing.key.Pkcs12KeySource;
import vn.lienthong.signing.pki.DemoPki;
import vn.lienthong.signing.validation.Indication;
import vn.lienthong.signing.validation.PdfVerifier;
import vn.lienthong.signing.validation.Verdict;

/**
 * Invisible signatures are appended by our incremental writer without loading the document. These
 * tests feed it the PDF structures it meets in practice (cross-reference tables and streams,
 * earlier updates, existing forms) and check each result with DSS and with poppler's pdfsig, plus
 * that the original bytes are untouched and that what it cannot handle still gets signed the
 * general way.
 */
class IncrementalSigningTest {

  static PadesSigner signer;
  static PdfVerifier verifier;

  @BeforeAll
  static void services() {
    signer = new PadesSigner(Fixtures.services());
    verifier = new PdfVerifier(Fixtures.services());
  }

  @Test
  void crossReferenceTableFileGetsATableUpdate(@TempDir Path dir) throws Exception {
    Path input = resave(Fixtures.samplePdf(dir, 2), dir.resolve("table.pdf"), false);
    assertThat(text(input)).contains("\nxref\n").contains("\ntrailer\n");

    Path signed = sign(input, dir.resolve("signed.pdf"), SignatureLevel.B_B);

    assertIncrementalUpdateOf(input, signed);
    assertThat(update(input, signed)).contains("\nxref\n").contains("trailer");
    assertPasses(signed, 1);
  }

  @Test
  void crossReferenceStreamFileGetsAStreamUpdate(@TempDir Path dir) throws Exception {
    Path input = Fixtures.samplePdf(dir, 3); // PDFBox 3 writes object streams and an xref stream
    assertThat(text(input)).contains("/ObjStm").contains("/XRef");

    Path signed = sign(input, dir.resolve("signed.pdf"), SignatureLevel.B_T);

    assertIncrementalUpdateOf(input, signed);
    assertThat(update(input, signed)).contains("/Type /XRef").doesNotContain("\nxref\n");
    assertPasses(signed, 1);
  }

  @Test
  void secondSignatureOnTopOfTheFirstKeepsBothValid(@TempDir Path dir) throws Exception {
    Path input = Fixtures.samplePdf(dir, 1);
    Path first = sign(input, dir.resolve("first.pdf"), SignatureLevel.B_B);
    Path second = sign(first, dir.resolve("second.pdf"), SignatureLevel.B_B);

    assertIncrementalUpdateOf(first, second);
    assertPasses(second, 2);
    try (PDDocument document = Loader.loadPDF(second.toFile())) {
      assertThat(document.getDocumentCatalog().getAcroForm().getFields())
          .extracting(PDField::getFullyQualifiedName)
          .containsExactly("Signature1", "Signature2");
    }
  }

  @Test
  void existingFormFieldsAndAnnotationsAreKept(@TempDir Path dir) throws Exception {
    Path input = dir.resolve("form.pdf");
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      Fixtures.addTextField(
          document, page, "soVanBan", "12/QD-UBND", new PDRectangle(50, 700, 200, 20));
      document.save(input.toFile(), CompressParameters.NO_COMPRESSION);
    }

    Path signed = sign(input, dir.resolve("signed.pdf"), SignatureLevel.B_B);

    assertIncrementalUpdateOf(input, signed);
    assertPasses(signed, 1);
    try (PDDocument document = Loader.loadPDF(signed.toFile())) {
      PDAcroForm form = document.getDocumentCatalog().getAcroForm();
      assertThat(form.getFields())
          .extracting(PDField::getFullyQualifiedName)
          .containsExactly("soVanBan", "Signature1");
      assertThat(form.getField("soVanBan").getValueAsString()).isEqualTo("12/QD-UBND");
      assertThat(document.getPage(0).getAnnotations()).hasSize(2);
      assertThat(form.isSignaturesExist()).isTrue();
      assertThat(form.isAppendOnly()).isTrue();
    }
  }

  @Test
  void twoStepsInFreshSignersFromTheSerializedValue(@TempDir Path dir) throws Exception {
    Path input = Fixtures.samplePdf(dir, 2);
    String json;
    byte[] value;
    try (Pkcs12KeySource source = Fixtures.demoKey(DemoPki.LEADER);
        BorrowedKey key = source.borrow()) {
      PendingSignature pending =
          new PadesSigner(Fixtures.services())
              .prepare(input, SignOptions.of(SignatureLevel.B_T), key.chain());
      json = pending.toJson();
      value = key.sign(pending.dataToSign());
    }
    Path signed = dir.resolve("signed.pdf");
    new PadesSigner(Fixtures.services())
        .finish(input, PendingSignature.fromJson(json), value, signed);

    assertIncrementalUpdateOf(input, signed);
    assertPasses(signed, 1);
  }

  @Test
  void whatTheWriterCannotReadIsSignedTheGeneralWay(@TempDir Path dir) throws Exception {
    // startxref points nowhere: PDFBox repairs such files, our reader does not try
    Path input = dir.resolve("bad-startxref.pdf");
    String pdf = text(resave(Fixtures.samplePdf(dir, 1), dir.resolve("t.pdf"), false));
    int at = pdf.lastIndexOf("startxref\n") + "startxref\n".length();
    int end = pdf.indexOf('\n', at);
    Files.write(
        input,
        (pdf.substring(0, at) + "17" + pdf.substring(end)).getBytes(StandardCharsets.ISO_8859_1));

    Path signed = sign(input, dir.resolve("signed.pdf"), SignatureLevel.B_B);

    String tail = text(signed);
    // PDFBox writes /ByteRange before /Contents, our writer after it
    assertThat(tail.lastIndexOf("/ByteRange")).isLessThan(tail.lastIndexOf("/Contents"));
    assertThat(verifier.verify(signed).indication()).isEqualTo(Indication.TOTAL_PASSED);
  }

  @Test
  void aNameTheFontCannotShowIsAClearErrorAndWritesNothing(@TempDir Path dir) {
    Path input = Fixtures.samplePdf(dir, 1);
    Path output = dir.resolve("signed.pdf");
    Appearance.Leader leader =
        new Appearance.Leader("Nguyễn 漢字", "Chủ tịch", null, new Placement(1, 330, 620, 200, 90));
    try (Pkcs12KeySource source = Fixtures.demoKey(DemoPki.LEADER);
        BorrowedKey key = source.borrow()) {
      assertThatThrownBy(
              () ->
                  signer.sign(
                      input,
                      output,
                      SignOptions.of(SignatureLevel.B_B).withAppearance(leader),
                      key))
          .isInstanceOf(SigningException.class)
          .hasMessageContaining("cannot show");
    }
    assertThat(output).doesNotExist();
  }

  // ------------------------------------------------------------------------------------------

  private static Path sign(Path input, Path output, SignatureLevel level) {
    try (Pkcs12KeySource source = Fixtures.demoKey(DemoPki.LEADER);
        BorrowedKey key = source.borrow()) {
      signer.sign(input, output, SignOptions.of(level), key);
    }
    return output;
  }

  private static void assertPasses(Path signed, int signatures) {
    Verdict verdict = verifier.verify(signed);
    assertThat(verdict.indication()).isEqualTo(Indication.TOTAL_PASSED);
    assertThat(verdict.signatures()).hasSize(signatures);
    assertThat(verdict.signatures()).allMatch(s -> !s.modifiedAfterSigning());
    String pdfsig = PdfSig.check(signed);
    for (int i = 1; i <= signatures; i++) {
      String part = pdfsig.split("Signature #")[i];
      assertThat(part)
          .contains("Signature Validation: Signature is Valid.")
          .contains("Certificate Validation: Certificate is Trusted.");
    }
    assertThat(pdfsig.substring(pdfsig.lastIndexOf("Signature #")))
        .contains("Total document signed");
  }

  /** The signed file is the original, byte for byte, followed by one update. */
  private static void assertIncrementalUpdateOf(Path original, Path signed) throws IOException {
    byte[] before = Files.readAllBytes(original);
    byte[] after = Files.readAllBytes(signed);
    assertThat(after.length).isGreaterThan(before.length);
    assertThat(Arrays.equals(after, 0, before.length, before, 0, before.length)).isTrue();
    String update = update(original, signed);
    // our writer: /Contents then /ByteRange, one signature dictionary, one %%EOF
    assertThat(update.indexOf("/Contents <")).isLessThan(update.indexOf("/ByteRange ["));
    assertThat(update.split("%%EOF", -1)).hasSize(2);
  }

  private static String update(Path original, Path signed) throws IOException {
    return text(signed).substring((int) Files.size(original));
  }

  private static String text(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
  }

  private static Path resave(Path input, Path output, boolean compress) throws IOException {
    try (PDDocument document = Loader.loadPDF(input.toFile())) {
      document.save(
          output.toFile(),
          compress ? CompressParameters.DEFAULT_COMPRESSION : CompressParameters.NO_COMPRESSION);
    }
    return output;
  }
}
