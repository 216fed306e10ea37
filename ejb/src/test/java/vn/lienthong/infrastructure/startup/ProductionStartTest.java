package vn.lienthong.infrastructure.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each setting a production start needs: missing, it is named; given, nothing is said. */
class ProductionStartTest {
  @TempDir Path dir;

  private ProductionStart.Configuration complete() throws Exception {
    var pki = vn.lienthong.signing.pki.DemoPki.openOrCreate(dir.resolve("pki"), "http://x/pki");
    Path anchors = pki.trustFolder();
    Path tls;
    try (var files = Files.list(pki.directory())) {
      // any of the demo PKI's own key stores: a PKCS#12 file with a private key
      tls =
          files
              .filter(f -> f.toString().endsWith(".p12"))
              .filter(f -> !selfSigned(f))
              .findFirst()
              .orElseThrow();
    }
    Path units = Files.writeString(dir.resolve("units.json"), "{\"units\": []}");
    return new ProductionStart.Configuration(
        true,
        Optional.of(tls),
        Optional.of(vn.lienthong.signing.pki.DemoPki.DEMO_PASSWORD.toCharArray()),
        Optional.of(anchors),
        Optional.empty(),
        Optional.of(units));
  }

  static boolean selfSigned(Path p12) {
    try (var in = Files.newInputStream(p12)) {
      var ks = java.security.KeyStore.getInstance("PKCS12");
      ks.load(in, vn.lienthong.signing.pki.DemoPki.DEMO_PASSWORD.toCharArray());
      var cert = (java.security.cert.X509Certificate) ks.getCertificate(ks.aliases().nextElement());
      return cert.getSubjectX500Principal().equals(cert.getIssuerX500Principal());
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void aSelfSignedKeystoreIsNotTheUnitsTlsKey() throws Exception {
    var ok = complete();
    Path root;
    try (var files = Files.list(dir.resolve("pki"))) {
      root =
          files
              .filter(f -> f.toString().endsWith(".p12"))
              .filter(ProductionStartTest::selfSigned)
              .findFirst()
              .orElseThrow();
    }
    assertThat(
            ProductionStart.configurationProblems(
                new ProductionStart.Configuration(
                    true,
                    Optional.of(root),
                    ok.tlsKeystorePassword(),
                    ok.trustAnchors(),
                    ok.sealKeys(),
                    ok.unitsFile())))
        .singleElement()
        .asString()
        .contains("tự ký");
  }

  @Test
  void aCompleteConfigurationHasNoProblem() throws Exception {
    assertThat(ProductionStart.configurationProblems(complete())).isEmpty();
  }

  @Test
  void eachMissingSettingIsNamedByItsVariable() throws Exception {
    var ok = complete();
    assertThat(
            ProductionStart.configurationProblems(
                new ProductionStart.Configuration(
                    false,
                    ok.tlsKeystore(),
                    ok.tlsKeystorePassword(),
                    ok.trustAnchors(),
                    ok.sealKeys(),
                    ok.unitsFile())))
        .singleElement()
        .asString()
        .contains("POSTGRESQL_PASSWORD");
    assertThat(
            ProductionStart.configurationProblems(
                new ProductionStart.Configuration(
                    true,
                    Optional.empty(),
                    ok.tlsKeystorePassword(),
                    ok.trustAnchors(),
                    ok.sealKeys(),
                    ok.unitsFile())))
        .singleElement()
        .asString()
        .contains("LIENTHONG_TLS_KEYSTORE");
    assertThat(
            ProductionStart.configurationProblems(
                new ProductionStart.Configuration(
                    true,
                    ok.tlsKeystore(),
                    Optional.empty(),
                    ok.trustAnchors(),
                    ok.sealKeys(),
                    ok.unitsFile())))
        .singleElement()
        .asString()
        .contains("LIENTHONG_TLS_KEYSTORE_PASSWORD");
    assertThat(
            ProductionStart.configurationProblems(
                new ProductionStart.Configuration(
                    true,
                    ok.tlsKeystore(),
                    Optional.of("sai".toCharArray()),
                    ok.trustAnchors(),
                    ok.sealKeys(),
                    ok.unitsFile())))
        .singleElement()
        .asString()
        .contains("sai mật khẩu")
        .doesNotContain("sai\"");
    assertThat(
            ProductionStart.configurationProblems(
                new ProductionStart.Configuration(
                    true,
                    ok.tlsKeystore(),
                    ok.tlsKeystorePassword(),
                    Optional.empty(),
                    ok.sealKeys(),
                    ok.unitsFile())))
        .singleElement()
        .asString()
        .contains("LIENTHONG_TRUST_ANCHORS");
    assertThat(
            ProductionStart.configurationProblems(
                new ProductionStart.Configuration(
                    true,
                    ok.tlsKeystore(),
                    ok.tlsKeystorePassword(),
                    Optional.of(Files.createDirectories(dir.resolve("empty"))),
                    ok.sealKeys(),
                    ok.unitsFile())))
        .singleElement()
        .asString()
        .contains("không có chứng thư nào");
    assertThat(
            ProductionStart.configurationProblems(
                new ProductionStart.Configuration(
                    true,
                    ok.tlsKeystore(),
                    ok.tlsKeystorePassword(),
                    ok.trustAnchors(),
                    Optional.of(dir.resolve("khong-co.properties")),
                    ok.unitsFile())))
        .singleElement()
        .asString()
        .contains("LIENTHONG_SEAL_KEYS");
    assertThat(
            ProductionStart.configurationProblems(
                new ProductionStart.Configuration(
                    true,
                    ok.tlsKeystore(),
                    ok.tlsKeystorePassword(),
                    ok.trustAnchors(),
                    ok.sealKeys(),
                    Optional.of(dir.resolve("khong-co.json")))))
        .singleElement()
        .asString()
        .contains("LIENTHONG_UNITS_FILE");
  }

  @Test
  void theDemoAccountsAreEveryDataSetsAdminAndUnitAccounts() {
    assertThat(DemoDistrict.demoAccounts())
        .contains("admin", "vanthu.thacgian", "lanhdao.qldt", "chuyenvien.ubnd")
        .hasSizeGreaterThan(40);
  }
}
