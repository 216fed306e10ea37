package vn.lienthong.signing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.signing.Fixtures;
import vn.lienthong.signing.SoftHsm;

class SignToolTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    out.reset();
    err.reset();
    return new SignTool(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8))
        .run(args);
  }

  private String stdout() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void demoPkiSignExtendVerifyWithDocumentedExitCodes(@TempDir Path dir) throws Exception {
    String pki = dir.resolve("pki").toString();
    String in = Fixtures.samplePdf(dir, 1).toString();
    String leader = dir.resolve("leader.pdf").toString();
    String sealed = dir.resolve("sealed.pdf").toString();

    assertThat(run("demo-pki", "init", pki)).isEqualTo(SignTool.OK);
    assertThat(
            run(
                "sign",
                "--in",
                in,
                "--out",
                leader,
                "--level",
                "B-T",
                "--demo-pki",
                pki,
                "--pkcs12",
                pki + "/leader.p12",
                "--password",
                "demo",
                "--appearance",
                "leader",
                "--name",
                "Nguyễn Văn Hùng",
                "--position",
                "Chủ tịch"))
        .isEqualTo(SignTool.OK);
    assertThat(
            run(
                "sign",
                "--in",
                leader,
                "--out",
                sealed,
                "--level",
                "B-LT",
                "--demo-pki",
                pki,
                "--pkcs12",
                pki + "/seal.p12",
                "--password",
                "demo",
                "--appearance",
                "seal",
                "--unit",
                "UBND quận Thanh Khê"))
        .isEqualTo(SignTool.OK);
    String lta = dir.resolve("lta.pdf").toString();
    assertThat(run("extend", "--in", sealed, "--out", lta, "--demo-pki", pki))
        .isEqualTo(SignTool.OK);

    Path report = dir.resolve("etsi.xml");
    assertThat(
            run(
                "verify",
                "--in",
                lta,
                "--trust",
                pki + "/trust",
                "--demo-pki",
                pki,
                "--report",
                report.toString()))
        .isEqualTo(SignTool.OK);
    assertThat(stdout()).contains("\"indication\":\"TOTAL_PASSED\"").contains("PAdES-BASELINE-LTA");
    assertThat(Files.readString(report)).contains("ValidationReport");

    assertThat(run("verify", "--in", in, "--demo-pki", pki)).isEqualTo(SignTool.NO_SIGNATURE);
    assertThat(run("verify", "--in", lta)).isEqualTo(SignTool.CONFIG_ERROR);
    Path notPdf = Files.writeString(dir.resolve("x.pdf"), "hello");
    assertThat(run("verify", "--in", notPdf.toString(), "--demo-pki", pki))
        .isEqualTo(SignTool.BAD_DOCUMENT);
    assertThat(
            run(
                "sign",
                "--in",
                in,
                "--out",
                leader,
                "--demo-pki",
                pki,
                "--pkcs12",
                pki + "/leader.p12",
                "--password",
                "wrong"))
        .isEqualTo(SignTool.WRONG_PIN);
    assertThat(run("sign", "--in", in)).isEqualTo(SignTool.USAGE_ERROR);
    assertThat(run("sign", "--in", in, "--out", leader, "--level", "B-X", "--pkcs12", "a"))
        .isEqualTo(SignTool.USAGE_ERROR);

    assertThat(run("demo-pki", "revoke", pki, "clerk")).isEqualTo(SignTool.OK);
    String byClerk = dir.resolve("clerk.pdf").toString();
    assertThat(
            run(
                "sign",
                "--in",
                in,
                "--out",
                byClerk,
                "--level",
                "B-B",
                "--demo-pki",
                pki,
                "--pkcs12",
                pki + "/clerk.p12",
                "--password",
                "demo"))
        .isEqualTo(SignTool.OK);
    assertThat(run("verify", "--in", byClerk, "--demo-pki", pki))
        .isIn(SignTool.FAILED, SignTool.INDETERMINATE);
    assertThat(
            run(
                "sign",
                "--in",
                in,
                "--out",
                byClerk,
                "--level",
                "B-LT",
                "--demo-pki",
                pki,
                "--pkcs12",
                pki + "/clerk.p12",
                "--password",
                "demo"))
        .isEqualTo(SignTool.SIGNER_CERTIFICATE);
  }

  @Test
  void signsWithATokenAndReportsAnAbsentOne(@TempDir Path dir) {
    SoftHsm.ensureToken();
    String in = Fixtures.samplePdf(dir, 1).toString();
    String out = dir.resolve("hsm.pdf").toString();
    String pki = Fixtures.pki().directory().toString();
    assertThat(
            run(
                "sign",
                "--in",
                in,
                "--out",
                out,
                "--level",
                "B-T",
                "--demo-pki",
                pki,
                "--pkcs11-library",
                SoftHsm.LIBRARY.toString(),
                "--token-label",
                SoftHsm.TOKEN,
                "--key-label",
                SoftHsm.KEY_LABEL,
                "--pin",
                SoftHsm.PIN))
        .isEqualTo(SignTool.OK);
    assertThat(run("verify", "--in", out, "--demo-pki", pki)).isEqualTo(SignTool.OK);
    assertThat(
            run(
                "sign",
                "--in",
                in,
                "--out",
                out,
                "--demo-pki",
                pki,
                "--pkcs11-library",
                SoftHsm.LIBRARY.toString(),
                "--token-label",
                "unplugged",
                "--key-label",
                SoftHsm.KEY_LABEL,
                "--pin",
                SoftHsm.PIN))
        .isEqualTo(SignTool.KEY_UNAVAILABLE);
  }
}
