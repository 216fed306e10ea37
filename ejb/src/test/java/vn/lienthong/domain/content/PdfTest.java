package vn.lienthong.domain.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PdfTest {
  private static boolean pdf(String s) {
    byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
    return Pdf.hasHeader(b, b.length);
  }

  @Test
  void aPdfStartsWithItsHeaderAfterWhiteSpaceAtMost() {
    assertThat(pdf("%PDF-1.7\n")).isTrue();
    assertThat(pdf("\r\n \t\u0000\f%PDF-1.4")).isTrue();
    // the polyglots a reader's first-kilobyte rule lets through
    assertThat(pdf("garbage\n%PDF-1.4")).isFalse();
    assertThat(pdf("<html><script>x()</script>\n%PDF-1.4")).isFalse();
    assertThat(pdf("\u00ef\u00bb\u00bf%PDF-1.4")).isFalse(); // a UTF-8 byte-order mark
    assertThat(pdf(" ".repeat(1030) + "%PDF-1.4")).isFalse();
    assertThat(pdf("<html>")).isFalse();
    assertThat(pdf("%PDF")).isFalse();
    assertThat(pdf("")).isFalse();
  }

  @Test
  void hashIsLowerCaseHex() {
    assertThat(ContentHash.of(new byte[32]).hex()).isEqualTo("0".repeat(64));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new ContentHash("ABC"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
