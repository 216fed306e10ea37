package vn.lienthong.signing.validation;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.signing.Fixtures;
import vn.lienthong.signing.InvalidDocumentException;
import vn.lienthong.signing.InvalidDocumentException.Reason;
import vn.lienthong.signing.key.BorrowedKey;
import vn.lienthong.signing.key.Pkcs12KeySource;
import vn.lienthong.signing.pades.PadesSigner;
import vn.lienthong.signing.pades.SignOptions;
import vn.lienthong.signing.pades.SignatureLevel;
import vn.lienthong.signing.pki.DemoPki;

class BadInputTest {

  private static void refused(Path file, Reason reason, Path dir) {
    PdfVerifier verifier = new PdfVerifier(Fixtures.services());
    assertThatThrownBy(() -> verifier.verify(file))
        .isInstanceOf(InvalidDocumentException.class)
        .extracting(e -> ((InvalidDocumentException) e).reason())
        .isEqualTo(reason);
    try (Pkcs12KeySource source = Fixtures.demoKey(DemoPki.CLERK);
        BorrowedKey key = source.borrow()) {
      assertThatThrownBy(
              () ->
                  new PadesSigner(Fixtures.services())
                      .sign(file, dir.resolve("out.pdf"), SignOptions.of(SignatureLevel.B_B), key))
          .isInstanceOf(InvalidDocumentException.class)
          .extracting(e -> ((InvalidDocumentException) e).reason())
          .isEqualTo(reason);
    }
  }

  @Test
  void notAPdf(@TempDir Path dir) throws Exception {
    refused(
        Files.writeString(dir.resolve("invoice.pdf"), "<xml>not a pdf</xml>"), Reason.NOT_PDF, dir);
    refused(Files.write(dir.resolve("empty.pdf"), new byte[0]), Reason.NOT_PDF, dir);
  }

  @Test
  void truncatedOrGarbledPdfIsDamaged(@TempDir Path dir) throws Exception {
    byte[] pdf = Files.readAllBytes(Fixtures.samplePdf(dir, 2));
    refused(
        Files.write(dir.resolve("cut.pdf"), Arrays.copyOf(pdf, pdf.length / 2)),
        Reason.DAMAGED,
        dir);
    byte[] garbled = pdf.clone();
    for (int i = 20; i < garbled.length - 10; i++) {
      garbled[i] = (byte) (i * 31);
    }
    refused(Files.write(dir.resolve("garbled.pdf"), garbled), Reason.DAMAGED, dir);
  }

  @Test
  void encryptedPdf(@TempDir Path dir) throws Exception {
    Path plain = Fixtures.samplePdf(dir, 1);
    for (String userPassword : new String[] {"", "secret"}) {
      Path encrypted = dir.resolve("encrypted-" + userPassword.length() + ".pdf");
      try (PDDocument document = Loader.loadPDF(plain.toFile())) {
        StandardProtectionPolicy policy =
            new StandardProtectionPolicy("owner", userPassword, new AccessPermission());
        policy.setEncryptionKeyLength(128);
        document.protect(policy);
        document.save(encrypted.toFile());
      }
      refused(encrypted, Reason.ENCRYPTED, dir);
    }
  }
}
