package vn.lienthong.signing.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PinPromptTest {

  @Test
  void textFromThePageLosesTerminalEscapesAndDirectionOverrides() {
    assertThat(PinPrompt.clean("Quyết định\u001b[2J\u001b]0;x\u0007 số 12", 100))
        .isEqualTo("Quyết định [2J ]0;x  số 12");
    assertThat(PinPrompt.clean("Hợp đồng \u202Efdp.exe", 100)).isEqualTo("Hợp đồng  fdp.exe");
    assertThat(PinPrompt.clean("dòng 1\ndòng 2\u2028", 100)).isEqualTo("dòng 1 dòng 2");
    assertThat(PinPrompt.clean("a".repeat(10), 4)).isEqualTo("aaaa…");
    assertThat(PinPrompt.clean(null, 4)).isNull();
  }

  @Test
  void theBatchSaysWhatIsSignedAndWhatIsNot() {
    PinPrompt.Batch batch =
        new PinPrompt.Batch(
            null,
            "Nguyễn Văn Hùng",
            "CN=Nguyễn Văn Hùng",
            "USB token 'VNPT-CA'",
            "chứng thư số đã hết hạn",
            List.of(new PinPrompt.Document("Quyết định 12", "12/QĐ-UBND", "ab".repeat(32))),
            List.of(new PinPrompt.Refused("Công văn 3", "dataToSign không hợp lệ")));
    assertThat(batch.text())
        .contains("một chương trình trên máy này")
        .contains("Người ký: Nguyễn Văn Hùng")
        .contains("CHÚ Ý: chứng thư số đã hết hạn")
        .contains("Số văn bản sẽ ký: 1")
        .contains("12/QĐ-UBND")
        .contains("ab".repeat(32))
        .contains("Công văn 3: dataToSign không hợp lệ");
  }
}
