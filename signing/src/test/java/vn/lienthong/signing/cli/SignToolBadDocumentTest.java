package vn.lienthong.signing.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.signing.Fixtures;
import vn.lienthong.signing.HostilePdfs;
import vn.lienthong.signing.pki.DemoPki;

/**
 * The command-line tool on hostile documents: exit code 65 (bad document) with one line that says
 * why, never a Java stack trace, and no output file.
 */
class SignToolBadDocumentTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    out.reset();
    err.reset();
    return assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () ->
            new SignTool(
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(err, true, StandardCharsets.UTF_8))
                .run(args));
  }

  private int sign(Path in, Path outFile) {
    DemoPki pki = Fixtures.pki();
    return run(
        "sign",
        "--in",
        in.toString(),
        "--out",
        outFile.toString(),
        "--level",
        "B-B",
        "--demo-pki",
        pki.directory().toString(),
        "--pkcs12",
        pki.keyStoreOf(DemoPki.LEADER).toString(),
        "--password",
        DemoPki.DEMO_PASSWORD);
  }

  private int verify(Path in) {
    return run(
        "verify", "--in", in.toString(), "--demo-pki", Fixtures.pki().directory().toString());
  }

  private String stderr() {
    return err.toString(StandardCharsets.UTF_8);
  }

  private void assertOneLineWithoutStackTrace(String reason) {
    assertThat(stderr())
        .startsWith("Bad document (" + reason + "): ")
        .doesNotContain("\tat ")
        .doesNotContain("Exception in thread")
        .hasLineCount(1);
  }

  @Test
  void signingAPageTreeThatContainsItselfExits65(@TempDir Path dir) throws Exception {
    Path in = Files.write(dir.resolve("cycle.pdf"), HostilePdfs.pageTreeCycle());
    Path signed = dir.resolve("signed.pdf");

    assertThat(sign(in, signed)).isEqualTo(SignTool.BAD_DOCUMENT);
    assertOneLineWithoutStackTrace("DAMAGED");
    assertThat(stderr()).contains("The page tree contains itself");
    assertThat(signed).doesNotExist();

    // unsigned, and DSS has no page to walk for it
    assertThat(verify(in)).isEqualTo(SignTool.NO_SIGNATURE);
    assertThat(stderr()).isEmpty();
  }

  @Test
  void signingOrVerifyingObjectsNested100000DeepExits65(@TempDir Path dir) throws Exception {
    Path in = Files.write(dir.resolve("deep.pdf"), HostilePdfs.nestedInCatalog(100_000));
    Path signed = dir.resolve("signed.pdf");

    assertThat(sign(in, signed)).isEqualTo(SignTool.BAD_DOCUMENT);
    assertOneLineWithoutStackTrace("TOO_COMPLEX");
    assertThat(signed).doesNotExist();

    // our reader stops at the same bound before PDFBox reads anything
    assertThat(verify(in)).isEqualTo(SignTool.BAD_DOCUMENT);
    assertOneLineWithoutStackTrace("TOO_COMPLEX");
  }

  @Test
  void signingADocumentWhoseSignatureLocksTheFormExits65(@TempDir Path dir) throws Exception {
    Path original = Files.write(dir.resolve("draft.pdf"), HostilePdfs.minimal().table());
    Path first = dir.resolve("first.pdf");
    assertThat(sign(original, first)).isEqualTo(SignTool.OK);
    Path locked =
        Files.write(
            dir.resolve("locked.pdf"),
            HostilePdfs.withLock(Files.readAllBytes(first), "<< /Action /All >>"));
    Path second = dir.resolve("second.pdf");

    assertThat(sign(locked, second)).isEqualTo(SignTool.BAD_DOCUMENT);
    assertOneLineWithoutStackTrace("SIGNING_NOT_PERMITTED");
    assertThat(stderr()).contains("locks the form (/Lock)");
    assertThat(second).doesNotExist();

    Path certified = Files.write(dir.resolve("certified.pdf"), HostilePdfs.certifiedNoChanges());
    assertThat(sign(certified, second)).isEqualTo(SignTool.BAD_DOCUMENT);
    assertOneLineWithoutStackTrace("SIGNING_NOT_PERMITTED");
    assertThat(stderr()).contains("DocMDP permission 1");
    assertThat(second).doesNotExist();
  }
}
