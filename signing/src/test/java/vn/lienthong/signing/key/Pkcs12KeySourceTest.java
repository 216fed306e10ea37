package vn.lienthong.signing.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.signing.Fixtures;
import vn.lienthong.signing.pki.DemoPki;

class Pkcs12KeySourceTest {

  private final Path file = Fixtures.pki().keyStoreOf(DemoPki.CLERK);

  @Test
  void lendsTheOnlyKeyWithItsChain() {
    try (Pkcs12KeySource source = new Pkcs12KeySource(file, "demo".toCharArray(), null);
        BorrowedKey key = source.borrow()) {
      assertThat(key.chain()).hasSize(3);
      assertThat(key.certificate().getSubjectX500Principal().getName()).contains("Trần Thị Mai");
    }
  }

  @Test
  void wrongPasswordMissingAliasAndMissingFileAreDistinct(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> new Pkcs12KeySource(file, "wrong".toCharArray(), null))
        .isInstanceOf(WrongPinException.class);
    assertThatThrownBy(() -> new Pkcs12KeySource(file, "demo".toCharArray(), "nobody"))
        .isInstanceOf(KeyNotFoundException.class)
        .hasMessageContaining("nobody");
    assertThatThrownBy(
            () -> new Pkcs12KeySource(dir.resolve("none.p12"), "demo".toCharArray(), null))
        .isInstanceOf(TokenAbsentException.class);
    Path junk = Files.writeString(dir.resolve("junk.p12"), "not a key store");
    assertThatThrownBy(() -> new Pkcs12KeySource(junk, "demo".toCharArray(), null))
        .isInstanceOf(KeyUnavailableException.class);
  }
}
