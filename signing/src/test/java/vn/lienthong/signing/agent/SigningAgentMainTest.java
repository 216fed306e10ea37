package vn.lienthong.signing.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningAgentMainTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    out.reset();
    err.reset();
    return SigningAgent.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void helpPrintsTheUsage() {
    assertThat(run("--help")).isEqualTo(SigningAgent.OK);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("lienthong-agent")
        .contains("--pkcs11")
        .contains("--origin")
        .contains("--headless --pin-file");
  }

  @Test
  void badOptionsExitWith64(@TempDir Path home) throws Exception {
    String h = home.toString();
    String[][] bad = {
      {"--home", h},
      {"--home", h, "--bogus"},
      {"--home", h, "--pkcs12", "a.p12", "--pkcs11", "lib.so"},
      {"--home", h, "--pkcs12", "a.p12", "--port"},
      {"--home", h, "--pkcs12", "a.p12", "--port", "70000"},
      {"--home", h, "--pkcs12", "a.p12", "--origin", "https://a.example/path"},
      {"--home", h, "--pkcs12", "a.p12", "--origin", "ftp://a.example"},
      {"--home", h, "--pkcs12", "a.p12", "--token-label", "x"},
      {"--home", h, "--pkcs12", "a.p12", "--headless"},
      {"--home", h, "--pkcs11", "lib.so", "--token-label", "x", "--slot-index", "0"},
    };
    for (String[] args : bad) {
      assertThat(run(args)).as(String.join(" ", args)).isEqualTo(SigningAgent.USAGE_ERROR);
      assertThat(err.toString(StandardCharsets.UTF_8)).contains("--help");
    }
    Files.writeString(home.resolve("agent.properties"), "pin=1234\n");
    assertThat(run("--home", h, "--pkcs12", "a.p12")).isEqualTo(SigningAgent.USAGE_ERROR);
  }

  @Test
  void theConfigFileAddsOriginsAndFillsWhatTheCommandLineLeavesOut(@TempDir Path home)
      throws Exception {
    Files.writeString(
        home.resolve("agent.properties"),
        "origins = https://A.example:443, http://localhost:8080\nport = 9000\npkcs12 = x.p12\n");
    AgentConfig config =
        AgentConfig.parse(
            new String[] {
              "--home", home.toString(), "--port", "9100", "--origin", "https://b.example"
            });
    assertThat(config.origins())
        .containsExactly("https://b.example", "https://a.example", "http://localhost:8080");
    assertThat(config.port()).isEqualTo(9100);
    assertThat(config.pkcs12()).isEqualTo(Path.of("x.p12"));
    assertThat(config.pkcs11()).isNull();
    assertThat(config.headless()).isFalse();
  }

  @Test
  void aMissingTokenLibraryIsAConfigurationError(@TempDir Path home) {
    assertThat(run("--home", home.toString(), "--pkcs11", "/nonexistent/libtoken.so"))
        .isEqualTo(SigningAgent.CONFIG_ERROR);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("Không tìm thấy thư viện PKCS#11");
  }
}
