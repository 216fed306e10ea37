package vn.lienthong.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.UUID;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.junit.jupiter.api.Test;
import vn.lienthong.signing.appearance.SealImages;

/**
 * A classification stamp on the first page holds the send until the sender confirms the document is
 * not classified; the refusal and the confirmation are audited. The word in ordinary text is no
 * stamp.
 */
class ClassifiedStampIT {
  private final Api api = TestServer.api();

  @Test
  void aStampedDocumentIsSentOnlyOnTheSendersWordAndBothAreAudited() throws IOException {
    UUID id = api.issued("vanthu.hoakhe", page("MẬT", "Về việc kiểm tra hồ sơ"));
    long refusals = audits("SEND_REFUSED_CLASSIFIED_STAMP", id);

    Api.Answer refused = api.send("vanthu.hoakhe", id, List.of(Api.NOI_VU));
    assertThat(refused.status()).as(refused.body()).isEqualTo(422);
    assertThat(refused.isProblem()).isTrue();
    assertThat(refused.json().getString("type")).endsWith("classified-stamp");
    assertThat(refused.json().getString("detail")).contains("MẬT");
    assertThat(audits("SEND_REFUSED_CLASSIFIED_STAMP", id)).isEqualTo(refusals + 1);
    assertThat(api.get("vanthu.hoakhe", "api/v1/documents/" + id).json().getString("status"))
        .isEqualTo("ISSUED");

    Api.Answer sent =
        api.postJson(
            "vanthu.hoakhe",
            "api/v1/documents/" + id + "/send",
            Json.createObjectBuilder()
                .add("recipients", Json.createArrayBuilder().add(Api.NOI_VU))
                .add("notClassifiedConfirmed", true)
                .build());
    assertThat(sent.status()).as(sent.body()).isEqualTo(202);
    assertThat(audits("CLASSIFIED_STAMP_CONFIRMED_NOT_CLASSIFIED", id)).isEqualTo(1);
  }

  @Test
  void theWordsInOrdinaryTextDoNotHoldTheSend() throws IOException {
    UUID id =
        api.issued(
            "vanthu.hoakhe",
            page(
                "Về việc đổi mật khẩu", "Báo cáo mật độ dân cư và quy chế bảo vệ BÍ MẬT NHÀ NƯỚC"));
    assertThat(api.send("vanthu.hoakhe", id, List.of(Api.NOI_VU)).status()).isEqualTo(202);
  }

  private static long audits(String action, UUID id) {
    return TestServer.count(
        "SELECT count(*) FROM audit_event WHERE action = '"
            + action
            + "' AND object_id = '"
            + id
            + "'");
  }

  /** A first page with the organ's name and each line given, in an embedded Vietnamese font. */
  private static byte[] page(String... lines) throws IOException {
    try (PDDocument document = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PDType0Font font =
          PDType0Font.load(document, new ByteArrayInputStream(SealImages.Fonts.serifTrueType()));
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        float y = 780;
        for (String line : concat("ỦY BAN NHÂN DÂN PHƯỜNG HÒA KHÊ", lines)) {
          content.beginText();
          content.setFont(font, 13);
          content.newLineAtOffset(90, y);
          content.showText(line);
          content.endText();
          y -= 30;
        }
      }
      document.save(out);
      return out.toByteArray();
    }
  }

  private static List<String> concat(String first, String... rest) {
    List<String> all = new java.util.ArrayList<>(List.of(first));
    all.addAll(List.of(rest));
    return all;
  }
}
