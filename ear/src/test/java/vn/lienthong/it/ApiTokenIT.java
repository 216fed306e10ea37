package vn.lienthong.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Personal API tokens: made by a password login and shown once, they open the API as their user
 * through the token realm (a principal ~id that the password realm would refuse, so a 200 shows
 * which realm checked it), are stored as a hash, cannot make more tokens or a browser session, and
 * stop at revocation.
 */
class ApiTokenIT {
  private static final String CLERK = "vanthu.hoakhe";
  private final Api api = TestServer.api();

  private HttpResponse<String> create(String authorization, String json) throws Exception {
    HttpRequest.Builder b =
        api.request("api/v1/tokens")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json));
    if (authorization != null) {
      b.header("Authorization", authorization);
    }
    return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String bearer(String token) {
    return "Bearer " + token;
  }

  @Test
  void aTokenActsAsItsUserUntilRevoked() throws Exception {
    HttpResponse<String> made =
        create(Api.auth(CLERK), "{\"name\":\"Kịch bản gửi công văn\",\"expiresInDays\":30}");
    assertThat(made.statusCode()).isEqualTo(201);
    assertThat(made.headers().firstValue("Cache-Control").orElse("")).contains("no-store");
    JsonObject body = Json.createReader(new StringReader(made.body())).readObject();
    String token = body.getString("secret");
    String id = body.getJsonObject("token").getString("id");
    assertThat(token).startsWith("lt_" + id + ".");
    assertThat(body.getJsonObject("token").getString("role")).isEqualTo("CLERK");

    Api.Answer me = api.getWithAuthorization(bearer(token), "api/v1/session");
    assertThat(me.status()).isEqualTo(200);
    assertThat(me.body()).contains(CLERK).contains("\"role\":\"CLERK\"");
    assertThat(api.getWithAuthorization(bearer(token), "api/v1/units").status()).isEqualTo(200);

    // listed without its secret; only the secret's SHA-256 is in the database
    String secret = token.substring(token.indexOf('.') + 1);
    Api.Answer list = api.getWithAuthorization(bearer(token), "api/v1/tokens");
    assertThat(list.body()).contains(id).contains("Kịch bản gửi công văn").doesNotContain(secret);
    String sha256 =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.US_ASCII)));
    assertThat(
            TestServer.count(
                "SELECT count(*) FROM api_token WHERE id = '"
                    + id
                    + "' AND secret_sha256 = '"
                    + sha256
                    + "'"))
        .isEqualTo(1);

    // a token makes no other token, and a wrong secret opens nothing
    assertThat(create(bearer(token), "{\"name\":\"thêm\"}").statusCode()).isEqualTo(403);
    assertThat(
            api.getWithAuthorization(bearer("lt_" + id + ".sai" + secret), "api/v1/units").status())
        .isEqualTo(401);

    // another user's token is not theirs to revoke
    assertThat(api.delete("vanthu.vp", "api/v1/tokens/" + id).status()).isEqualTo(404);
    Api.Answer revoked = api.delete(CLERK, "api/v1/tokens/" + id);
    assertThat(revoked.status()).isEqualTo(200);
    assertThat(revoked.json().getString("revokedAt")).isNotBlank();
    assertThat(api.getWithAuthorization(bearer(token), "api/v1/units").status()).isEqualTo(401);
    assertThat(TestServer.count("SELECT count(*) FROM audit_event WHERE object_id = '" + id + "'"))
        .isEqualTo(2);
  }

  @Test
  void aTokenOpensNoBrowserSession() throws Exception {
    HttpResponse<String> made = create(Api.auth(CLERK), "{\"name\":\"phiên\"}");
    String token =
        Json.createReader(new StringReader(made.body())).readObject().getString("secret");
    String id = token.substring(3, token.indexOf('.'));
    String secret = token.substring(token.indexOf('.') + 1);
    Api.Answer login =
        api.send(
            api.request("api/v1/session")
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"~" + id + "\",\"password\":\"" + secret + "\"}"))
                .build());
    assertThat(login.status()).isEqualTo(401);
  }

  @Test
  void badRequestsAreProblemsAndMakeNoToken() throws Exception {
    long before = TestServer.count("SELECT count(*) FROM api_token");
    HttpResponse<String> noName = create(Api.auth(CLERK), "{\"expiresInDays\":30}");
    assertThat(noName.statusCode()).isEqualTo(400);
    assertThat(noName.body()).contains("name");
    HttpResponse<String> tooLong =
        create(Api.auth(CLERK), "{\"name\":\"x\",\"expiresInDays\":1000000000000}");
    assertThat(tooLong.statusCode()).isEqualTo(400);
    assertThat(tooLong.body()).contains("365");
    assertThat(create(Api.auth(CLERK), "not json").statusCode()).isEqualTo(400);
    assertThat(create(null, "{\"name\":\"x\"}").statusCode()).isEqualTo(401);
    assertThat(TestServer.count("SELECT count(*) FROM api_token")).isEqualTo(before);
  }
}
