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
    if (!TestServer.softHsm().isEmpty()) {
      // The unit's seal is on the SoftHSM token: there is no demo seal file it could have used,
      // and readiness lists the token it logged in to.
      assertThat(java.nio.file.Path.of("target", "it-data", "pki", "seal-" + Api.QLDT + ".p12"))
          .doesNotExist();
      var ready =
          api.send(
              java.net.http.HttpRequest.newBuilder(
                      TestServer.get().managementUri().resolve("health/ready"))
                  .build());
      assertThat(ready.body()).contains("qldt-seal");
    }

    assertThat(api.send("vanthu.qldt", id, List.of(NOI_VU, THAC_GIAN)).status()).isEqualTo(202);
    Await.until(
        java.time.Duration.ofMinutes(1),
        "delivery",
        () -> Inboxes.occurrences(api, "vanthu.thacgian", java.util.Set.of(id)).size() == 1);

    byte[] pdf = api.download("vanthu.thacgian", "api/v1/documents/" + id + "/file");
    // the leader's, the seal's with the number and date on page 1, the seal's over the leader's
    PdfSig.assertSignaturesValid(pdf, 3);
    // TestPdf has no Annex I header: the number and date go in page 1's top margin (20 mm)
    List<float[]> widgets = signatureWidgets(pdf);
    assertThat(widgets).hasSize(3);
    assertThat(widgets.get(1)[0]).isEqualTo(1f);
    assertThat(widgets.get(1)[1]).isLessThan(57f);

    // The recipient's inbox and document view show the verdict of each signature.
    JsonObject entry = inboxEntry("vanthu.thacgian", id);
    assertThat(entry.getString("signatureIndication")).isEqualTo("TOTAL_PASSED");
    assertThat(entry.getJsonArray("signatures")).hasSize(3);
    JsonObject view = api.get("vanthu.thacgian", "api/v1/documents/" + id).json();
    assertThat(view.getString("signatureIndication")).isEqualTo("TOTAL_PASSED");
    assertThat(view.getJsonArray("signatures").getJsonObject(1).getString("signer"))
        .contains("Phòng Quản lý đô thị");
    JsonObject trace = api.get("vanthu.qldt", "api/v1/documents/" + id + "/trace").json();
    assertThat(trace.getJsonArray("recipients").getJsonObject(1).getString("signatureIndication"))
        .isEqualTo("TOTAL_PASSED");

    HttpResponse<String> first = api.verify(pdf);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    JsonObject verdict = json(first.body());
    assertThat(verdict.getString("indication")).isEqualTo("TOTAL_PASSED");
    assertThat(verdict.getJsonArray("signatures")).hasSize(3);
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
    // The recipient's server verified these bytes on arrival: the public answer is that verdict.
    assertThat(first.headers().firstValue("X-Verdict-Cache")).contains("hit");

    // Known by its hash alone: no upload needed.
    Api.Answer byHash =
        api.get(null, "api/v1/verifications/" + verdict.getString("documentSha256"));
    assertThat(byHash.status()).isEqualTo(200);
    assertThat(byHash.json()).isEqualTo(verdict);
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
    assertThat(bad.headers().firstValue("X-Verdict-Cache")).contains("miss");
    assertThat(json(bad.body()).getString("indication")).isEqualTo("TOTAL_FAILED");
    HttpResponse<String> badAgain = api.verify(tampered);
    assertThat(badAgain.headers().firstValue("X-Verdict-Cache")).contains("hit");
    assertThat(json(badAgain.body())).isEqualTo(json(bad.body()));
  }

  @Test
  void aDocumentWhoseSignaturesFailOnArrivalIsFlaggedToBothSides() throws Exception {
    UUID id = api.issued("vanthu.tp", TestPdf.of(6_000, "Bi thay the"));
    byte[] issued = api.download("vanthu.tp", "api/v1/documents/" + id + "/file");
    byte[] tampered = issued.clone();
    tampered[indexOf(tampered, "Bi thay the".getBytes(StandardCharsets.US_ASCII))] = 'X';
    // The stored file is swapped behind the application's back (an insider, a broken disk): the
    // bytes are brought in as another draft, then the issued document is pointed at them.
    UUID carrier = api.draft("vanthu.tp", tampered);
    try (var c = TestServer.db();
        var ps =
            c.prepareStatement(
                "UPDATE outgoing_document SET file_sha256 ="
                    + " (SELECT file_sha256 FROM outgoing_document WHERE id = ?) WHERE id = ?")) {
      ps.setObject(1, carrier);
      ps.setObject(2, id);
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
    assertThat(api.send("vanthu.tp", id, List.of(Api.AN_KHE)).status()).isEqualTo(202);
    Await.until(
        java.time.Duration.ofMinutes(1),
        "delivery",
        () -> Inboxes.occurrences(api, "vanthu.ankhe", java.util.Set.of(id)).size() == 1);
    JsonObject entry = inboxEntry("vanthu.ankhe", id);
    assertThat(entry.getString("signatureIndication")).isEqualTo("TOTAL_FAILED");
    JsonObject trace = api.get("vanthu.tp", "api/v1/documents/" + id + "/trace").json();
    assertThat(trace.getJsonArray("recipients").getJsonObject(0).getString("signatureIndication"))
        .isEqualTo("TOTAL_FAILED");
  }

  @Test
  void aRevokedLeaderCertificateSignsNothingMoreWhileWhatItSignedBeforeStands() throws Exception {
    // lanhdao.nv signs nothing anywhere else in the suite: revoking it disturbs no other test.
    UUID before = api.issued("vanthu.nv", TestPdf.of(4_000, "Truoc thu hoi"));
    byte[] pdf = api.download("vanthu.nv", "api/v1/documents/" + before + "/file");
    JsonObject first = json(api.verify(pdf).body());
    assertThat(first.getString("indication")).isEqualTo("TOTAL_PASSED");
    // a revocation in the second of the last timestamp has no proof the signature came first
    awaitASecondAfterTheLastSignature(first);

    String cert =
        api.get("admin", "api/v1/users/lanhdao.nv/certificates")
            .array()
            .getJsonObject(0)
            .getString("sha256");
    assertThat(cert).hasSize(64);
    String encoded = demoLeaderCertificate("lanhdao.nv");
    assertProblem(
        api.postJson(
            "lanhdao.nv", "api/v1/demo/revocations", "{\"certificate\":\"" + encoded + "\"}"),
        403);
    // no compromisedSince: revoked from now on
    Api.Answer revoked =
        api.postJson("admin", "api/v1/demo/revocations", "{\"certificate\":\"" + encoded + "\"}");
    assertThat(revoked.status()).as(revoked.body()).isEqualTo(204);

    // A new signature with it is refused ...
    UUID after = api.draft("vanthu.nv", TestPdf.of(4_000, "Sau thu hoi"));
    Api.Answer refused =
        api.postJson("lanhdao.nv", "api/v1/documents/" + after + "/demo-signature", "");
    assertProblem(refused, 422);
    // ... and the document signed before is verified again, not answered from the cache. It still
    // passes: its timestamps prove the signatures existed before the revocation (ETSI EN 319 102-1,
    // past signature validation), as a paper signed before a dismissal stays signed.
    HttpResponse<String> again = api.verify(pdf);
    assertThat(again.headers().firstValue("X-Verdict-Cache")).contains("miss");
    assertThat(json(again.body()).getString("indication")).isEqualTo("TOTAL_PASSED");
  }

  @Test
  void aKeyCompromiseDatedBeforeASignatureFailsItOnTheNextVerification() throws Exception {
    // lanhdao.chinhgian (UBND phường Chính Gián) signs nothing anywhere else in the suite, and no
    // other test sends to or from that ward: revoking its certificate disturbs no other test.
    UUID id = api.issued("vanthu.chinhgian", TestPdf.of(4_000, "Truoc khi lo khoa"));
    byte[] pdf = api.download("vanthu.chinhgian", "api/v1/documents/" + id + "/file");
    JsonObject before = json(api.verify(pdf).body());
    assertThat(before.getString("indication")).isEqualTo("TOTAL_PASSED");
    JsonObject leader = before.getJsonArray("signatures").getJsonObject(0);
    assertThat(leader.getString("organization")).contains("demo");
    java.time.OffsetDateTime signed =
        java.time.OffsetDateTime.parse(leader.getString("signingTime"));
    String encoded = demoLeaderCertificate("lanhdao.chinhgian");

    // Not in the future, and a time it is: nothing is revoked by a refused request.
    String future = signed.plusDays(1).toString();
    Api.Answer tomorrow =
        api.postJson(
            "admin",
            "api/v1/demo/revocations",
            "{\"certificate\":\"" + encoded + "\",\"compromisedSince\":\"" + future + "\"}");
    assertProblem(tomorrow, 400);
    assertThat(tomorrow.json().getString("title")).isEqualTo("Dữ liệu không hợp lệ");
    assertThat(tomorrow.json().getJsonObject("errors").getString("compromisedSince"))
        .contains("tương lai");
    Api.Answer malformed =
        api.postJson(
            "admin",
            "api/v1/demo/revocations",
            "{\"certificate\":\"" + encoded + "\",\"compromisedSince\":\"hôm qua\"}");
    assertProblem(malformed, 400);
    assertThat(malformed.json().getJsonObject("errors").getString("compromisedSince"))
        .contains("ISO-8601");
    // a revocation would have emptied the verdict cache
    HttpResponse<String> still = api.verify(pdf);
    assertThat(still.headers().firstValue("X-Verdict-Cache")).contains("hit");
    assertThat(json(still.body()).getString("indication")).isEqualTo("TOTAL_PASSED");

    // the responder's next answer must come in a later second than the document's own answers:
    // of two answers of one second the verifier may keep either
    awaitASecondAfterTheLastSignature(before);
    // The token was stolen: the CA revokes for key compromise since a minute before the signature.
    String since = signed.minusMinutes(1).toString();
    Api.Answer revoked =
        api.postJson(
            "admin",
            "api/v1/demo/revocations",
            "{\"certificate\":\"" + encoded + "\",\"compromisedSince\":\"" + since + "\"}");
    assertThat(revoked.status()).as(revoked.body()).isEqualTo(204);

    // The document's own OCSP answer, from when it was signed, said "good"; the verifier asks for
    // the current status, and the signature's timestamp is after the revocation time.
    HttpResponse<String> again = api.verify(pdf);
    assertThat(again.headers().firstValue("X-Verdict-Cache")).contains("miss");
    JsonObject after = json(again.body());
    assertThat(after.getString("indication")).isNotEqualTo("TOTAL_PASSED");
    JsonObject leaderAfter = after.getJsonArray("signatures").getJsonObject(0);
    assertThat(leaderAfter.getString("indication")).isNotEqualTo("TOTAL_PASSED");
    assertThat(leaderAfter.getString("subIndication")).contains("REVOKED");
    assertThat(leaderAfter.getString("explanation")).contains("thu hồi");
    // the unit's seal, another certificate, still stands
    assertThat(after.getJsonArray("signatures").getJsonObject(1).getString("indication"))
        .isEqualTo("TOTAL_PASSED");
  }

  /**
   * Waits until two seconds after the last signature of {@code verdict}: timestamps, OCSP answers
   * and CRLs give whole seconds, so what happens in the same second has no order.
   */
  private static void awaitASecondAfterTheLastSignature(JsonObject verdict)
      throws InterruptedException {
    var signatures = verdict.getJsonArray("signatures");
    java.time.Instant last =
        java.time.OffsetDateTime.parse(
                signatures.getJsonObject(signatures.size() - 1).getString("signingTime"))
            .toInstant();
    long wait = java.time.Duration.between(java.time.Instant.now(), last).toMillis() + 2_000;
    if (wait > 0) {
      Thread.sleep(wait);
    }
  }

  /** The demo leader's certificate (base64 DER) from the key the server made for him. */
  private static String demoLeaderCertificate(String username) throws Exception {
    byte[] p12 =
        java.nio.file.Files.readAllBytes(
            java.nio.file.Path.of("target", "it-data", "pki")
                .resolve("leader-" + username + ".p12"));
    assertThat(p12).isNotEmpty();
    java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
    ks.load(new java.io.ByteArrayInputStream(p12), "demo".toCharArray());
    return java.util.Base64.getEncoder()
        .encodeToString(ks.getCertificate(ks.aliases().nextElement()).getEncoded());
  }

  @Test
  void publicVerificationIsRateLimitedPerClient() throws Exception {
    // from 127.0.0.2, so the other tests' budget on 127.0.0.1 is untouched
    int limit = TestServer.VERIFICATIONS_PER_MINUTE;
    RawHttp.Answer last = null;
    for (int i = 0; i <= limit + 1 && (last == null || last.status() != 429); i++) {
      last =
          RawHttp.postFrom(
              "127.0.0.2",
              TestServer.get().baseUri(),
              "api/v1/verifications",
              java.util.Map.of("Content-Type", "multipart/form-data; boundary=x"),
              "--x--\r\n".getBytes(StandardCharsets.US_ASCII));
    }
    assertThat(last.status()).isEqualTo(429);
    assertThat(last.isProblem()).isTrue();
    assertThat(last.headers()).containsKey("retry-after");
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
    assertThat(api.get(null, "api/v1/verifications/" + "1".repeat(64)).status()).isEqualTo(404);
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

  private JsonObject inboxEntry(String user, UUID id) {
    return Inboxes.entry(api, user, id);
  }

  static void assertProblem(Api.Answer a, int status) {
    assertThat(a.status()).as(a.body()).isEqualTo(status);
    assertThat(a.isProblem()).as(a.contentType()).isTrue();
  }

  static JsonObject json(String body) {
    return Json.createReader(new StringReader(body)).readObject();
  }

  /** Each signature's widget: its page (from 1) and its top edge, in points from the page's top. */
  static List<float[]> signatureWidgets(byte[] pdf) {
    try (var document = org.apache.pdfbox.Loader.loadPDF(pdf)) {
      List<float[]> widgets = new java.util.ArrayList<>();
      for (var field : document.getSignatureFields()) {
        var widget = field.getWidgets().get(0);
        var page = widget.getPage();
        widgets.add(
            new float[] {
              document.getPages().indexOf(page) + 1,
              page.getCropBox().getUpperRightY() - widget.getRectangle().getUpperRightY()
            });
      }
      return widgets;
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
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
