package vn.lienthong.signing.pades;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.signing.Fixtures;
import vn.lienthong.signing.TrustServices;
import vn.lienthong.signing.appearance.Appearance;
import vn.lienthong.signing.appearance.Placement;
import vn.lienthong.signing.internal.DssSupport;
import vn.lienthong.signing.key.BorrowedKey;
import vn.lienthong.signing.key.Pkcs12KeySource;
import vn.lienthong.signing.pki.DemoPki;
import vn.lienthong.signing.validation.Indication;
import vn.lienthong.signing.validation.PdfVerifier;

/**
 * The path for large scans (temporary files, file-backed PDFBox), exercised on a small document by
 * lowering the size limit; the opt-in memory check runs it on a 200 MB scan with -Xmx512m.
 */
class LargeDocumentPathTest {

  @BeforeEach
  void everythingIsLarge() {
    System.setProperty(DssSupport.LARGE_DOCUMENT_PROPERTY, "1");
  }

  @AfterEach
  void restore() {
    System.clearProperty(DssSupport.LARGE_DOCUMENT_PROPERTY);
  }

  @Test
  void signsExtendsAndVerifiesThroughTemporaryFilesAndCleansThemUp(@TempDir Path dir)
      throws Exception {
    Path spool = Files.createDirectory(dir.resolve("spool"));
    TrustServices services = Fixtures.services().withTempDirectory(spool);
    PadesSigner signer = new PadesSigner(services);
    Path input = Fixtures.samplePdf(dir, 3);
    Path leader = dir.resolve("leader.pdf");
    Path sealed = dir.resolve("sealed.pdf");
    Appearance.Leader box =
        new Appearance.Leader(
            "Nguyễn Văn Hùng", "Chủ tịch", null, new Placement(1, 330, 620, 200, 90));
    try (Pkcs12KeySource source = Fixtures.demoKey(DemoPki.LEADER);
        BorrowedKey key = source.borrow()) {
      signer.sign(input, leader, SignOptions.of(SignatureLevel.B_T).withAppearance(box), key);
    }
    try (Pkcs12KeySource source = Fixtures.demoKey(DemoPki.SEAL);
        BorrowedKey key = source.borrow()) {
      signer.sign(
          leader,
          sealed,
          SignOptions.of(SignatureLevel.B_LTA)
              .withAppearance(Appearance.Seal.over(box, DemoPki.DEMO_UNIT, null)),
          key);
    }

    var verdict = new PdfVerifier(services).verify(sealed);
    assertThat(verdict.indication()).isEqualTo(Indication.TOTAL_PASSED);
    assertThat(verdict.signatures()).hasSize(2);
    try (Stream<Path> left = Files.list(spool)) {
      assertThat(left).isEmpty();
    }
  }
}
