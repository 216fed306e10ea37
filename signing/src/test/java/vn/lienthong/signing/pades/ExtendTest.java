package vn.lienthong.signing.pades;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.signing.Fixtures;
import vn.lienthong.signing.key.BorrowedKey;
import vn.lienthong.signing.key.Pkcs12KeySource;
import vn.lienthong.signing.pki.DemoPki;
import vn.lienthong.signing.validation.Indication;
import vn.lienthong.signing.validation.PdfVerifier;
import vn.lienthong.signing.validation.Verdict;

class ExtendTest {

  @Test
  void bTisExtendedToLtaAndReTimestamped(@TempDir Path dir) throws Exception {
    PadesSigner signer = new PadesSigner(Fixtures.services());
    PdfVerifier verifier = new PdfVerifier(Fixtures.services());
    Path input = Fixtures.samplePdf(dir, 1);
    Path bt = dir.resolve("bt.pdf");
    try (Pkcs12KeySource source = Fixtures.demoKey(DemoPki.SEAL);
        BorrowedKey key = source.borrow()) {
      signer.sign(input, bt, SignOptions.of(SignatureLevel.B_T), key);
    }
    Path lta = dir.resolve("lta.pdf");
    signer.extend(bt, lta, SignatureLevel.B_LTA);
    Verdict first = verifier.verify(lta);
    assertThat(first.indication()).isEqualTo(Indication.TOTAL_PASSED);
    assertThat(first.signatures().get(0).level()).isEqualTo("PAdES-BASELINE-LTA");

    Thread.sleep(1000);
    Path again = dir.resolve("lta2.pdf");
    signer.extend(lta, again, SignatureLevel.B_LTA);
    assertThat(again.toFile().length()).isGreaterThan(lta.toFile().length());
    Verdict second = verifier.verify(again);
    assertThat(second.indication()).isEqualTo(Indication.TOTAL_PASSED);
    assertThat(second.signatures().get(0).level()).isEqualTo("PAdES-BASELINE-LTA");
  }
}
