package vn.lienthong.it;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienthong.it.SigningWorkflowIT.assertProblem;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.lienthong.server.LocalServer;
import vn.lienthong.server.SoftHsmTokens;
import vn.lienthong.signing.pki.DemoPki;

/**
 * Signing when what it needs is not there, each case on a server of its own (ports offset by 300,
 * its own database and data), so the suite's shared server stays ready: readiness says what is
 * wrong, and a call that needs the missing piece is a 503 problem that changes nothing.
 */
class SigningUnavailableIT {
  private static final String THAC_GIAN = Api.THAC_GIAN;
  private static final String QLDT = SoftHsmTokens.QLDT;

  @Test
  void aSealTokenAbsentOrWithAWrongPinIsNotReadyAndIssuingWithItIs503WithNothingChanged()
      throws Exception {
    Path dir = OwnServer.fresh("it-unavailable-seal");
    Map<String, String> env = OwnServer.demoEnv(dir);
    boolean hsm = SoftHsmTokens.available();
    StringBuilder keys = new StringBuilder();
    if (hsm) {
      DemoPki pki = DemoPki.openOrCreate(dir.resolve("data/pki"), OwnServer.publicUrl() + "/pki");
      env.putAll(SoftHsmTokens.setUp(dir.resolve("softhsm"), pki));
      // the QLĐT seal's token is there, its PIN is not the token's
      keys.append(Files.readString(Path.of(env.get("LIENTHONG_SEAL_KEYS"))));
      env.put("QLDT_SEAL_PIN", "00000000");
      // Thạc Gián's seal names a token that is not plugged in
      keys.append(THAC_GIAN + ".type=pkcs11\n")
          .append(THAC_GIAN + ".library=" + SoftHsmTokens.LIBRARY + "\n")
          .append(THAC_GIAN + ".token=khong-co-token\n")
          .append(THAC_GIAN + ".key=key\n")
          .append(THAC_GIAN + ".pin=env:QLDT_SEAL_PIN\n");
    } else {
      // without SoftHSM (never on CI): a PKCS#12 seal file that is not there and one that is
      // not a key store
      Path garbage = Files.write(dir.resolve("hong.p12"), new byte[] {1, 2, 3});
      keys.append(THAC_GIAN + ".type=pkcs12\n")
          .append(THAC_GIAN + ".file=" + dir.resolve("khong-co.p12") + "\n")
          .append(THAC_GIAN + ".password=demo\n");
      keys.append(QLDT + ".type=pkcs12\n")
          .append(QLDT + ".file=" + garbage + "\n")
          .append(QLDT + ".password=demo\n");
    }
    Path keysFile = dir.resolve("seal-keys.properties");
    Files.writeString(keysFile, keys.toString(), StandardCharsets.UTF_8);
    env.put("LIENTHONG_SEAL_KEYS", keysFile.toString());

    try (LocalServer server = OwnServer.start(dir, env, false)) {
      HttpResponse<String> ready = readiness(server);
      assertThat(ready.statusCode()).as(ready.body()).isEqualTo(503);
      assertThat(ready.body())
          .contains("\"signing\"")
          .contains("khóa con dấu của đơn vị " + THAC_GIAN)
          .contains("khóa con dấu của đơn vị " + QLDT);

      Api api = new Api(server.baseUri());
      for (String unit : new String[] {"thacgian", "qldt"}) {
        UUID id = api.draft("vanthu." + unit, TestPdf.of(3_000, "Con dau " + unit));
        Api.Answer signed =
            api.postJson("lanhdao." + unit, "api/v1/documents/" + id + "/demo-signature", "");
        assertThat(signed.status()).as(signed.body()).isEqualTo(200);
        byte[] before = api.download("vanthu." + unit, "api/v1/documents/" + id + "/file");

        Api.Answer issue = api.postJson("vanthu." + unit, "api/v1/documents/" + id + "/issue", "");
        assertProblem(issue, 503);
        assertThat(issue.json().getString("title")).isNotBlank();
        // in Vietnamese, for the clerk: no exception names
        assertThat(issue.json().getString("detail"))
            .containsAnyOf("khóa", "Khóa", "PIN", "thiết bị")
            .doesNotContain("Exception");

        // nothing changed: still signed, no number taken, the same bytes
        var view = api.get("vanthu." + unit, "api/v1/documents/" + id).json();
        assertThat(view.getString("status")).isEqualTo("SIGNED");
        assertThat(view.containsKey("notation") && !view.isNull("notation")).isFalse();
        assertThat(api.download("vanthu." + unit, "api/v1/documents/" + id + "/file"))
            .isEqualTo(before);
      }

      // the other units' seals (demo files) still issue, from number 1 of their register
      UUID ok = api.issued("vanthu.nv", TestPdf.of(3_000, "Noi vu van ban"));
      var issued = api.get("vanthu.nv", "api/v1/documents/" + ok).json();
      assertThat(issued.getString("status")).isEqualTo("ISSUED");
      assertThat(issued.getString("notation")).startsWith("01/");
    }
  }

  @Test
  void productionMissingWhatItNeedsRefusesToStartAndNamesEachMissingSetting() throws Exception {
    Path dir = OwnServer.fresh("it-unavailable-production");
    Map<String, String> env = new LinkedHashMap<>();
    env.put("LIENTHONG_MODE", "production");
    env.put("LIENTHONG_PUBLIC_URL", OwnServer.publicUrl());
    env.put("LIENTHONG_DATA_DIR", dir.resolve("data").toString());
    // an empty anchors folder, a TLS keystore that is not there, no unit tree, no administrator
    env.put("LIENTHONG_TRUST_ANCHORS", Files.createDirectories(dir.resolve("anchors")).toString());
    env.put("LIENTHONG_TLS_KEYSTORE", dir.resolve("khong-co-tls.p12").toString());
    Path log = dir.resolve("server.log");

    try (LocalServer server = OwnServer.start(dir, env, false, false)) {
      String refusal = awaitLog(log, "không khởi động ở chế độ production");
      assertThat(refusal)
          .contains("LIENTHONG_TRUST_ANCHORS")
          .contains("LIENTHONG_TLS_KEYSTORE=" + dir.resolve("khong-co-tls.p12"))
          .contains("chưa có cây đơn vị (LIENTHONG_UNITS_FILE")
          .contains("LIENTHONG_ADMIN_USERNAME");
      // the embedded database's password is given, so that one is not named
      assertThat(refusal).doesNotContain("POSTGRESQL_PASSWORD");

      HttpResponse<String> ready = readiness(server);
      assertThat(ready.statusCode()).as(ready.body()).isEqualTo(503);
      // the application serves nothing: its deployment failed (Undertow still has the context)
      Api api = new Api(server.baseUri());
      HttpResponse<String> verify = api.verify(TestPdf.of(2_000, "khong the xac thuc"));
      assertThat(verify.statusCode()).isIn(404, 500, 503);
      assertThat(verify.body()).doesNotContain("indication");
      // and nothing demo was made
      try (var c =
              java.sql.DriverManager.getConnection(
                  server.jdbcUrl(), server.dbUser(), server.dbPassword());
          var rs = c.createStatement().executeQuery("SELECT count(*) FROM app_user")) {
        rs.next();
        assertThat(rs.getLong(1)).isZero();
      }
    }
  }

  /** The server log's text from the first line with {@code marker}, once it is there. */
  private static String awaitLog(Path log, String marker) throws Exception {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(180);
    while (System.nanoTime() < deadline) {
      if (Files.exists(log)) {
        String text = Files.readString(log, StandardCharsets.UTF_8);
        int at = text.indexOf(marker);
        if (at >= 0) {
          Thread.sleep(500); // the rest of the message
          text = Files.readString(log, StandardCharsets.UTF_8);
          return text.substring(at, Math.min(text.length(), at + 4000));
        }
      }
      Thread.sleep(500);
    }
    throw new AssertionError("no \"" + marker + "\" in " + log);
  }

  private static HttpResponse<String> readiness(LocalServer server)
      throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(server.managementUri().resolve("health/ready")).build(),
            HttpResponse.BodyHandlers.ofString());
  }
}
