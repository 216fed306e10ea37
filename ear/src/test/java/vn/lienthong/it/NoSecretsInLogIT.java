package vn.lienthong.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import vn.lienthong.server.SoftHsmTokens;

/**
 * No secrets in the logs (issue 10): the flows that carry a password or a PIN run through the test
 * server with known values (logins by HTTP Basic and by the web client's session, a wrong password
 * each way, a body that does not parse, the unit's seal on the SoftHSM token opened with its PIN, a
 * two-step signing session), then every log the server wrote is searched for those values. The
 * server logs at its usual levels (the test server sets none of its own).
 */
class NoSecretsInLogIT {
  /** Wrong on purpose, and such that no log line holds it by chance. */
  private static final String WRONG_PASSWORD = "SaiMatKhau-" + UUID.randomUUID();

  private static final String UNPARSED_PASSWORD = "MatKhauHong-" + UUID.randomUUID();

  /**
   * The failed logins come from an address of their own, so that they count against no other test's
   * client in the login throttle; two of them, far below any limit.
   */
  private static final String FAILING_CLIENT = "127.0.0.3";

  /** An account no other test logs in to: its two failures trouble no one. */
  private static final String FAILING_ACCOUNT = "chuyenvien.nv";

  private final Api api = TestServer.api();

  @Test
  void theServerLogsNoPasswordPinOrBasicCredentials() throws Exception {
    Map<String, Pattern> secrets = new LinkedHashMap<>();
    secret(secrets, "the demo password", Api.PASSWORD);
    secret(secrets, "a wrong password", WRONG_PASSWORD);
    secret(secrets, "a password in a body that does not parse", UNPARSED_PASSWORD);
    // eight digits: only where no other digit touches them, not inside a longer number
    secrets.put(
        "the SoftHSM token PIN",
        Pattern.compile("(?<![0-9])" + Pattern.quote(SoftHsmTokens.PIN) + "(?![0-9])"));

    // HTTP Basic, right and wrong
    for (String user : List.of("chuyenvien.vp", "vanthu.vp", "lanhdao.vp", "vanthu.qldt")) {
      secret(secrets, "Basic credentials of " + user, basic(user, Api.PASSWORD));
    }
    assertThat(api.get("chuyenvien.vp", "api/v1/session").status()).isEqualTo(200);
    String wrongBasic = basic(FAILING_ACCOUNT, WRONG_PASSWORD);
    secret(secrets, "wrong Basic credentials", wrongBasic);
    RawHttp.Answer refused =
        RawHttp.postFrom(
            FAILING_CLIENT,
            api.base(),
            "api/v1/documents/" + UUID.randomUUID() + "/issue",
            Map.of("Authorization", "Basic " + wrongBasic),
            new byte[0]);
    assertThat(refused.status()).isEqualTo(401);

    // the web client's login: right, wrong, and a body that is no JSON at all
    HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
    HttpResponse<String> login =
        browser.send(
            api.request("api/v1/session")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(login("lanhdao.vp", Api.PASSWORD)))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
    assertThat(
            browser
                .send(
                    api.request("api/v1/session")
                        .header("X-Requested-With", "XMLHttpRequest")
                        .DELETE()
                        .build(),
                    HttpResponse.BodyHandlers.discarding())
                .statusCode())
        .isEqualTo(204);
    RawHttp.Answer wrong =
        RawHttp.postFrom(
            FAILING_CLIENT,
            api.base(),
            "api/v1/session",
            Map.of("Content-Type", "application/json"),
            login(FAILING_ACCOUNT, WRONG_PASSWORD).getBytes(StandardCharsets.UTF_8));
    assertThat(wrong.status()).isEqualTo(401);
    RawHttp.Answer unparsed =
        RawHttp.postFrom(
            FAILING_CLIENT,
            api.base(),
            "api/v1/session",
            Map.of("Content-Type", "application/json"),
            ("{\"username\":\"" + FAILING_ACCOUNT + "\",\"password\":\"" + UNPARSED_PASSWORD)
                .getBytes(StandardCharsets.UTF_8));
    // refused; today with 500 and an incident logged (the JSON-P reader's parse error is not
    // mapped to 400), which is why its log line is searched too
    assertThat(unparsed.status()).isBetween(400, 599);

    // The seal of Phòng Quản lý đô thị: the server opens its SoftHSM token with the PIN (when
    // SoftHSM is installed; on CI it must be).
    api.issued("vanthu.qldt", TestPdf.of(5_000, "Khong lo bi mat"));

    // A two-step signing session, the leader's key held on this side as the agent holds it.
    TwoStepSigningIT.Token token = TwoStepSigningIT.Token.of("leader-lanhdao.vp");
    UUID id = api.draft("vanthu.vp", TestPdf.of(5_000, "Hai buoc khong lo"));
    Api.Answer prepared =
        api.postJson(
            "lanhdao.vp", "api/v1/documents/" + id + "/signing-sessions", token.chainJson());
    assertThat(prepared.status()).as(prepared.body()).isEqualTo(201);
    JsonObject session = prepared.json();
    Api.Answer signed =
        api.postJson(
            "lanhdao.vp",
            "api/v1/signing-sessions/" + session.getString("id") + "/signature",
            Json.createObjectBuilder()
                .add("signatureValue", token.sign(session.getString("dataToSign")))
                .build());
    assertThat(signed.status()).as(signed.body()).isEqualTo(200);

    Thread.sleep(1_000); // what the server wrote last reaches the files
    List<String> found = new ArrayList<>();
    for (Path log : logs()) {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        for (var s : secrets.entrySet()) {
          if (s.getValue().matcher(lines.get(i)).find()) {
            found.add(log + ":" + (i + 1) + ": " + s.getKey() + ": " + lines.get(i));
          }
        }
      }
    }
    assertThat(found).as("secrets in the server's logs").isEmpty();
    assertThat(Files.size(logs().get(0))).as("the console log").isPositive();
  }

  /**
   * The console (what the harness keeps, every handler at INFO), the server's own server.log (its
   * file handler also takes the DEBUG of org.jboss.as.config), and the signing agent's log when
   * AgentSigningIT ran one in this build.
   */
  private static List<Path> logs() {
    List<Path> logs = new ArrayList<>();
    logs.add(Path.of("target", "it-server.log"));
    for (Path p :
        List.of(
            Path.of("target", "server", "standalone", "log", "server.log"),
            Path.of("target", "agent.log"))) {
      if (Files.exists(p)) {
        logs.add(p);
      }
    }
    assertThat(logs.get(0)).exists();
    return logs;
  }

  private static void secret(Map<String, Pattern> secrets, String name, String value) {
    secrets.put(name, Pattern.compile(Pattern.quote(value)));
  }

  private static String basic(String user, String password) {
    return Base64.getEncoder()
        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  private static String login(String user, String password) {
    return Json.createObjectBuilder()
        .add("username", user)
        .add("password", password)
        .build()
        .toString();
  }
}
