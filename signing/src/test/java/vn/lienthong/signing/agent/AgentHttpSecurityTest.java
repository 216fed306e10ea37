package vn.lienthong.signing.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.lienthong.signing.agent.AgentData.document;
import static vn.lienthong.signing.agent.AgentData.request;
import static vn.lienthong.signing.agent.AgentData.signedAttributes;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.signing.Fixtures;
import vn.lienthong.signing.internal.Json;
import vn.lienthong.signing.pki.DemoPki;

/**
 * What keeps other pages and programs from driving the agent: the origin allowlist and CORS, the
 * Host check, pairing and its tokens, bounded bodies, one batch at a time.
 */
class AgentHttpSecurityTest {

  static final String ORIGIN = SigningAgentPkcs12Test.ORIGIN;
  static final String OTHER_ALLOWED = SigningAgentPkcs12Test.DEMO_ORIGIN;
  static final String EVIL = "https://evil.example";

  @TempDir Path home;
  private final List<SigningAgent> started = new ArrayList<>();
  private final TestPrompt prompt = new TestPrompt(DemoPki.DEMO_PASSWORD);

  @AfterEach
  void stop() {
    started.forEach(SigningAgent::close);
  }

  private AgentClient start() throws Exception {
    SigningAgent agent =
        SigningAgent.start(
            AgentConfig.parse(
                new String[] {
                  "--port",
                  "0",
                  "--home",
                  home.toString(),
                  "--pkcs12",
                  Fixtures.pki().keyStoreOf(DemoPki.LEADER).toString(),
                  "--origin",
                  ORIGIN,
                  "--origin",
                  OTHER_ALLOWED
                }),
            prompt,
            new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    started.add(agent);
    return new AgentClient(agent.port());
  }

  private static Map<String, Object> oneDocument() {
    return request(
        SigningAgentPkcs12Test.id(SigningAgentPkcs12Test.leader()),
        List.of(document("a", signedAttributes("a"), "SHA256withRSA")));
  }

  @Test
  void anOriginNotInTheAllowlistIs403WithoutCorsHeaders() throws Exception {
    AgentClient agent = start();
    String token = agent.pair(ORIGIN, prompt);
    for (String origin : List.of(EVIL, "null", ORIGIN + ":443", ORIGIN + "/", "http://localhost")) {
      for (AgentClient.Reply reply :
          List.of(
              agent.get("/v1/status", origin, null),
              agent.get("/v1/certificates", origin, token),
              agent.post("/v1/pairing", origin, null, Map.of()),
              agent.post("/v1/signatures", origin, token, oneDocument()),
              agent.send(
                  agent
                      .builder("/v1/signatures", origin, null)
                      .header("Access-Control-Request-Method", "POST")
                      .method("OPTIONS", HttpRequest.BodyPublishers.noBody())))) {
        assertThat(reply.status()).as(origin).isEqualTo(403);
        assertThat(reply.error()).isEqualTo("origin-not-allowed");
        assertThat(reply.header("Access-Control-Allow-Origin")).isEmpty();
      }
    }
    assertThat(prompt.batches).isEmpty();
    assertThat(prompt.codes).isEmpty(); // no pairing code was shown for them
  }

  @Test
  void aPreflightFromAnAllowedOriginGetsTheCorsHeaders() throws Exception {
    AgentClient agent = start();
    AgentClient.Reply reply =
        agent.send(
            agent
                .builder("/v1/signatures", ORIGIN, null)
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .header("Access-Control-Request-Private-Network", "true")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    assertThat(reply.status()).isEqualTo(204);
    assertThat(reply.header("Access-Control-Allow-Origin")).contains(ORIGIN);
    assertThat(reply.header("Access-Control-Allow-Methods")).contains("GET, POST");
    assertThat(reply.header("Access-Control-Allow-Headers"))
        .contains("Authorization, Content-Type");
    assertThat(reply.header("Access-Control-Allow-Private-Network")).contains("true");
    assertThat(reply.header("Vary").orElseThrow()).contains("Origin");

    AgentClient.Reply withoutPrivateNetwork =
        agent.send(
            agent
                .builder("/v1/status", OTHER_ALLOWED, null)
                .header("Access-Control-Request-Method", "GET")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    assertThat(withoutPrivateNetwork.status()).isEqualTo(204);
    assertThat(withoutPrivateNetwork.header("Access-Control-Allow-Origin")).contains(OTHER_ALLOWED);
    assertThat(withoutPrivateNetwork.header("Access-Control-Allow-Private-Network")).isEmpty();

    AgentClient.Reply withoutOrigin =
        agent.send(
            agent
                .builder("/v1/status", null, null)
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
    assertThat(withoutOrigin.status()).isEqualTo(403);
  }

  @Test
  void aHostHeaderOtherThanTheLoopbackAddressIs403() throws Exception {
    AgentClient agent = start();
    int port = agent.port;
    for (String host :
        List.of("evil.example:" + port, "evil.example", "127.0.0.1:" + (port + 1), "127.0.0.1")) {
      String answer =
          agent.raw(
              "GET /v1/status HTTP/1.1\r\nHost: "
                  + host
                  + "\r\nOrigin: "
                  + ORIGIN
                  + "\r\nConnection: close\r\n\r\n");
      assertThat(answer).as(host).startsWith("HTTP/1.1 403").contains("\"host-not-allowed\"");
      assertThat(answer.toLowerCase(java.util.Locale.ROOT))
          .doesNotContain("access-control-allow-origin");
    }
    for (String host : List.of("127.0.0.1:" + port, "localhost:" + port, "LOCALHOST:" + port)) {
      assertThat(
              agent.raw(
                  "GET /v1/status HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n"))
          .as(host)
          .startsWith("HTTP/1.1 200");
    }
  }

  @Test
  void itListensOnTheLoopbackAddressOnly() throws Exception {
    AgentClient agent = start();
    // all of 127/8 is this machine, but only 127.0.0.1 is bound
    try (Socket socket = new Socket()) {
      assertThatThrownBy(() -> socket.connect(new InetSocketAddress("127.0.0.2", agent.port), 2000))
          .isInstanceOfAny(ConnectException.class, SocketTimeoutException.class);
    }
  }

  @Test
  void statusNeedsNoTokenAndSaysWhetherTheCallerIsPaired() throws Exception {
    AgentClient agent = start();
    AgentClient.Reply anonymous = agent.get("/v1/status", null, null);
    assertThat(anonymous.status()).isEqualTo(200);
    assertThat(anonymous.object())
        .containsEntry("agent", "lienthong-agent")
        .containsEntry("paired", false)
        .containsKey("version");
    String token = agent.pair(ORIGIN, prompt);
    AgentClient.Reply paired = agent.get("/v1/status", ORIGIN, token);
    assertThat(paired.object()).containsEntry("paired", true);
    assertThat(paired.header("Access-Control-Allow-Origin")).contains(ORIGIN);
    assertThat(agent.get("/v1/status", OTHER_ALLOWED, token).object())
        .containsEntry("paired", false);
  }

  @Test
  void aMissingOrInvalidTokenIs401() throws Exception {
    AgentClient agent = start();
    agent.pair(ORIGIN, prompt);
    List<AgentClient.Reply> replies =
        List.of(
            agent.get("/v1/certificates", ORIGIN, null),
            agent.get("/v1/certificates", ORIGIN, "not-a-token"),
            agent.get("/v1/certificates", ORIGIN, "A".repeat(43)),
            agent.get("/v1/certificates", null, null),
            agent.post("/v1/signatures", ORIGIN, null, oneDocument()),
            agent.post("/v1/signatures", null, "A".repeat(43), oneDocument()));
    for (AgentClient.Reply reply : replies) {
      assertThat(reply.status()).isEqualTo(401);
      assertThat(reply.error()).isEqualTo("not-paired");
    }
    // the page can read why (CORS headers on errors for allowed origins)
    assertThat(replies.get(0).header("Access-Control-Allow-Origin")).contains(ORIGIN);
    assertThat(prompt.batches).isEmpty();
  }

  @Test
  void aTokenPairedForOneOriginIsRefusedFromAnother() throws Exception {
    AgentClient agent = start();
    String forOrigin = agent.pair(ORIGIN, prompt);
    String withoutOrigin = agent.pair(null, prompt);
    assertThat(prompt.pairedOrigins).containsExactly(ORIGIN, "null");

    assertThat(agent.get("/v1/certificates", ORIGIN, forOrigin).status()).isEqualTo(200);
    assertThat(agent.get("/v1/certificates", null, withoutOrigin).status()).isEqualTo(200);
    assertThat(agent.get("/v1/certificates", OTHER_ALLOWED, forOrigin).status()).isEqualTo(401);
    assertThat(agent.get("/v1/certificates", null, forOrigin).status()).isEqualTo(401);
    assertThat(agent.get("/v1/certificates", ORIGIN, withoutOrigin).status()).isEqualTo(401);
    assertThat(agent.post("/v1/signatures", OTHER_ALLOWED, forOrigin, oneDocument()).status())
        .isEqualTo(401);
    assertThat(prompt.batches).isEmpty();
  }

  @Test
  void threeWrongPairingCodesCancelThePairing() throws Exception {
    AgentClient agent = start();
    String id =
        (String) agent.post("/v1/pairing", ORIGIN, null, Map.of()).object().get("pairingId");
    String code = prompt.nextCode();
    String wrong = code.equals("000000") ? "111111" : "000000";

    // another allowed origin cannot complete it, even with the right code
    AgentClient.Reply foreign =
        agent.post("/v1/pairing/" + id, OTHER_ALLOWED, null, Map.of("code", code));
    assertThat(foreign.status()).isEqualTo(404);
    assertThat(foreign.error()).isEqualTo("unknown-pairing");

    AgentClient.Reply first = agent.post("/v1/pairing/" + id, ORIGIN, null, Map.of("code", wrong));
    assertThat(first.status()).isEqualTo(401);
    assertThat(first.error()).isEqualTo("wrong-code");
    assertThat(first.object()).containsEntry("attemptsLeft", new java.math.BigDecimal(2));
    assertThat(agent.post("/v1/pairing/" + id, ORIGIN, null, Map.of("code", wrong)).error())
        .isEqualTo("wrong-code");
    AgentClient.Reply third = agent.post("/v1/pairing/" + id, ORIGIN, null, Map.of("code", wrong));
    assertThat(third.status()).isEqualTo(401);
    assertThat(third.error()).isEqualTo("pairing-cancelled");

    AgentClient.Reply late = agent.post("/v1/pairing/" + id, ORIGIN, null, Map.of("code", code));
    assertThat(late.status()).isEqualTo(404);
    assertThat(late.error()).isEqualTo("unknown-pairing");
    assertThat(late.object()).doesNotContainKey("token");
  }

  @Test
  void atMostFivePairingsWaitAtATime() throws Exception {
    AgentClient agent = start();
    for (int i = 0; i < Pairing.MAX_PENDING; i++) {
      assertThat(agent.post("/v1/pairing", ORIGIN, null, Map.of()).status()).isEqualTo(200);
    }
    AgentClient.Reply refused = agent.post("/v1/pairing", ORIGIN, null, Map.of());
    assertThat(refused.status()).isEqualTo(429);
    assertThat(refused.error()).isEqualTo("too-many-pairings");
  }

  @Test
  void aClaimedOriginThatIsNotTheRequestsIs400() throws Exception {
    AgentClient agent = start();
    assertThat(agent.post("/v1/pairing", ORIGIN, null, Map.of("origin", OTHER_ALLOWED)).status())
        .isEqualTo(400);
    assertThat(agent.post("/v1/pairing", ORIGIN, null, Map.of("origin", ORIGIN)).status())
        .isEqualTo(200);
    assertThat(agent.post("/v1/pairing", null, null, Map.of("origin", "not an origin")).status())
        .isEqualTo(400);
  }

  @Test
  void pairingSurvivesARestartAndTheFileHoldsNoToken() throws Exception {
    AgentClient first = start();
    String token = first.pair(ORIGIN, prompt);
    started.remove(0).close();

    AgentClient second = start();
    assertThat(second.get("/v1/certificates", ORIGIN, token).status()).isEqualTo(200);
    Path file = home.resolve(Pairing.FILE);
    assertThat(Files.readString(file)).doesNotContain(token).contains("https\\://lienthong");
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void tooLargeOrMalformedBodiesAre400AndTheAgentServesTheNextRequest() throws Exception {
    AgentClient agent = start();
    String token = agent.pair(ORIGIN, prompt);
    String deep = "[".repeat(100) + "]".repeat(100);
    for (String body :
        List.of(
            "{",
            "not json",
            "{\"certificateId\": \"a\", \"certificateId\": \"b\"}",
            "{\"documents\": " + deep + "}",
            "{\"documents\": [1e99999999999]}",
            "[]",
            "{} trailing")) {
      AgentClient.Reply reply = agent.postRaw("/v1/signatures", ORIGIN, token, body);
      assertThat(reply.status()).as(body).isEqualTo(400);
      assertThat(reply.error()).as(body).isIn("bad-json", "bad-request");
      assertThat(agent.get("/v1/status", ORIGIN, token).status()).isEqualTo(200);
    }

    AgentClient.Reply wrongType =
        agent.send(
            agent
                .builder("/v1/signatures", ORIGIN, token)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(oneDocument()))));
    assertThat(wrongType.status()).isEqualTo(400);

    byte[] large = new byte[AgentHttp.MAX_BODY + 1];
    java.util.Arrays.fill(large, (byte) ' ');
    // with a Content-Length: refused before the body is read
    String answer =
        agent.raw(
            "POST /v1/signatures HTTP/1.1\r\nHost: 127.0.0.1:"
                + agent.port
                + "\r\nOrigin: "
                + ORIGIN
                + "\r\nAuthorization: Bearer "
                + token
                + "\r\nContent-Type: application/json\r\nContent-Length: "
                + large.length
                + "\r\n\r\n{\"documents\": [");
    assertThat(answer).startsWith("HTTP/1.1 400").contains("\"too-large\"");
    // chunked, without a length: refused once more than the limit was read
    AgentClient.Reply chunked =
        agent.send(
            agent
                .builder("/v1/signatures", ORIGIN, token)
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(large))));
    assertThat(chunked.status()).isEqualTo(400);
    assertThat(chunked.error()).isEqualTo("too-large");

    assertThat(agent.get("/v1/status", ORIGIN, token).status()).isEqualTo(200);
    assertThat(agent.post("/v1/signatures", ORIGIN, token, oneDocument()).status()).isEqualTo(200);
  }

  @Test
  void unknownPathsAre404AndWrongMethods405() throws Exception {
    AgentClient agent = start();
    assertThat(agent.get("/v2/status", null, null).status()).isEqualTo(404);
    assertThat(agent.get("/", null, null).status()).isEqualTo(404);
    assertThat(agent.post("/v1/status", null, null, Map.of()).status()).isEqualTo(405);
    assertThat(agent.get("/v1/pairing", null, null).status()).isEqualTo(405);
  }

  @Test
  void oneBatchAtATime() throws Exception {
    AgentClient agent = start();
    String token = agent.pair(ORIGIN, prompt);
    CountDownLatch asked = new CountDownLatch(1);
    CountDownLatch answered = new CountDownLatch(1);
    prompt.answer =
        batch -> {
          asked.countDown();
          try {
            answered.await(30, TimeUnit.SECONDS);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return Optional.of(DemoPki.DEMO_PASSWORD);
        };
    CompletableFuture<AgentClient.Reply> first =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return agent.post("/v1/signatures", ORIGIN, token, oneDocument());
              } catch (Exception e) {
                throw new IllegalStateException(e);
              }
            });
    assertThat(asked.await(30, TimeUnit.SECONDS)).isTrue();

    AgentClient.Reply second = agent.post("/v1/signatures", ORIGIN, token, oneDocument());
    assertThat(second.status()).isEqualTo(503);
    assertThat(second.error()).isEqualTo("token-busy");
    assertThat(agent.get("/v1/status", ORIGIN, token).status()).isEqualTo(200); // still answers

    answered.countDown();
    assertThat(first.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
  }
}
