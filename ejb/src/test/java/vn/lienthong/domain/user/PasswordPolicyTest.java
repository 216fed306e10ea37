package vn.lienthong.domain.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import vn.lienthong.domain.InvalidInputException;

class PasswordPolicyTest {
  @Test
  void aLongVariedPasswordPasses() {
    assertThat(PasswordPolicy.problem("quantri", "Sông Hàn 2026 rực rỡ")).isNull();
  }

  @Test
  void eachShortfallIsNamed() {
    assertThat(PasswordPolicy.problem("quantri", "ngan-qua")).contains("ít nhất 12");
    assertThat(PasswordPolicy.problem("quantri", "aaaaaaaaaaaaaaa")).contains("5 ký tự khác");
    assertThat(PasswordPolicy.problem("quantri", "Password123")).contains("12");
    assertThat(PasswordPolicy.problem("quantri", "LienThong123")).contains("phổ biến");
    assertThat(PasswordPolicy.problem("quantri", "xx-QuanTri-2026!")).contains("tên đăng nhập");
    assertThat(PasswordPolicy.problem("quantri", "ă".repeat(20) + "bcdef" + "ơ".repeat(20)))
        .contains("72 byte");
  }

  @Test
  void twelveCharactersCountAsCharactersNotBytes() {
    assertThat(PasswordPolicy.problem("a", "Đà Nẵng 2026")).isNull();
  }

  @Test
  void checkRefusesWithTheReasonUnderPassword() {
    assertThatThrownBy(() -> PasswordPolicy.check("quantri", "demo"))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(
            e -> assertThat(((InvalidInputException) e).fieldErrors()).containsKey("password"));
  }
}
