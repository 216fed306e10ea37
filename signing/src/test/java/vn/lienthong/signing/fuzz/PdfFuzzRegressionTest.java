package vn.lienthong.signing.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.signing.internal.pdf.PdfReader;

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

  @Test
  void leaderThenSealAtBLtHoldsEveryProperty(@TempDir Path dir) throws Exception {
    byte[] issued = FuzzSeeds.leaderThenSeal(dir);
    PdfProperties.readAndWrite(issued);
    PdfProperties.compareRevisions(issued);
  }
}
