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

  /** A call as the web client makes it: marked with X-Requested-With. */
  private HttpResponse<String> call(String method, String path, String json) throws Exception {
    return call(method, path, json, true);
  }

  private HttpResponse<String> call(String method, String path, String json, boolean marked)
      throws Exception {
    HttpRequest.Builder b = api.request(path);
    if (marked) {
      b.header("X-Requested-With", "XMLHttpRequest");
    }
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
  void theWebClientsCallsGetNoPasswordDialogAndCrossSiteFormsAreRefused() throws Exception {
    // a page's own call without a login: 401, but no Basic challenge for the browser to show
    var page = call("GET", "api/v1/units", null, true);
    assertThat(page.statusCode()).isEqualTo(401);
    assertThat(page.headers().firstValue("WWW-Authenticate")).isEmpty();
    // a script's call still gets the challenge
    var script = call("GET", "api/v1/units", null, false);
    assertThat(script.statusCode()).isEqualTo(401);
    assertThat(script.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");
    var wrong = call("POST", "api/v1/session", "{\"username\":\"vanthu.vp\",\"password\":\"sai\"}");
    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(wrong.headers().firstValue("WWW-Authenticate")).isEmpty();

    assertThat(
            call(
                    "POST",
                    "api/v1/session",
                    "{\"username\":\"vanthu.thacgian\",\"password\":\"" + Api.PASSWORD + "\"}")
                .statusCode())
        .isEqualTo(200);
    long drafts = TestServer.count("SELECT count(*) FROM outgoing_document");
    // what a form on another site could send with the cookie: no X-Requested-With
    var forged = call("POST", "api/v1/documents", "{}", false);
    assertThat(forged.statusCode()).isEqualTo(403);
    assertThat(forged.body()).contains("X-Requested-With");
    var logout = call("DELETE", "api/v1/session", null, false);
    assertThat(logout.statusCode()).isEqualTo(403);
    assertThat(TestServer.count("SELECT count(*) FROM outgoing_document")).isEqualTo(drafts);
    // reading needs no mark, and the session is still open
    assertThat(call("GET", "api/v1/session", null, false).body()).contains("vanthu.thacgian");
    assertThat(call("DELETE", "api/v1/session", null, true).statusCode()).isEqualTo(204);
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
    assertThat(big.body()).contains("Nội dung yêu cầu vượt quá 4 KiB");
  }
}
