package vn.lienthong.it;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienthong.it.SigningWorkflowIT.json;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import vn.lienthong.server.SoftHsmTokens;

/**
 * The whole way with a real token: the local signing agent (its jar, a process of its own, as on
 * the official's computer) holds the leader's key on a SoftHSM token; this test plays the web
 * client's part between the agent and the server. The officer drafts, the leader signs through the
 * agent, the clerk issues with the unit's seal on the HSM, the document is sent, and the recipient
 * sees two valid signatures; pdfsig agrees, the public endpoint passes it and fails a tampered
 * copy.
 */
class AgentSigningIT {
  private static final String ORIGIN = TestServer.ORIGIN;
  private static Process agent;
  private static URI agentUri;
  private static String token;
  private final Api api = TestServer.api();
  private static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @BeforeAll
  static void startAgent() throws Exception {
    Assumptions.assumeTrue(
        !TestServer.softHsm().isEmpty(), "SoftHSM not installed: apt-get install softhsm2 opensc");
    Path jar =
        Path.of("..", "signing", "target", "lienthong-agent.jar").toAbsolutePath().normalize();
    assertThat(jar).exists();
    Path home = Path.of("target", "agent-home").toAbsolutePath();
    vn.lienthong.server.LocalServer.deleteTree(home);
    Files.createDirectories(home);
    Path pin = home.resolve("pin");
    Files.writeString(pin, SoftHsmTokens.PIN);
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    ProcessBuilder pb =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "--pkcs11",
                SoftHsmTokens.LIBRARY.toString(),
                "--token-label",
                SoftHsmTokens.LEADER_TOKEN,
                "--origin",
                ORIGIN,
                "--port",
                String.valueOf(port),
                "--home",
                home.toString(),
                "--headless",
                "--pin-file",
                pin.toString())
            .redirectErrorStream(true)
            .redirectOutput(Path.of("target", "agent.log").toFile());
    pb.environment().putAll(TestServer.softHsm());
    agent = pb.start();
    agentUri = URI.create("http://127.0.0.1:" + port + "/");
    Await.until(Duration.ofSeconds(30), "agent up", () -> status() == 200);

    JsonObject pairing = agentPost("v1/pairing", "{}", null).json();
    String code = Files.readString(home.resolve("pairing-code.txt")).strip();
    Api.Answer paired =
        agentPost(
            "v1/pairing/" + pairing.getString("pairingId"), "{\"code\":\"" + code + "\"}", null);
    assertThat(paired.status()).as(paired.body()).isEqualTo(200);
    token = paired.json().getString("token");
  }

  @AfterAll
  static void stopAgent() {
    if (agent != null) {
      agent.destroy();
    }
  }

  @Test
  void leaderSignsThroughTheAgentClerkIssuesWithTheHsmSealRecipientSeesTwoValidSignatures() {
    // The certificate on the leader's token, registered as his by the administrator.
    var certificates = agentGet("v1/certificates").array();
    assertThat(certificates).hasSize(1);
    JsonObject cert = certificates.getJsonObject(0);
    var chain = cert.getJsonArray("chain");
    Api.Answer registered =
        api.postJson(
            "admin",
            "api/v1/users/lanhdao.qldt/certificates",
            Json.createObjectBuilder().add("certificate", chain.getString(0)).build());
    assertThat(registered.status()).as(registered.body()).isIn(200, 201);

    UUID id = api.draft("chuyenvien.qldt", TestPdf.of(25_000, "Ky bang token"));
    Api.Answer prepared =
        api.postJson(
            "lanhdao.qldt",
            "api/v1/documents/" + id + "/signing-sessions",
            Json.createObjectBuilder().add("certificateChain", chain).build());
    assertThat(prepared.status()).as(prepared.body()).isEqualTo(201);
    JsonObject session = prepared.json();

    Api.Answer signed =
        agentPost(
            "v1/signatures",
            Json.createObjectBuilder()
                .add("certificateId", cert.getString("id"))
                .add(
                    "documents",
                    Json.createArrayBuilder()
                        .add(
                            Json.createObjectBuilder()
                                .add("sessionId", session.getString("id"))
                                .add("title", session.getString("title"))
                                .add("documentSha256", session.getString("documentSha256"))
                                .add("dataToSign", session.getString("dataToSign"))
                                .add(
                                    "signatureAlgorithm", session.getString("signatureAlgorithm"))))
                .build()
                .toString(),
            token);
    assertThat(signed.status()).as(signed.body()).isEqualTo(200);
    String value =
        signed.json().getJsonArray("results").getJsonObject(0).getString("signatureValue");

    Api.Answer done =
        api.postJson(
            "lanhdao.qldt",
            "api/v1/signing-sessions/" + session.getString("id") + "/signature",
            Json.createObjectBuilder().add("signatureValue", value).build());
    assertThat(done.status()).as(done.body()).isEqualTo(200);
    assertThat(api.postJson("vanthu.qldt", "api/v1/documents/" + id + "/issue", "").status())
        .isEqualTo(200);
    assertThat(api.send("vanthu.qldt", id, List.of(Api.XUAN_HA)).status()).isEqualTo(202);
    Await.until(
        Duration.ofMinutes(1),
        "delivery",
        () -> Inboxes.occurrences(api, "vanthu.xuanha", Set.of(id)).size() == 1);

    JsonObject entry = null;
    for (var v : api.get("vanthu.xuanha", "api/v1/inbox?limit=5000").array()) {
      if (v.asJsonObject().getString("documentId").equals(id.toString())) {
        entry = v.asJsonObject();
      }
    }
    assertThat(entry).isNotNull();
    assertThat(entry.getString("signatureIndication")).isEqualTo("TOTAL_PASSED");
    assertThat(entry.getJsonArray("signatures")).hasSize(3);
    assertThat(entry.getJsonArray("signatures").getJsonObject(0).getString("signer"))
        .contains("Trần Thị Thu Hà");

    byte[] pdf = api.download("vanthu.xuanha", "api/v1/documents/" + id + "/file");
    PdfSig.assertSignaturesValid(pdf, 3);
    assertThat(json(api.verify(pdf).body()).getString("indication")).isEqualTo("TOTAL_PASSED");
    byte[] tampered = pdf.clone();
    tampered[SigningWorkflowIT.indexOf(tampered, "Ky bang token".getBytes())] = 'X';
    assertThat(json(api.verify(tampered).body()).getString("indication")).isEqualTo("TOTAL_FAILED");
  }

  private static int status() {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(agentUri.resolve("v1/status")).build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (IOException e) {
      return -1;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return -1;
    }
  }

  private static Api.Answer agentGet(String path) {
    return call(
        HttpRequest.newBuilder(agentUri.resolve(path))
            .header("Authorization", "Bearer " + token)
            .GET());
  }

  private static Api.Answer agentPost(String path, String body, String bearer) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(agentUri.resolve(path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (bearer != null) {
      b.header("Authorization", "Bearer " + bearer);
    }
    return call(b);
  }

  /** As the web client calls it: from the server's origin. */
  private static Api.Answer call(HttpRequest.Builder b) {
    try {
      HttpResponse<String> r =
          HTTP.send(
              b.header("Origin", ORIGIN).timeout(Duration.ofSeconds(60)).build(),
              HttpResponse.BodyHandlers.ofString());
      return new Api.Answer(
          r.statusCode(), r.headers().firstValue("Content-Type").orElse(null), r.body());
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
