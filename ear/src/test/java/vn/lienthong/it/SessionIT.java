package vn.lienthong.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The web client's login: one password check, then the session cookie carries the identity. */
class SessionIT {
  private final Api api = TestServer.api();
  private final HttpClient browser =
      HttpClient.newBuilder().cookieHandler(new CookieManager()).build();

  private HttpResponse<String> call(String method, String path, String json) throws Exception {
    HttpRequest.Builder b = api.request(path);
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(
        method,
        json == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(json));
    return browser.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void loginOpensASessionThatTheApiAcceptsUntilLogout() throws Exception {
    assertThat(call("GET", "api/v1/units", null).statusCode()).isEqualTo(401);

    var login =
        call(
            "POST",
            "api/v1/session",
            "{\"username\":\"lanhdao.thacgian\",\"password\":\"" + Api.PASSWORD + "\"}");
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.body()).contains("\"role\":\"LEADER\"").contains("000.26.31.H17");
    assertThat(login.headers().allValues("Set-Cookie"))
        .anySatisfy(
            c ->
                assertThat(c)
                    .contains("JSESSIONID")
                    .containsIgnoringCase("HttpOnly")
                    .contains("SameSite=Strict"));

    assertThat(call("GET", "api/v1/units", null).statusCode()).isEqualTo(200);
    assertThat(call("GET", "api/v1/session", null).body()).contains("lanhdao.thacgian");

    assertThat(call("DELETE", "api/v1/session", null).statusCode()).isEqualTo(204);
    var after = call("GET", "api/v1/units", null);
    assertThat(after.statusCode()).isEqualTo(401);
    assertThat(after.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
  }

  @Test
  void wrongPasswordAndMissingFieldsAreProblems() throws Exception {
    var wrong = call("POST", "api/v1/session", "{\"username\":\"vanthu.vp\",\"password\":\"sai\"}");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    var missing = call("POST", "api/v1/session", "{\"username\":\"vanthu.vp\"}");
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body()).contains("password");
    assertThat(call("GET", "api/v1/units", null).statusCode()).isEqualTo(401);
  }

  @Test
  void aLoginBodyPastFourKilobytesIsRefusedUnread() throws Exception {
    String padding = "x".repeat(5000);
    var big =
        call(
            "POST",
            "api/v1/session",
            "{\"username\":\"vanthu.vp\",\"password\":\"" + padding + "\"}");
    assertThat(big.statusCode()).isEqualTo(413);
    assertThat(big.body()).contains("Nội dung yêu cầu vượt quá 4096 byte");
  }
}
