package vn.lienthong.application.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UploadsTest {
  @Test
  void fileNamesKeepTheirBaseNameOnly() {
    assertThat(Uploads.cleanName("C:\\Users\\vt\\Công văn 12.pdf")).isEqualTo("Công văn 12.pdf");
    assertThat(Uploads.cleanName("../../etc/passwd")).isEqualTo("passwd");
    assertThat(Uploads.cleanName(null)).isEqualTo("van-ban.pdf");
    assertThat(Uploads.cleanName("a\u0000b.pdf")).isEqualTo("ab.pdf");
    assertThat(Uploads.cleanName("x".repeat(300))).hasSize(255);
    // a right-to-left override would show "Báo cáo\u202Efdp.exe" as "Báo cáoexe.pdf"
    assertThat(Uploads.cleanName("Báo cáo\u202Efdp.exe")).isEqualTo("Báo cáofdp.exe");
    assertThat(Uploads.cleanName("\u2066Quyết\u200B định\u2069.pdf")).isEqualTo("Quyết định.pdf");
  }
}
