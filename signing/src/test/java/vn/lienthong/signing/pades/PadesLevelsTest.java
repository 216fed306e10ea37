package vn.lienthong.signing.pades;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.lienthong.signing.Fixtures;
import vn.lienthong.signing.PdfSig;
import vn.lienthong.signing.key.BorrowedKey;
import vn.lienthong.signing.key.Pkcs12KeySource;
import vn.lienthong.signing.pki.DemoPki;
import vn.lienthong.signing.validation.Indication;
import vn.lienthong.signing.validation.PdfVerifier;
import vn.lienthong.signing.validation.SignatureVerdict;
import vn.lienthong.signing.validation.Verdict;

class PadesLevelsTest {

  static PadesSigner signer;
  static PdfVerifier verifier;

  @BeforeAll
  static void services() {
    signer = new PadesSigner(Fixtures.services());
    verifier = new PdfVerifier(Fixtures.services());
  }

  @ParameterizedTest
  @EnumSource(SignatureLevel.class)
  void eachLevelSignedWithPkcs12PassesOurVerifierAndPdfsig(
      SignatureLevel level, @TempDir Path dir) {
    Path input = Fixtures.samplePdf(dir, 3);
    Path output = Fixtures.target().resolve("signed-" + level.label() + ".pdf");

    try (Pkcs12KeySource source = Fixtures.demoKey(DemoPki.LEADER);
        BorrowedKey key = source.borrow()) {
      signer.sign(input, output, SignOptions.of(level), key);
    }

    Verdict verdict = verifier.verify(output);
    assertThat(verdict.indication()).isEqualTo(Indication.TOTAL_PASSED);
    assertThat(verdict.signatures()).hasSize(1);
    SignatureVerdict signature = verdict.signatures().get(0);
    assertThat(signature.signer()).isEqualTo("Nguyễn Văn Hùng");
    assertThat(signature.organization()).isEqualTo("UBND quận Thanh Khê (000.00.31.H17)");
    assertThat(signature.level()).isEqualTo("PAdES-BASELINE-" + level.label().substring(2));
    assertThat(signature.signingTime().getOffset().getTotalSeconds()).isEqualTo(7 * 3600);
    assertThat(signature.modifiedAfterSigning()).isFalse();

    // poppler/NSS agree the signature bytes are valid. B-B and B-T cover the whole file; B-LT adds
    // only its validation data after the signature; B-LTA ends with a document timestamp over all.
    String pdfsig = PdfSig.check(output);
    assertThat(pdfsig).contains("Signer Certificate Common Name: Nguyễn Văn Hùng");
    assertThat(pdfsig.split("Signature #2")[0])
        .contains("Signature Validation: Signature is Valid.")
        .contains("Certificate Validation: Certificate is Trusted.");
    String last = pdfsig.substring(pdfsig.lastIndexOf("Signature #"));
    if (level != SignatureLevel.B_LT) {
      assertThat(last)
          .contains("Total document signed")
          .doesNotContain("Not total document signed");
    }
  }
}
