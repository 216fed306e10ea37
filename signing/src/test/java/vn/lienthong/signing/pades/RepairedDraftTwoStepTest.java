package vn.lienthong.signing.pades;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.signing.Fixtures;
import vn.lienthong.signing.appearance.Appearance;
import vn.lienthong.signing.appearance.Placement;
import vn.lienthong.signing.key.BorrowedKey;
import vn.lienthong.signing.key.Pkcs12KeySource;
import vn.lienthong.signing.pki.DemoPki;
import vn.lienthong.signing.validation.Indication;
import vn.lienthong.signing.validation.PdfVerifier;

/** A PDF that needs repair (no cross-reference table) signed in two steps. */
class RepairedDraftTwoStepTest {

  static final String NO_XREF =
      "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj 2 0 obj<</Type/Pages/Kids[3 0 R]"
          + "/Count 1>>endobj 3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]/Contents 4"
          + " 0 R/Resources<</Font<</F1 5 0 R>>>>>>endobj 4 0 obj<</Length 44>>stream\nBT /F1 12"
          + " Tf 72 720 Td (Van ban thu) Tj ET\nendstream endobj 5 0 obj<</Type/Font/Subtype"
          + "/Type1/BaseFont/Helvetica>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n";

  @Test
  void aDraftWithoutCrossReferenceTableIsSignedInTwoSteps(@TempDir Path dir) throws Exception {
    Path draft =
        Files.writeString(dir.resolve("no-xref.pdf"), NO_XREF, StandardCharsets.ISO_8859_1);
    Path signed = dir.resolve("signed.pdf");
    PadesSigner signer = new PadesSigner(Fixtures.services());
    SignOptions options =
        SignOptions.of(SignatureLevel.B_T)
            .withAppearance(
                new Appearance.Leader(
                    "Nguyễn Văn A", "CHỦ TỊCH", null, new Placement(1, 330, 560, 200, 90)));
    try (Pkcs12KeySource source = Fixtures.demoKey(DemoPki.LEADER);
        BorrowedKey key = source.borrow()) {
      PendingSignature pending = signer.prepare(draft, options, key.chain());
      byte[] value = key.sign(pending.dataToSign());
      signer.finish(draft, PendingSignature.fromJson(pending.toJson()), value, signed);
    }
    assertThat(new PdfVerifier(Fixtures.services()).verify(signed).indication())
        .isEqualTo(Indication.TOTAL_PASSED);
  }
}
