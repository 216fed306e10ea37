package vn.lienthong.domain.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassificationStampTest {

  @Test
  void aStampStandsAloneInCapitals() {
    assertThat(ClassificationStamp.find(List.of("Số: 05/QĐ-UBND", "MẬT")))
        .contains(Classification.CONFIDENTIAL);
    assertThat(ClassificationStamp.find(List.of("TỐI MẬT"))).contains(Classification.SECRET);
    assertThat(ClassificationStamp.find(List.of(" TUYỆT  MẬT ")))
        .contains(Classification.TOP_SECRET);
    // in its box: punctuation and spaces around it
    assertThat(ClassificationStamp.find(List.of("[ MẬT ]"))).contains(Classification.CONFIDENTIAL);
    // decomposed diacritics read the same
    assertThat(ClassificationStamp.find(List.of("M\u00c2\u0323T")))
        .contains(Classification.CONFIDENTIAL);
  }

  @Test
  void theHighestStampCounts() {
    assertThat(ClassificationStamp.find(List.of("MẬT", "TUYỆT MẬT", "TỐI MẬT")))
        .contains(Classification.TOP_SECRET);
  }

  @Test
  void theWordsInsideTextAreNoStamp() {
    assertThat(
            ClassificationStamp.find(
                List.of(
                    "Đề nghị đổi mật khẩu tài khoản thư điện tử.",
                    "Báo cáo mật độ dân cư của phường.",
                    "QUY CHẾ BẢO VỆ BÍ MẬT NHÀ NƯỚC",
                    "BẢO MẬT",
                    "mật",
                    "Mật",
                    "MẬT KHẨU",
                    "MẬT ĐỘ DÂN CƯ")))
        .isEmpty();
    assertThat(ClassificationStamp.find(List.of())).isEmpty();
  }
}
