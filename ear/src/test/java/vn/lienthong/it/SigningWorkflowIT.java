package vn.lienthong.it;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienthong.it.Api.NOI_VU;
import static vn.lienthong.it.Api.THAC_GIAN;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The signing workflow on the real server in demo mode: the officer drafts, the leader signs (demo
 * signer), the clerk issues with number, date and the unit's seal, the document is sent and its
 * recipient verifies it; the public endpoint judges the file and a tampered copy.
 */
class SigningWorkflowIT {
  private final Api api = TestServer.api();

  @Test
  void draftSignIssueSendAndVerify() {
    UUID id = api.draft("chuyenvien.qldt", TestPdf.of(30_000, "Ke hoach trien khai"));

    // No number without the leader's signature; only the leader signs.
    assertProblem(api.postJson("vanthu.qldt", "api/v1/documents/" + id + "/issue", ""), 409);
    assertProblem(
        api.postJson("vanthu.qldt", "api/v1/documents/" + id + "/demo-signature", ""), 403);

    Api.Answer signed =
        api.postJson("lanhdao.qldt", "api/v1/documents/" + id + "/demo-signature", "");
    assertThat(signed.status()).as(signed.body()).isEqualTo(200);
    assertThat(signed.json().getString("status")).isEqualTo("SIGNED");
    assertThat(signed.json().getString("signedBy")).isEqualTo("lanhdao.qldt");
    // signed once
    assertProblem(
        api.postJson("lanhdao.qldt", "api/v1/documents/" + id + "/demo-signature", ""), 409);

    Api.Answer issued = api.postJson("vanthu.qldt", "api/v1/documents/" + id + "/issue", "");
    assertThat(issued.status()).as(issued.body()).isEqualTo(200);
    assertThat(issued.json().getString("notation")).matches("\\d{2,}/QLĐT");
    assertThat(issued.json().getInt("number")).isPositive();
    assertProblem(api.postJson("vanthu.qldt", "api/v1/documents/" + id + "/issue", ""), 409);
    assertProblem(
        api.postJson("lanhdao.qldt", "api/v1/documents/" + id + "/demo-signature", ""), 409);

    assertThat(api.send("vanthu.qldt", id, List.of(NOI_VU, THAC_GIAN)).status()).isEqualTo(202);
    Await.until(
        java.time.Duration.ofMinutes(1),
        "delivery",
        () -> Inboxes.occurrences(api, "vanthu.thacgian", java.util.Set.of(id)).size() == 1);

    byte[] pdf = api.download("vanthu.thacgian", "api/v1/documents/" + id + "/file");
    PdfSig.assertSignaturesValid(pdf, 2);

    HttpResponse<String> first = api.verify(pdf);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    JsonObject verdict = json(first.body());
    assertThat(verdict.getString("indication")).isEqualTo("TOTAL_PASSED");
    assertThat(verdict.getJsonArray("signatures")).hasSize(2);
    for (var s : verdict.getJsonArray("signatures")) {
      JsonObject sig = s.asJsonObject();
      assertThat(sig.getString("indication")).isEqualTo("TOTAL_PASSED");
      assertThat(sig.getString("level")).contains("LT");
      assertThat(sig.getJsonArray("changesAfterSigning")).isEmpty();
      assertThat(sig.getString("organization")).contains("Quản lý đô thị");
    }
    assertThat(verdict.getJsonArray("signatures").getJsonObject(0).getString("organization"))
        .as("the demo signer's signature says it is a demo")
        .contains("demo");
    assertThat(first.headers().firstValue("X-Verdict-Cache")).contains("miss");
    HttpResponse<String> again = api.verify(pdf);
    assertThat(again.headers().firstValue("X-Verdict-Cache")).contains("hit");
    assertThat(json(again.body())).isEqualTo(verdict);

    Api.Answer report =
        api.get(null, "api/v1/verifications/" + verdict.getString("documentSha256") + "/report");
    assertThat(report.status()).isEqualTo(200);
    assertThat(report.body()).contains("ValidationReport");

    // One byte of the page content changed: the signatures no longer cover what is shown.
    byte[] tampered = pdf.clone();
    int at = indexOf(tampered, "Ke hoach trien khai".getBytes(StandardCharsets.US_ASCII));
    assertThat(at).isPositive();
    tampered[at] = 'X';
    HttpResponse<String> bad = api.verify(tampered);
    assertThat(bad.statusCode()).isEqualTo(200);
    assertThat(json(bad.body()).getString("indication")).isEqualTo("TOTAL_FAILED");
  }

  @Test
  void publicVerificationRefusesWhatIsNotASignedPdfWithAProblem() {
    HttpResponse<String> notPdf = api.verify("xin chào".getBytes(StandardCharsets.UTF_8));
    assertThat(notPdf.statusCode()).isEqualTo(415);
    assertThat(notPdf.headers().firstValue("Content-Type")).contains("application/problem+json");

    HttpResponse<String> unsigned = api.verify(TestPdf.of(2_000, "khong ky"));
    assertThat(unsigned.statusCode()).isEqualTo(200);
    assertThat(json(unsigned.body()).getString("indication")).isEqualTo("NO_SIGNATURE");

    byte[] damaged = TestPdf.of(2_000, "hong");
    java.util.Arrays.fill(damaged, 20, damaged.length, (byte) '#');
    HttpResponse<String> broken = api.verify(damaged);
    assertThat(broken.statusCode()).as(broken.body()).isBetween(200, 499);

    assertThat(api.get(null, "api/v1/verifications/abc/report").status()).isEqualTo(400);
    assertThat(api.get(null, "api/v1/verifications/" + "0".repeat(64) + "/report").status())
        .isEqualTo(404);
  }

  @Test
  void demoPkiIsServedAtTheUrlsItsCertificatesName() {
    Api.Answer crl = api.get(null, "pki/crl/issuing-ca.crl");
    assertThat(crl.status()).isEqualTo(200);
    assertThat(crl.contentType()).isEqualTo("application/pkix-crl");
    assertThat(api.get(null, "pki/ca/root-ca.cer").status()).isEqualTo(200);
    assertThat(api.get(null, "pki/nothing-here").status()).isEqualTo(404);
  }

  static void assertProblem(Api.Answer a, int status) {
    assertThat(a.status()).as(a.body()).isEqualTo(status);
    assertThat(a.isProblem()).as(a.contentType()).isTrue();
  }

  static JsonObject json(String body) {
    return Json.createReader(new StringReader(body)).readObject();
  }

  static int indexOf(byte[] data, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= data.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (data[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
