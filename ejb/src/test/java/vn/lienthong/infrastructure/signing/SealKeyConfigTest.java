package vn.lienthong.infrastructure.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SealKeyConfigTest {
  @TempDir Path dir;

  @Test
  void eachUnitHasItsTokenOrFile() throws Exception {
    Path secret = dir.resolve("pin");
    Files.writeString(secret, "123456\nignored\n");
    Path file = dir.resolve("seal-keys.properties");
    Files.writeString(
        file,
        "000.03.31.H17.type=pkcs11\n"
            + "000.03.31.H17.library=/usr/lib/softhsm/libsofthsm2.so\n"
            + "000.03.31.H17.token=qldt-seal\n"
            + "000.03.31.H17.key=seal\n"
            + "000.03.31.H17.pin=file:"
            + secret
            + "\n"
            + "000.04.31.H17.type=pkcs12\n"
            + "000.04.31.H17.file=/etc/lienthong/tp.p12\n"
            + "000.04.31.H17.password=demo\n");
    var entries = SealKeyConfig.read(file);
    assertThat(entries).containsOnlyKeys("000.03.31.H17", "000.04.31.H17");
    assertThat(entries.get("000.03.31.H17").description())
        .isEqualTo("PKCS#11 libsofthsm2.so token qldt-seal key seal");
    assertThat(entries.get("000.03.31.H17").problem()).isNull();
    // a unit whose file is missing cannot seal, and says why; the other units still can
    assertThat(entries.get("000.04.31.H17").description()).isEqualTo("PKCS#12 tp.p12");
    assertThat(entries.get("000.04.31.H17").source()).isNull();
    assertThat(entries.get("000.04.31.H17").problem()).contains("not found");
    assertThat(SealKeyConfig.secret("file:" + secret)).isEqualTo("123456");
    assertThat(SealKeyConfig.secret("plain")).isEqualTo("plain");
  }

  @Test
  void aMissingSettingOrTypeSaysWhichUnitAndWhat() throws Exception {
    Path file = dir.resolve("bad.properties");
    Files.writeString(file, "000.03.31.H17.type=pkcs11\n000.03.31.H17.library=/x.so\n");
    assertThatThrownBy(() -> SealKeyConfig.read(file))
        .hasMessageContaining("000.03.31.H17")
        .hasMessageContaining("token is missing");
    Files.writeString(file, "000.03.31.H17.type=smartcard\n");
    assertThatThrownBy(() -> SealKeyConfig.read(file)).hasMessageContaining("pkcs11 or pkcs12");
    assertThatThrownBy(() -> SealKeyConfig.secret("env:LIENTHONG_NO_SUCH_VARIABLE_X"))
        .hasMessageContaining("LIENTHONG_NO_SUCH_VARIABLE_X");
  }
}
