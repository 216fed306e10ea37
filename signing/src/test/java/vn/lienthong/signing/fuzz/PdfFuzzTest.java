package vn.lienthong.signing.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import vn.lienthong.signing.Fixtures;
import vn.lienthong.signing.key.BorrowedKey;
import vn.lienthong.signing.key.Pkcs12KeySource;
import vn.lienthong.signing.pades.PadesSigner;
import vn.lienthong.signing.pki.DemoPki;
import vn.lienthong.signing.validation.PdfVerifier;

/**
 * Jazzer fuzz targets. In the normal run each replays its seeds ({@code PdfFuzzTestInputs}, see
 * {@link FuzzSeeds}) as plain JUnit tests; with {@code JAZZER_FUZZ=1} (the {@code fuzz} profile of
 * this module, one target per JVM) Jazzer mutates them with coverage feedback, for the profile's
 * {@code fuzz.seconds} or else {@code maxDuration}, an input that takes more than 10 s (60 s for
 * the public API) being a finding too. A finding fails the test and leaves its input in {@code
 * target/crash-*} or {@code target/timeout-*}; it then becomes a named case in {@link
 * PdfFuzzRegressionTest}. (No JUnit {@code @Timeout} here: while fuzzing it would bound the whole
 * run, not one input.)
 */
class PdfFuzzTest {

  private static Path work;
  private static PadesSigner signer;
  private static PdfVerifier verifier;
  private static Pkcs12KeySource source;
  private static BorrowedKey key;

  /**
   * When fuzzing, the seed that is too large to check in (the B-LT document, two 32 KB
   * placeholders) is made now and put where Jazzer keeps the corpus it grows.
   */
  @BeforeAll
  static void generatedSeeds() throws IOException {
    String fuzzing = System.getenv("JAZZER_FUZZ");
    if (fuzzing == null || fuzzing.isEmpty()) {
      return;
    }
    Path base = Path.of(System.getProperty("jazzer.internal.basedir", "."));
    Path dir = Files.createTempDirectory(Fixtures.target(), "fuzz-seeds");
    byte[] seed = FuzzSeeds.leaderThenSeal(dir);
    for (String method : List.of("readerAndWriter", "revisionComparison", "publicApi")) {
      Path corpus =
          base.resolve(".cifuzz-corpus").resolve(PdfFuzzTest.class.getName()).resolve(method);
      Files.createDirectories(corpus);
      Files.write(corpus.resolve("leader-then-seal-b-lt.pdf"), seed);
    }
  }

  @AfterAll
  static void close() {
    if (key != null) {
      key.close();
      source.close();
    }
  }

  /** Property (a) of {@link PdfProperties}: reader, pages, permissions, both updates. */
  @FuzzTest(maxDuration = "5m")
  void readerAndWriter(byte[] input) {
    PdfProperties.readAndWrite(input);
  }

  /** Property (b): the revision comparison returns a list for any bytes and byte range. */
  @FuzzTest(maxDuration = "5m")
  void revisionComparison(byte[] input) {
    PdfProperties.compareRevisions(input);
  }

  /**
   * Property (c): the public API signs (B-B, no network) and verifies any bytes, or refuses them
   * with its own exceptions. Slow (DSS), so mostly its seeds.
   */
  @FuzzTest(maxDuration = "5m")
  void publicApi(byte[] input) throws IOException {
    PdfProperties.signAndVerify(input, services());
  }

  private static synchronized PdfProperties.Api services() throws IOException {
    if (signer == null) {
      work = Files.createTempDirectory(Fixtures.target(), "fuzz-api");
      signer = new PadesSigner(Fixtures.services());
      verifier = new PdfVerifier(Fixtures.services());
      source = Fixtures.demoKey(DemoPki.LEADER);
      key = source.borrow();
    }
    return new PdfProperties.Api(work, signer, verifier, key);
  }
}
