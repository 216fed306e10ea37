package vn.lienthong.signing.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.signing.Fixtures;
import vn.lienthong.signing.TrustServices;
import vn.lienthong.signing.key.BorrowedKey;
import vn.lienthong.signing.key.Pkcs12KeySource;
import vn.lienthong.signing.pades.PadesSigner;
import vn.lienthong.signing.pades.SignOptions;
import vn.lienthong.signing.pades.SignatureLevel;
import vn.lienthong.signing.pki.CertificateHolder;
import vn.lienthong.signing.pki.DemoPki;

class VerdictTest {

  static PadesSigner signer;
  static PdfVerifier verifier;

  @BeforeAll
  static void services() {
    signer = new PadesSigner(Fixtures.services());
    verifier = new PdfVerifier(Fixtures.services());
  }

  private static Path signed(Path dir, String holder, SignatureLevel level) {
    Path input = Fixtures.samplePdf(dir, 1);
    Path output = dir.resolve(holder + "-" + level + ".pdf");
    try (Pkcs12KeySource source = Fixtures.demoKey(holder);
        BorrowedKey key = source.borrow()) {
      signer.sign(input, output, SignOptions.of(level), key);
    }
    return output;
  }

  @Test
  void signatureByARevokedCertificateIsNotPassed(@TempDir Path dir) {
    DemoPki pki = Fixtures.pki();
    pki.issue(
        new CertificateHolder.Person(
            "dismissed", "Lê Văn Cũ", "Phó Chủ tịch", DemoPki.DEMO_UNIT, DemoPki.DEMO_ORGAN_CODE));
    Path before = signed(dir, "dismissed", SignatureLevel.B_B);
    assertThat(verifier.verify(before).indication()).isEqualTo(Indication.TOTAL_PASSED);

    pki.revoke(pki.certificateOf("dismissed"));

    // B-B has no proof that it existed before the revocation: it no longer passes.
    Verdict old = verifier.verify(before);
    assertThat(old.indication()).isNotEqualTo(Indication.TOTAL_PASSED);
    assertThat(old.signatures().get(0).subIndication()).contains("REVOKED");
    // Signing at B-LT checks revocation and refuses.
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> signed(dir, "dismissed", SignatureLevel.B_LT))
        .isInstanceOf(vn.lienthong.signing.pades.SignerCertificateException.class);
    // Signed (and timestamped) after the revocation at B-T, which checks nothing online: fails.
    Verdict after = verifier.verify(signed(dir, "dismissed", SignatureLevel.B_T));
    assertThat(after.indication()).isNotEqualTo(Indication.TOTAL_PASSED);
    assertThat(after.signatures().get(0).subIndication()).contains("REVOKED");
  }

  @Test
  void bytesChangedInsideTheSignedRangeAreTotalFailed(@TempDir Path dir) throws Exception {
    Path pdf = signed(dir, DemoPki.CLERK, SignatureLevel.B_B);
    String content = new String(Files.readAllBytes(pdf), StandardCharsets.ISO_8859_1);
    // inside the first page's compressed content stream: still a parseable PDF, different bytes
    int at = content.indexOf("stream", content.indexOf("/Length")) + 20;
    try (RandomAccessFile file = new RandomAccessFile(pdf.toFile(), "rw")) {
      file.seek(at);
      int b = file.read();
      file.seek(at);
      file.write(b ^ 0x01);
    }
    Verdict verdict = verifier.verify(pdf);
    assertThat(verdict.indication()).isEqualTo(Indication.TOTAL_FAILED);
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "visual comparison up to {0} pages")
  @org.junit.jupiter.params.provider.ValueSource(
      ints = {PdfVerifier.DEFAULT_VISUAL_COMPARISON_PAGES, 0})
  void pageContentChangedInALaterRevisionIsNeverPassed(int visualPages, @TempDir Path dir)
      throws Exception {
    PdfVerifier verifier = new PdfVerifier(Fixtures.services(), visualPages);
    Path pdf = signed(dir, DemoPki.LEADER, SignatureLevel.B_T);
    Path changed = dir.resolve("changed.pdf");
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      PDPage page = document.getPage(0);
      try (PDPageContentStream content =
          new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, false)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD), 28);
        content.newLineAtOffset(80, 400);
        content.showText("PAID 10,000,000 VND");
        content.endText();
      }
      page.getCOSObject().setNeedToBeUpdated(true);
      document.getPages().getCOSObject().setNeedToBeUpdated(true);
      try (var out = Files.newOutputStream(changed)) {
        document.saveIncremental(out);
      }
    }
    Verdict verdict = verifier.verify(changed);
    assertThat(verdict.indication()).isNotEqualTo(Indication.TOTAL_PASSED);
    assertThat(verdict.signatures().get(0).modifiedAfterSigning()).isTrue();
  }

  @Test
  void unsignedPdfIsNoSignatureAndEtsiReportComesOnRequest(@TempDir Path dir) {
    Path unsigned = Fixtures.samplePdf(dir, 1);
    Verification verification = verifier.verify(unsigned, true);
    assertThat(verification.verdict().indication()).isEqualTo(Indication.NO_SIGNATURE);
    assertThat(verification.verdict().documentSha256()).hasSize(64);

    Verification signed = verifier.verify(signed(dir, DemoPki.LEADER, SignatureLevel.B_B), true);
    assertThat(signed.etsiReportXml())
        .get()
        .asString()
        .contains("ValidationReport")
        .contains("mainindication:passed");
    assertThat(verifier.verify(unsigned, false).etsiReportXml()).isEmpty();
  }

  @Test
  void noTrustAnchorsIsAnErrorNotIndeterminate(@TempDir Path dir) throws Exception {
    assertThatThrownBy(
            () ->
                new PdfVerifier(
                    new TrustServices(
                        List.of(), Fixtures.pki().client(), java.util.Optional.empty(), dir)))
        .isInstanceOf(NoTrustAnchorsException.class);
    Path empty = Files.createDirectory(dir.resolve("trust"));
    assertThatThrownBy(() -> TrustAnchors.fromFolder(empty))
        .isInstanceOf(NoTrustAnchorsException.class);
    assertThat(TrustAnchors.fromFolder(Fixtures.pki().trustFolder()).certificates()).hasSize(1);
  }
}
