package vn.lienthong.it;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienthong.it.Api.AN_KHE;
import static vn.lienthong.it.Api.NOI_VU;
import static vn.lienthong.it.Api.QLDT;
import static vn.lienthong.it.Api.THAC_GIAN;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The first real flow: a document sent from one unit lands in the inboxes of the others. */
class ExchangeIT {
  private final Api api = TestServer.api();

  @Test
  void directoryListsTheDemoDistrictToLoggedInUsersOnly() {
    Api.Answer units = api.get("chuyenvien.thacgian", "api/v1/units");
    assertThat(units.status()).isEqualTo(200);
    assertThat(units.array()).hasSize(16);
    JsonObject first = units.array().getJsonObject(0);
    assertThat(first.getString("code")).isEqualTo("000.00.31.H17");
    assertThat(first.getString("name")).isEqualTo("Ủy ban nhân dân quận Thanh Khê");
    assertThat(first.getString("notation")).isEqualTo("UBND");
    assertThat(units.array().stream().map(JsonValue::asJsonObject))
        .anySatisfy(u -> assertThat(u.getString("notation")).isEqualTo("QLĐT"))
        .anySatisfy(u -> assertThat(u.getString("name")).contains("Thanh Khê Đông"));

    Api.Answer anonymous = api.get(null, "api/v1/units");
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.isProblem()).isTrue();
    assertThat(anonymous.json().getString("title")).startsWith("Chưa đăng nhập");

    Api.Answer wrongPassword =
        api.getWithAuthorization(
            "Basic " + java.util.Base64.getEncoder().encodeToString("vanthu.ubnd:sai".getBytes()),
            "api/v1/units");
    assertThat(wrongPassword.status()).isEqualTo(401);
    assertThat(wrongPassword.isProblem()).isTrue();
  }

  @Test
  void twoSendsOfOneDocumentAtOnceAreOne202AndOne409() throws Exception {
    for (int round = 0; round < 5; round++) {
      UUID id = api.issued("vanthu.tp", TestPdf.of(2_000, "Gui dong thoi " + round));
      java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(2);
      java.util.concurrent.ExecutorService pool =
          java.util.concurrent.Executors.newFixedThreadPool(2);
      try {
        List<java.util.concurrent.Future<Api.Answer>> sends = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
          sends.add(
              pool.submit(
                  () -> {
                    start.await();
                    return api.send("vanthu.tp", id, List.of(NOI_VU));
                  }));
        }
        List<Integer> statuses = new java.util.ArrayList<>();
        for (var f : sends) {
          Api.Answer a = f.get();
          statuses.add(a.status());
          if (a.status() != 202) {
            assertThat(a.isProblem()).as(a.body()).isTrue();
          }
        }
        assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(202, 409);
        // one envelope, one delivery
        assertThat(
                TestServer.count("SELECT count(*) FROM envelope WHERE document_id = '" + id + "'"))
            .isEqualTo(1);
      } finally {
        pool.shutdownNow();
      }
    }
  }

  @Test
  void sentDocumentReachesEachRecipientAndNoOtherUnit() {
    byte[] pdf = TestPdf.of(20_000, "Cong van thu nghiem");
    UUID id = api.draft("chuyenvien.qldt", pdf);

    // Only the clerk sends.
    Api.Answer byOfficer = api.send("chuyenvien.qldt", id, List.of(NOI_VU, THAC_GIAN));
    assertThat(byOfficer.status()).isEqualTo(403);
    assertThat(byOfficer.isProblem()).isTrue();

    // Only an issued document is sent: the leader signs, the clerk issues.
    Api.Answer draftSend = api.send("vanthu.qldt", id, List.of(NOI_VU, THAC_GIAN));
    assertThat(draftSend.status()).isEqualTo(409);
    assertThat(draftSend.json().getString("detail")).contains("chưa được ban hành");
    api.signAndIssue("vanthu.qldt", id);

    Api.Answer sent = api.send("vanthu.qldt", id, List.of(NOI_VU, THAC_GIAN));
    assertThat(sent.status()).isEqualTo(202);
    String notation = sent.json().getString("notation");
    assertThat(notation).matches("\\d{2,}/QLĐT");

    Await.until(
        Duration.ofSeconds(30),
        "both inboxes",
        () -> inboxHas("vanthu.nv", id) && inboxHas("vanthu.thacgian", id));
    JsonObject entry = inboxEntry("lanhdao.thacgian", id);
    assertThat(entry.getString("statusCode")).isEqualTo("01");
    assertThat(entry.getString("statusLabel")).isEqualTo("Đã đến");
    assertThat(entry.getString("notation")).isEqualTo(notation);
    assertThat(entry.getString("senderCode")).isEqualTo(QLDT);
    assertThat(entry.getString("abstract")).isEqualTo("Về việc thử nghiệm liên thông");

    // A unit that was not a recipient neither lists it nor can read it.
    assertThat(inboxHas("vanthu.ankhe", id)).isFalse();
    Api.Answer foreign = api.get("lanhdao.ankhe", "api/v1/documents/" + id);
    assertThat(foreign.status()).isEqualTo(404);
    assertThat(foreign.isProblem()).isTrue();
    assertThat(api.get("lanhdao.ankhe", "api/v1/documents/" + id + "/file").status())
        .isEqualTo(404);

    // Recipients read the document and its issued PDF, byte for byte: the draft with the leader's
    // and the seal's signatures appended as incremental updates.
    Api.Answer seen = api.get("vanthu.nv", "api/v1/documents/" + id);
    assertThat(seen.status()).isEqualTo(200);
    byte[] received = api.download("chuyenvien.thacgian", "api/v1/documents/" + id + "/file");
    assertThat(java.util.Arrays.copyOf(received, pdf.length)).isEqualTo(pdf);
    assertThat(sha256(received)).isEqualTo(seen.json().getString("fileSha256"));

    // The sender's trace shows each recipient at 01, with its history.
    JsonObject trace = api.get("vanthu.qldt", "api/v1/documents/" + id + "/trace").json();
    assertThat(trace.getJsonArray("recipients")).hasSize(2);
    for (JsonValue v : trace.getJsonArray("recipients")) {
      JsonObject r = v.asJsonObject();
      assertThat(r.getString("code")).isIn(NOI_VU, THAC_GIAN);
      assertThat(r.getString("statusCode")).isEqualTo("01");
      assertThat(r.getJsonArray("history")).hasSize(2);
    }
    // Only the sender traces.
    assertThat(api.get("vanthu.nv", "api/v1/documents/" + id + "/trace").status()).isEqualTo(404);
    assertThat(api.get("vanthu.ankhe", "api/v1/documents/" + id + "/trace").status())
        .isEqualTo(404);
  }

  @Test
  void registerNumbersRunOnWithoutGapsPerUnit() {
    byte[] pdf = TestPdf.of(5_000, "So thu tu");
    int previous = -1;
    for (int i = 0; i < 3; i++) {
      UUID id = api.issued("vanthu.tp", pdf);
      Api.Answer sent = api.send("vanthu.tp", id, List.of(AN_KHE));
      assertThat(sent.status()).isEqualTo(202);
      int number = Integer.parseInt(sent.json().getString("notation").split("/")[0]);
      if (previous > 0) {
        assertThat(number).isEqualTo(previous + 1);
      }
      previous = number;
    }
  }

  @Test
  void aDocumentIsSentOnce() {
    UUID id = api.issued("vanthu.tckh", TestPdf.of(5_000, "Mot lan"));
    assertThat(api.send("vanthu.tckh", id, List.of(AN_KHE)).status()).isEqualTo(202);
    Api.Answer again = api.send("vanthu.tckh", id, List.of(AN_KHE));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.isProblem()).isTrue();
  }

  @Test
  void readinessCoversDatabaseAndMessaging() {
    var r =
        api.send(
            java.net.http.HttpRequest.newBuilder(
                    TestServer.get().managementUri().resolve("health/ready"))
                .GET()
                .build());
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.body()).contains("\"database\"").contains("\"messaging\"").contains("\"signing\"");
  }

  private boolean inboxHas(String user, UUID documentId) {
    return inboxEntryOrNull(user, documentId) != null;
  }

  private JsonObject inboxEntry(String user, UUID documentId) {
    JsonObject e = inboxEntryOrNull(user, documentId);
    assertThat(e).as("inbox entry of " + user).isNotNull();
    return e;
  }

  private JsonObject inboxEntryOrNull(String user, UUID documentId) {
    return Inboxes.entryOrNull(api, user, documentId);
  }

  private static String sha256(byte[] data) {
    try {
      return java.util.HexFormat.of()
          .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
