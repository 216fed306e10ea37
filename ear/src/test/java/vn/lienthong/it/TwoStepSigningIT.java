package vn.lienthong.it;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienthong.it.SigningWorkflowIT.assertProblem;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The leader's two calls as the local signing agent makes them: this test holds the leader's key
 * (the demo PKI's key store in the test server's data folder, what the agent's token would hold),
 * posts the certificate chain, signs the data to sign itself and posts the value.
 */
class TwoStepSigningIT {
  private final Api api = TestServer.api();

  /** The leader's key and chain, as on his token. */
  record Token(PrivateKey key, List<String> chain) {
    static Token of(String holderId) throws Exception {
      Path file = Path.of("target", "it-data", "pki", holderId + ".p12").toAbsolutePath();
      TestServer.get();
      KeyStore ks = KeyStore.getInstance("PKCS12");
      try (InputStream in = Files.newInputStream(file)) {
        ks.load(in, "demo".toCharArray());
      }
      String alias = ks.aliases().nextElement();
      List<String> chain = new ArrayList<>();
      for (Certificate c : ks.getCertificateChain(alias)) {
        chain.add(Base64.getEncoder().encodeToString(c.getEncoded()));
      }
      return new Token((PrivateKey) ks.getKey(alias, "demo".toCharArray()), chain);
    }

    String sign(String dataToSignBase64) throws Exception {
      Signature s = Signature.getInstance("SHA256withRSA");
      s.initSign(key);
      s.update(Base64.getDecoder().decode(dataToSignBase64));
      return Base64.getEncoder().encodeToString(s.sign());
    }

    String chainJson() {
      var a = Json.createArrayBuilder();
      chain.forEach(a::add);
      return Json.createObjectBuilder().add("certificateChain", a).build().toString();
    }
  }

  private JsonObject prepare(String leader, UUID id, Token token) {
    Api.Answer a =
        api.postJson(leader, "api/v1/documents/" + id + "/signing-sessions", token.chainJson());
    assertThat(a.status()).as(a.body()).isEqualTo(201);
    JsonObject s = a.json();
    assertThat(s.getString("signatureAlgorithm")).isEqualTo("SHA256withRSA");
    assertThat(s.getString("digest")).isNotBlank();
    assertThat(s.getString("expiresAt")).isNotBlank();
    return s;
  }

  private Api.Answer complete(String leader, String sessionId, String value) {
    return api.postJson(
        leader,
        "api/v1/signing-sessions/" + sessionId + "/signature",
        Json.createObjectBuilder().add("signatureValue", value).build());
  }

  @Test
  void aValueThatDoesNotVerifyIs422AndLeavesTheDocumentAsItWas() throws Exception {
    Token token = Token.of("leader-lanhdao.tp");
    UUID id = api.draft("vanthu.tp", TestPdf.of(8_000, "Hai buoc"));
    String before = api.get("vanthu.tp", "api/v1/documents/" + id).json().getString("fileSha256");
    JsonObject s = prepare("lanhdao.tp", id, token);

    Api.Answer wrong =
        complete(
            "lanhdao.tp",
            s.getString("id"),
            token.sign(Base64.getEncoder().encodeToString(new byte[] {1, 2, 3})));
    assertProblem(wrong, 422);
    JsonObject doc = api.get("vanthu.tp", "api/v1/documents/" + id).json();
    assertThat(doc.getString("status")).isEqualTo("DRAFT");
    assertThat(doc.getString("fileSha256")).isEqualTo(before);

    // another leader cannot finish this leader's session
    assertProblem(
        complete("lanhdao.qldt", s.getString("id"), token.sign(s.getString("dataToSign"))), 404);

    Api.Answer done =
        complete("lanhdao.tp", s.getString("id"), token.sign(s.getString("dataToSign")));
    assertThat(done.status()).as(done.body()).isEqualTo(200);
    assertThat(done.json().getString("status")).isEqualTo("SIGNED");
    assertProblem(
        complete("lanhdao.tp", s.getString("id"), token.sign(s.getString("dataToSign"))), 409);
  }

  @Test
  void aCertificateThatIsNotTheLeadersOwnIs403() throws Exception {
    Token other = Token.of("leader-lanhdao.qldt");
    UUID id = api.draft("vanthu.tp", TestPdf.of(4_000, "Khong phai cua toi"));
    assertProblem(
        api.postJson(
            "lanhdao.tp", "api/v1/documents/" + id + "/signing-sessions", other.chainJson()),
        403);
    assertProblem(
        api.postJson(
            "lanhdao.tp",
            "api/v1/documents/" + id + "/signing-sessions",
            "{\"certificateChain\": [\"not base64 DER\"]}"),
        400);
  }

  @Test
  void anExpiredSessionIs410() throws Exception {
    Token token = Token.of("leader-lanhdao.tp");
    UUID id = api.draft("vanthu.tp", TestPdf.of(4_000, "Het han"));
    JsonObject s = prepare("lanhdao.tp", id, token);
    try (var c = TestServer.db();
        var ps =
            c.prepareStatement(
                "UPDATE signing_session SET expires_at = now() - interval '1 second' WHERE id = ?")) {
      ps.setObject(1, UUID.fromString(s.getString("id")));
      assertThat(ps.executeUpdate()).isEqualTo(1);
    }
    assertProblem(
        complete("lanhdao.tp", s.getString("id"), token.sign(s.getString("dataToSign"))), 410);
  }

  @Test
  void aBatchOfTwentyWithOneBadValueSignsNineteenAndReportsOne() throws Exception {
    Token token = Token.of("leader-lanhdao.tckh");
    List<UUID> ids = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      ids.add(api.draft("vanthu.tckh", TestPdf.of(3_000, "Lo so " + i)));
    }
    var docs = Json.createArrayBuilder();
    ids.forEach(i -> docs.add(i.toString()));
    var chain = Json.createArrayBuilder();
    token.chain().forEach(chain::add);
    Api.Answer prepared =
        api.postJson(
            "lanhdao.tckh",
            "api/v1/signing-sessions",
            Json.createObjectBuilder()
                .add("documents", docs)
                .add("certificateChain", chain)
                .build());
    assertThat(prepared.status()).as(prepared.body()).isEqualTo(200);
    assertThat(prepared.json().getInt("succeeded")).isEqualTo(20);

    var values = Json.createArrayBuilder();
    int n = 0;
    for (var r : prepared.json().getJsonArray("results")) {
      JsonObject session = r.asJsonObject().getJsonObject("session");
      String value = n++ == 7 ? token.sign("AAAA") : token.sign(session.getString("dataToSign"));
      values.add(
          Json.createObjectBuilder()
              .add("sessionId", session.getString("id"))
              .add("signatureValue", value));
    }
    Api.Answer done =
        api.postJson(
            "lanhdao.tckh",
            "api/v1/signing-sessions/signatures",
            Json.createObjectBuilder().add("signatures", values).build());
    assertThat(done.status()).as(done.body()).isEqualTo(200);
    assertThat(done.json().getInt("succeeded")).isEqualTo(19);
    assertThat(done.json().getInt("failed")).isEqualTo(1);
    JsonObject failed = done.json().getJsonArray("results").getJsonObject(7);
    assertThat(failed.getJsonObject("problem").getInt("status")).isEqualTo(422);
    assertThat(
            TestServer.count(
                "SELECT count(*) FROM outgoing_document WHERE status = 'SIGNED' AND id IN ("
                    + String.join(",", ids.stream().map(i -> "'" + i + "'").toList())
                    + ")"))
        .isEqualTo(19);
  }

  @Test
  void aSessionPreparedBeforeARestartIsCompletedAfterIt() throws Exception {
    Token token = Token.of("leader-lanhdao.ankhe");
    UUID id = api.draft("vanthu.ankhe", TestPdf.of(6_000, "Khoi dong lai"));
    JsonObject s = prepare("lanhdao.ankhe", id, token);
    String value = token.sign(s.getString("dataToSign"));

    TestServer.get().stopServer();
    TestServer.get().startServer();

    Api.Answer done = complete("lanhdao.ankhe", s.getString("id"), value);
    assertThat(done.status()).as(done.body()).isEqualTo(200);
    byte[] pdf = api.download("vanthu.ankhe", "api/v1/documents/" + id + "/file");
    var verdict = SigningWorkflowIT.json(api.verify(pdf).body());
    assertThat(verdict.getString("indication")).isEqualTo("TOTAL_PASSED");
  }
}
