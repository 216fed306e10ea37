package vn.lienthong.signing.fuzz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.signing.internal.pdf.PdfReader;
import vn.lienthong.signing.internal.pdf.SignatureIncrement;
import vn.lienthong.signing.internal.pdf.UnsupportedPdfException;

/**
 * What the fuzz tests found, each as a named case with its input made by code ({@link TinyPdf}),
 * and the seed that is too large to check in, replayed through every property.
 */
class PdfFuzzRegressionTest {

  @Test
  void tinyPdfIsReadAndSigned() throws Exception {
    byte[] pdf = new TinyPdf().bytes();
    try (PdfReader reader = PdfReader.of(pdf)) {
      assertThat(reader.pages()).hasSize(1);
    }
    PdfProperties.readAndWrite(pdf);
  }

  /** PdfParser.integer took 19 digits as a long: 2^63 threw NumberFormatException. */
  @Test
  void startxrefOfNineteenDigitsBeyondALongIsRefusedNotNumberFormatException() {
    byte[] pdf = new TinyPdf().startXref("9223372036854775808").bytes();
    assertThatThrownBy(() -> PdfReader.of(pdf)).isInstanceOf(UnsupportedPdfException.class);
    PdfProperties.readAndWrite(pdf);
  }

  @Test
  void objectNumberBeyondALongInAnObjectHeaderIsRefusedNotNumberFormatException() throws Exception {
    byte[] pdf = new TinyPdf().header(2, "9223372036854775808 0 obj").bytes();
    try (PdfReader reader = PdfReader.of(pdf)) {
      assertThatThrownBy(reader::pages).isInstanceOf(UnsupportedPdfException.class);
    }
    PdfProperties.readAndWrite(pdf);
  }

  /**
   * SignatureIncrement numbered its objects after /Size (or the highest number) without a bound:
   * objects 8,388,608 and up, which no PDF may hold, so the signed file did not re-open.
   */
  @Test
  void sizeAtTheObjectNumberLimitRefusesTheSignatureNotNumbersObjectsBeyondIt() throws Exception {
    byte[] pdf = new TinyPdf().trailer("/Size 8388607").bytes();
    try (PdfReader reader = PdfReader.of(pdf)) {
      assertThatThrownBy(() -> SignatureIncrement.build(reader, PdfProperties.INVISIBLE))
          .isInstanceOf(UnsupportedPdfException.class)
          .hasMessageContaining("object numbers");
    }
    PdfProperties.readAndWrite(pdf);
    // three numbers below the limit leave room for the signature, its widget and the form
    byte[] roomy = new TinyPdf().trailer("/Size 8388605").bytes();
    try (PdfReader reader = PdfReader.of(roomy)) {
      assertThat(SignatureIncrement.build(reader, PdfProperties.INVISIBLE).bytes()).isNotEmpty();
    }
    PdfProperties.readAndWrite(roomy);
  }

  @Test
  void leaderThenSealAtBLtHoldsEveryProperty(@TempDir Path dir) throws Exception {
    byte[] issued = FuzzSeeds.leaderThenSeal(dir);
    PdfProperties.readAndWrite(issued);
    PdfProperties.compareRevisions(issued);
  }
}
