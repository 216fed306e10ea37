package vn.lienthong.signing.pades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.signing.Fixtures;
import vn.lienthong.signing.InvalidDocumentException;
import vn.lienthong.signing.TrustServices;
import vn.lienthong.signing.appearance.Appearance;
import vn.lienthong.signing.appearance.Placement;
import vn.lienthong.signing.key.BorrowedKey;
import vn.lienthong.signing.key.Pkcs12KeySource;
import vn.lienthong.signing.pki.DemoPki;
import vn.lienthong.signing.validation.Indication;
import vn.lienthong.signing.validation.PdfVerifier;
import vn.lienthong.signing.validation.Verdict;

/**
 * The leader's signature as the server makes it: node A computes the data to sign, the official's
 * token signs it on their PC, node B (a fresh object graph that only has the document and the
 * serialized pending value) finishes.
 */
class TwoStepSigningTest {

  @Test
  void secondStepFinishesInAFreshObjectGraphFromTheSerializedValue(@TempDir Path dir)
      throws Exception {
    Path document = Fixtures.samplePdf(dir, 2);
    Appearance leader =
        new Appearance.Leader(
            "Nguyễn Văn Hùng", "Chủ tịch", null, new Placement(1, 330, 620, 200, 90));
    SignOptions options = new SignOptions(SignatureLevel.B_LTA, leader, "Phê duyệt", "Đà Nẵng");

    byte[] stored;
    byte[] signatureValue;
    try (Pkcs12KeySource source = Fixtures.demoKey(DemoPki.LEADER);
        BorrowedKey key = source.borrow()) {
      PendingSignature pending =
          new PadesSigner(Fixtures.services()).prepare(document, options, key.chain());
      stored = pending.toBytes();
      Thread.sleep(
          1100); // the finishing node signs later: the signing time must come from the value
      signatureValue = key.sign(pending.dataToSign()); // what the local signing agent does
    }

    String json = new String(stored, StandardCharsets.UTF_8);
    assertThat(json)
        .contains("\"signingTime\"")
        .contains("\"level\":\"B_LTA\"")
        .contains("Nguyễn Văn Hùng");

    Path signed = dir.resolve("signed.pdf");
    TrustServices otherNode = TrustServices.demo(DemoPki.openOrCreate(Fixtures.pki().directory()));
    PendingSignature restored = PendingSignature.fromBytes(stored);
    new PadesSigner(otherNode).finish(document, restored, signatureValue, signed);

    Verdict verdict = new PdfVerifier(otherNode).verify(signed);
    assertThat(verdict.indication()).isEqualTo(Indication.TOTAL_PASSED);
    assertThat(verdict.signatures().get(0).level()).isEqualTo("PAdES-BASELINE-LTA");
    // The signature carries the time fixed in prepare, not the (later) time of finish.
    try (org.apache.pdfbox.pdmodel.PDDocument pdf =
        org.apache.pdfbox.Loader.loadPDF(signed.toFile())) {
      assertThat(pdf.getSignatureDictionaries().get(0).getSignDate().toInstant())
          .isEqualTo(restored.signingTime())
          .isEqualTo(PendingSignature.fromJson(json).signingTime());
    }
  }

  @Test
  void aForeignSignatureValueOrAChangedDocumentIsRefused(@TempDir Path dir) throws Exception {
    Path document = Fixtures.samplePdf(dir, 1);
    PadesSigner signer = new PadesSigner(Fixtures.services());
    PendingSignature pending;
    byte[] wrongValue;
    try (Pkcs12KeySource leader = Fixtures.demoKey(DemoPki.LEADER);
        BorrowedKey key = leader.borrow();
        Pkcs12KeySource clerk = Fixtures.demoKey(DemoPki.CLERK);
        BorrowedKey other = clerk.borrow()) {
      pending = signer.prepare(document, SignOptions.of(SignatureLevel.B_B), key.chain());
      wrongValue = other.sign(pending.dataToSign());
    }
    Path out = dir.resolve("out.pdf");
    assertThatThrownBy(() -> signer.finish(document, pending, wrongValue, out))
        .isInstanceOf(InvalidDocumentException.class)
        .extracting(e -> ((InvalidDocumentException) e).reason())
        .isEqualTo(InvalidDocumentException.Reason.SIGNATURE_MISMATCH);

    Path changed = Fixtures.samplePdf(Files.createDirectory(dir.resolve("other")), 2);
    assertThatThrownBy(() -> signer.finish(changed, pending, wrongValue, out))
        .isInstanceOf(InvalidDocumentException.class)
        .extracting(e -> ((InvalidDocumentException) e).reason())
        .isEqualTo(InvalidDocumentException.Reason.DOCUMENT_CHANGED);
    assertThat(out).doesNotExist();
  }
}
