package vn.lienthong.signing.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienthong.signing.agent.AgentData.document;
import static vn.lienthong.signing.agent.AgentData.request;
import static vn.lienthong.signing.agent.AgentData.results;
import static vn.lienthong.signing.agent.AgentData.signedAttributes;
import static vn.lienthong.signing.agent.AgentData.verifies;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.signing.Fixtures;
import vn.lienthong.signing.SoftHsm;
import vn.lienthong.signing.key.Pkcs11KeySource;

/** The agent on the SoftHSM token (the tests' stand-in for an official's USB token). */
class SigningAgentSoftHsmTest {

  static final String ORIGIN = SigningAgentPkcs12Test.ORIGIN;

  private static X509Certificate seal;

  @TempDir Path home;
  private SigningAgent agent;
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  @BeforeAll
  static void token() {
    seal = SoftHsm.ensureToken();
  }

  @BeforeEach
  void loggedOut() {
    Pkcs11KeySource.closeAllTokens(); // whatever other tests left logged in
  }

  @AfterEach
  void stop() {
    if (agent != null) {
      agent.close();
    }
  }

  private AgentClient start(TestPrompt prompt, String... selection) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--port",
                "0",
                "--home",
                home.toString(),
                "--pkcs11",
                SoftHsm.LIBRARY.toString(),
                "--origin",
                ORIGIN));
    args.addAll(List.of(selection));
    agent =
        SigningAgent.start(
            AgentConfig.parse(args.toArray(new String[0])),
            prompt,
            new PrintStream(log, true, StandardCharsets.UTF_8));
    return new AgentClient(agent.port());
  }

  @Test
  void listsTheTokensSigningCertificateWithItsChainWithoutAPin() throws Exception {
    for (String[] selection :
        List.of(new String[0], new String[] {"--token-label", SoftHsm.TOKEN})) {
      TestPrompt prompt = new TestPrompt(SoftHsm.PIN);
      AgentClient client = start(prompt, selection);
      String token = client.pair(ORIGIN, prompt);

      AgentClient.Reply reply = client.get("/v1/certificates", ORIGIN, token);

      assertThat(reply.status()).as(reply.body()).isEqualTo(200);
      // the CA certificates on the token are not signing certificates; the spare token has none
      assertThat(reply.array()).hasSize(1);
      @SuppressWarnings("unchecked")
      Map<String, Object> certificate = (Map<String, Object>) reply.array().get(0);
      assertThat(certificate.get("id")).isEqualTo(SigningAgentPkcs12Test.id(seal));
      assertThat((String) certificate.get("subject"))
          .contains("organizationIdentifier=000.00.31.H17");
      assertThat(certificate.get("keyLocation")).isEqualTo("USB token '" + SoftHsm.TOKEN + "'");
      List<X509Certificate> chain = SigningAgentPkcs12Test.chain(certificate);
      assertThat(chain)
          .containsExactly(
              seal, Fixtures.pki().issuingCertificate(), Fixtures.pki().rootCertificate());
      assertThat(prompt.batches).isEmpty();
      agent.close();
      agent = null;
    }
  }

  @Test
  void aTokenThatIsNotThereIs503() throws Exception {
    TestPrompt prompt = new TestPrompt(SoftHsm.PIN);
    AgentClient client = start(prompt, "--token-label", "no-such-token");
    String token = client.pair(ORIGIN, prompt);
    AgentClient.Reply reply = client.get("/v1/certificates", ORIGIN, token);
    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.error()).isEqualTo("token-absent");
  }

  @Test
  void signsABatchOfThreeOnTheTokenAndEachValueVerifies() throws Exception {
    TestPrompt prompt = new TestPrompt(SoftHsm.PIN);
    AgentClient client = start(prompt);
    String token = client.pair(ORIGIN, prompt);
    List<String> algorithms = List.of("SHA256withRSA", "SHA384withRSA", "SHA512withRSA");
    List<Map<String, Object>> documents = new ArrayList<>();
    for (String algorithm : algorithms) {
      documents.add(document(algorithm, signedAttributes(algorithm), algorithm));
    }

    AgentClient.Reply reply =
        client.post(
            "/v1/signatures", ORIGIN, token, request(SigningAgentPkcs12Test.id(seal), documents));

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    List<Map<String, Object>> results = results(reply);
    for (int i = 0; i < 3; i++) {
      assertThat(results.get(i).get("sessionId")).isEqualTo(algorithms.get(i));
      assertThat(
              verifies(
                  seal,
                  algorithms.get(i),
                  signedAttributes(algorithms.get(i)),
                  (String) results.get(i).get("signatureValue")))
          .isTrue();
    }
    assertThat(prompt.batches).hasSize(1);
    assertThat(prompt.batches.get(0).keyLocation()).contains(SoftHsm.TOKEN);
  }

  @Test
  void wrongPinIs422BeforeAnythingIsSigned() throws Exception {
    TestPrompt prompt = new TestPrompt(SoftHsm.PIN);
    AgentClient client = start(prompt);
    String token = client.pair(ORIGIN, prompt);
    prompt.givingPin("00000000");
    Map<String, Object> request =
        request(
            SigningAgentPkcs12Test.id(seal),
            List.of(
                document("a", signedAttributes("a"), "SHA256withRSA"),
                document("b", signedAttributes("b"), "SHA256withRSA")));

    AgentClient.Reply reply = client.post("/v1/signatures", ORIGIN, token, request);

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.error()).isEqualTo("wrong-pin");
    assertThat(reply.object()).doesNotContainKey("results");
    assertThat(prompt.batches).hasSize(1);

    // the token checks the next PIN itself (the batch's login was closed)
    prompt.givingPin(SoftHsm.PIN);
    assertThat(client.post("/v1/signatures", ORIGIN, token, request).status()).isEqualTo(200);
  }
}
