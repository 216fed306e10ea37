package vn.lienthong.domain.unit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitTest {
  @ParameterizedTest
  @CsvSource({
    "UBND, ubnd",
    "QLĐT, qldt",
    "TCKH, tckh",
    "Thạc Gián, thacgian",
    "Thanh Khê Đông, thanhkhedong",
    "Hòa Khê, hoakhe"
  })
  void accountKeyIsTheShortNameInPlainLowerCase(String shortName, String key) {
    assertThat(Unit.accountKey(shortName)).isEqualTo(key);
  }
}
