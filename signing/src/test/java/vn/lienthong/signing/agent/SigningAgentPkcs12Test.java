package vn.lienthong.signing.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienthong.signing.agent.AgentData.document;
import static vn.lienthong.signing.agent.AgentData.request;
import static vn.lienthong.signing.agent.AgentData.results;
import static vn.lienthong.signing.agent.AgentData.signedAttributes;
import static vn.lienthong.signing.agent.AgentData.verifies;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.signing.Fixtures;
import vn.lienthong.signing.appearance.Appearance;
import vn.lienthong.signing.appearance.Placement;
import vn.lienthong.signing.pades.PadesSigner;
import vn.lienthong.signing.pades.PendingSignature;
import vn.lienthong.signing.pades.SignOptions;
import vn.lienthong.signing.pades.SignatureLevel;
import vn.lienthong.signing.pki.CertificateHolder;
import vn.lienthong.signing.pki.DemoPki;
import vn.lienthong.signing.validation.Indication;
import vn.lienthong.signing.validation.PdfVerifier;
import vn.lienthong.signing.validation.Verdict;

/** The agent with a PKCS#12 file (the demo's leader), driven over HTTP as the web client does. */
class SigningAgentPkcs12Test {

  static final String ORIGIN = "https://lienthong.thanhkhe.danang.gov.vn";
  static final String DEMO_ORIGIN = "http://localhost:8080";

  @TempDir Path home;
  private final List<SigningAgent> started = new ArrayList<>();
  private final ByteArrayOutputStream log = new ByteArrayOutputStream();

  @AfterEach
  void stop() {
    started.forEach(SigningAgent::close);
  }

  private static Path leaderFile() {
    return Fixtures.pki().keyStoreOf(DemoPki.LEADER);
  }

  static X509Certificate leader() {
    return Fixtures.pki().certificateOf(DemoPki.LEADER);
  }

  private AgentClient start(Path keyFile, PinPrompt prompt, String... extra) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "--port",
                "0",
                "--home",
                home.toString(),
                "--pkcs12",
                keyFile.toString(),
                "--origin",
                ORIGIN + "," + DEMO_ORIGIN));
    args.addAll(List.of(extra));
    return start(AgentConfig.parse(args.toArray(new String[0])), prompt);
  }

  private AgentClient start(AgentConfig config, PinPrompt prompt) throws Exception {
    SigningAgent agent =
        SigningAgent.start(config, prompt, new PrintStream(log, true, StandardCharsets.UTF_8));
    started.add(agent);
    return new AgentClient(agent.port());
  }

  @Test
  void listsTheFilesCertificateWithItsChain() throws Exception {
    TestPrompt prompt = new TestPrompt(DemoPki.DEMO_PASSWORD);
    AgentClient agent = start(leaderFile(), prompt);
    String token = agent.pair(ORIGIN, prompt);

    AgentClient.Reply reply = agent.get("/v1/certificates", ORIGIN, token);

    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.header("Access-Control-Allow-Origin")).contains(ORIGIN);
    assertThat(reply.array()).hasSize(1);
    @SuppressWarnings("unchecked")
    Map<String, Object> certificate = (Map<String, Object>) reply.array().get(0);
    X509Certificate leader = leader();
    assertThat(certificate.get("id"))
        .isEqualTo(AgentData.hex(AgentData.sha256(leader.getEncoded())));
    assertThat((String) certificate.get("subject")).startsWith("CN=").contains("Nguyễn");
    assertThat((String) certificate.get("issuer")).contains("Issuing CA");
    assertThat(certificate.get("serialNumber")).isEqualTo(leader.getSerialNumber().toString(16));
    assertThat(certificate.get("notAfter")).isEqualTo(leader.getNotAfter().toInstant().toString());
    assertThat(certificate.get("keyLocation")).isEqualTo("tệp leader.p12");
    List<X509Certificate> chain = chain(certificate);
    assertThat(chain).hasSize(3);
    assertThat(chain.get(0)).isEqualTo(leader);
    assertThat(chain.get(2)).isEqualTo(Fixtures.pki().rootCertificate());
    assertThat(prompt.batches).isEmpty();
  }

  @Test
  void headlessModeSignsABatchOfThreeAndEachValueVerifies() throws Exception {
    Path pinFile = home.resolve("pin.txt");
    Files.writeString(pinFile, DemoPki.DEMO_PASSWORD + "\n");
    AgentConfig config =
        AgentConfig.parse(
            new String[] {
              "--port",
              "0",
              "--home",
              home.toString(),
              "--pkcs12",
              leaderFile().toString(),
              "--origin",
              DEMO_ORIGIN,
              "--headless",
              "--pin-file",
              pinFile.toString()
            });
    AgentClient agent = start(config, PinPrompt.forConfig(config, new PrintStream(log, true)));

    // the headless prompt writes the pairing code where a test (or script) can read it
    String id =
        (String) agent.post("/v1/pairing", DEMO_ORIGIN, null, Map.of()).object().get("pairingId");
    String code = Files.readString(home.resolve(HeadlessPrompt.PAIRING_CODE_FILE)).strip();
    assertThat(code).matches("[0-9]{6}");
    String token =
        (String)
            agent
                .post("/v1/pairing/" + id, DEMO_ORIGIN, null, Map.of("code", code))
                .object()
                .get("token");
    assertThat(token).matches("[A-Za-z0-9_-]{43}");

    List<byte[]> data =
        List.of(signedAttributes("a"), signedAttributes("b"), signedAttributes("c"));
    List<String> algorithms = List.of("SHA256withRSA", "SHA384withRSA", "SHA512withRSA");
    List<Map<String, Object>> documents = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      documents.add(document("s" + i, data.get(i), algorithms.get(i)));
    }
    AgentClient.Reply reply =
        agent.post("/v1/signatures", DEMO_ORIGIN, token, request(id(leader()), documents));

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    List<Map<String, Object>> results = results(reply);
    assertThat(results).extracting(r -> r.get("sessionId")).containsExactly("s0", "s1", "s2");
    for (int i = 0; i < 3; i++) {
      assertThat(results.get(i)).doesNotContainKey("error");
      assertThat(
              verifies(
                  leader(),
                  algorithms.get(i),
                  data.get(i),
                  (String) results.get(i).get("signatureValue")))
          .isTrue();
    }
  }

  @Test
  void oneMalformedDocumentOrWrongAlgorithmDoesNotSinkTheOthers() throws Exception {
    TestPrompt prompt = new TestPrompt(DemoPki.DEMO_PASSWORD);
    AgentClient agent = start(leaderFile(), prompt);
    String token = agent.pair(ORIGIN, prompt);
    byte[] good = signedAttributes("good");
    byte[] alsoGood = signedAttributes("also good");
    Map<String, Object> badHash = document("hash", signedAttributes("x"), "SHA256withRSA");
    badHash.put("documentSha256", "abc");
    List<Map<String, Object>> documents =
        List.of(
            document("ok-1", good, "SHA256withRSA"),
            document("not-base64", "Công văn", "%%% không phải base64 %%%", "SHA256withRSA"),
            document("not-cms", "a PDF".getBytes(StandardCharsets.UTF_8), "SHA256withRSA"),
            document("ecdsa-for-rsa", signedAttributes("y"), "SHA256withECDSA"),
            document("md5", signedAttributes("z"), "MD5withRSA"),
            badHash,
            document("ok-2", alsoGood, "SHA256withRSA"));

    AgentClient.Reply reply =
        agent.post("/v1/signatures", ORIGIN, token, request(id(leader()), documents));

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    List<Map<String, Object>> results = results(reply);
    assertThat(results)
        .extracting(r -> r.get("sessionId") + ":" + r.get("error"))
        .containsExactly(
            "ok-1:null",
            "not-base64:bad-data-to-sign",
            "not-cms:bad-data-to-sign",
            "ecdsa-for-rsa:unsupported-algorithm",
            "md5:unsupported-algorithm",
            "hash:bad-document-hash",
            "ok-2:null");
    assertThat(
            verifies(
                leader(), "SHA256withRSA", good, (String) results.get(0).get("signatureValue")))
        .isTrue();
    assertThat(
            verifies(
                leader(), "SHA256withRSA", alsoGood, (String) results.get(6).get("signatureValue")))
        .isTrue();
    assertThat((String) results.get(3).get("message")).contains("SHA256withRSA");
    // the official saw the two to sign and the five refused, and was asked once
    assertThat(prompt.batches).hasSize(1);
    assertThat(prompt.batches.get(0).documents()).hasSize(2);
    assertThat(prompt.batches.get(0).refused()).hasSize(5);
    assertThat(prompt.batches.get(0).signer()).isEqualTo("Nguyễn Văn Hùng");
  }

  @Test
  void aBatchWithNothingToSignAsksNoPin() throws Exception {
    TestPrompt prompt = new TestPrompt(DemoPki.DEMO_PASSWORD);
    AgentClient agent = start(leaderFile(), prompt);
    String token = agent.pair(ORIGIN, prompt);
    AgentClient.Reply reply =
        agent.post(
            "/v1/signatures",
            ORIGIN,
            token,
            request(
                id(leader()), List.of(document("only", new byte[] {1, 2, 3}, "SHA256withRSA"))));
    assertThat(reply.status()).isEqualTo(200);
    assertThat(results(reply).get(0).get("error")).isEqualTo("bad-data-to-sign");
    assertThat(prompt.batches).isEmpty();
  }

  @Test
  void wrongPinIs422AndNothingIsSigned() throws Exception {
    TestPrompt prompt = new TestPrompt(DemoPki.DEMO_PASSWORD);
    AgentClient agent = start(leaderFile(), prompt);
    String token = agent.pair(ORIGIN, prompt);
    prompt.givingPin("not the password");

    AgentClient.Reply reply = agent.post("/v1/signatures", ORIGIN, token, threeDocuments());

    assertThat(reply.status()).isEqualTo(422);
    assertThat(reply.error()).isEqualTo("wrong-pin");
    assertThat((String) reply.object().get("message")).contains("Sai mã PIN");
    assertThat(reply.object()).doesNotContainKey("results");
    assertThat(prompt.batches).hasSize(1); // asked once, never again by itself

    prompt.givingPin(DemoPki.DEMO_PASSWORD);
    assertThat(agent.post("/v1/signatures", ORIGIN, token, threeDocuments()).status())
        .isEqualTo(200);
  }

  @Test
  void declinedIs409() throws Exception {
    TestPrompt prompt = new TestPrompt(DemoPki.DEMO_PASSWORD);
    AgentClient agent = start(leaderFile(), prompt);
    String token = agent.pair(ORIGIN, prompt);
    prompt.declining();

    AgentClient.Reply reply = agent.post("/v1/signatures", ORIGIN, token, threeDocuments());

    assertThat(reply.status()).isEqualTo(409);
    assertThat(reply.error()).isEqualTo("declined");
    assertThat(reply.header("Access-Control-Allow-Origin")).contains(ORIGIN);
  }

  @Test
  void anUnknownCertificateIs404() throws Exception {
    TestPrompt prompt = new TestPrompt(DemoPki.DEMO_PASSWORD);
    AgentClient agent = start(leaderFile(), prompt);
    String token = agent.pair(ORIGIN, prompt);
    AgentClient.Reply reply =
        agent.post(
            "/v1/signatures",
            ORIGIN,
            token,
            request(
                "00".repeat(32), List.of(document("x", signedAttributes("x"), "SHA256withRSA"))));
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.error()).isEqualTo("unknown-certificate");
    assertThat(prompt.batches).isEmpty();
  }

  @Test
  void anEcdsaKeySignsWithEachEcdsaAlgorithmAndRefusesRsa(@TempDir Path dir) throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    KeyPair pair = generator.generateKeyPair();
    DemoPki pki = Fixtures.pki();
    X509Certificate certificate =
        pki.issue(
            new CertificateHolder.Person(
                "ec-official",
                "Trần Thị Bình",
                "Phó Chủ tịch",
                DemoPki.DEMO_UNIT,
                DemoPki.DEMO_ORGAN_CODE),
            pair.getPublic());
    KeyStore store = KeyStore.getInstance("PKCS12");
    store.load(null, null);
    store.setKeyEntry(
        "ec",
        pair.getPrivate(),
        "ec-password".toCharArray(),
        new Certificate[] {certificate, pki.issuingCertificate(), pki.rootCertificate()});
    Path file = dir.resolve("ec.p12");
    try (OutputStream out = Files.newOutputStream(file)) {
      store.store(out, "ec-password".toCharArray());
    }
    TestPrompt prompt = new TestPrompt("ec-password");
    AgentClient agent = start(file, prompt);
    String token = agent.pair(ORIGIN, prompt);

    List<String> algorithms = List.of("SHA256withECDSA", "SHA384withECDSA", "SHA512withECDSA");
    List<Map<String, Object>> documents = new ArrayList<>();
    for (String algorithm : algorithms) {
      documents.add(document(algorithm, signedAttributes(algorithm), algorithm));
    }
    documents.add(document("rsa", signedAttributes("rsa"), "SHA256withRSA"));
    AgentClient.Reply reply =
        agent.post("/v1/signatures", ORIGIN, token, request(id(certificate), documents));

    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    List<Map<String, Object>> results = results(reply);
    for (int i = 0; i < 3; i++) {
      assertThat(
              verifies(
                  certificate,
                  algorithms.get(i),
                  signedAttributes(algorithms.get(i)),
                  (String) results.get(i).get("signatureValue")))
          .isTrue();
    }
    assertThat(results.get(3).get("error")).isEqualTo("unsupported-algorithm");
  }

  @Test
  void theServerFinishesTheAgentsSignatureIntoAPdfThatPasses(@TempDir Path dir) throws Exception {
    TestPrompt prompt = new TestPrompt(DemoPki.DEMO_PASSWORD);
    AgentClient agent = start(leaderFile(), prompt);
    String token = agent.pair(DEMO_ORIGIN, prompt);
    @SuppressWarnings("unchecked")
    Map<String, Object> listed =
        (Map<String, Object>) agent.get("/v1/certificates", DEMO_ORIGIN, token).array().get(0);

    // the server: prepare with the chain the page got from the agent
    Path pdf = Fixtures.samplePdf(dir, 2);
    SignOptions options =
        new SignOptions(
            SignatureLevel.B_LT,
            new Appearance.Leader(
                "Nguyễn Văn Hùng", "Chủ tịch", null, new Placement(1, 330, 620, 200, 90)),
            "Phê duyệt",
            "Đà Nẵng");
    PadesSigner signer = new PadesSigner(Fixtures.services());
    PendingSignature pending = signer.prepare(pdf, options, chain(listed));

    // the page: the agent signs what the server gave it
    Map<String, Object> document = new java.util.LinkedHashMap<>();
    document.put("sessionId", "phien-1");
    document.put("title", "Quyết định về việc công nhận kết quả");
    document.put("number", "12/QĐ-UBND");
    document.put("documentSha256", pending.documentSha256());
    document.put("dataToSign", Base64.getEncoder().encodeToString(pending.dataToSign()));
    document.put("signatureAlgorithm", pending.signatureAlgorithm());
    AgentClient.Reply reply =
        agent.post(
            "/v1/signatures",
            DEMO_ORIGIN,
            token,
            request((String) listed.get("id"), List.of(document)));
    assertThat(reply.status()).as(reply.body()).isEqualTo(200);
    byte[] value = Base64.getDecoder().decode((String) results(reply).get(0).get("signatureValue"));
    assertThat(prompt.batches.get(0).documents().get(0).documentSha256())
        .isEqualTo(pending.documentSha256());

    // the server again: finish and verify
    Path signed = dir.resolve("signed.pdf");
    signer.finish(pdf, PendingSignature.fromBytes(pending.toBytes()), value, signed);
    Verdict verdict = new PdfVerifier(Fixtures.services()).verify(signed);
    assertThat(verdict.indication()).isEqualTo(Indication.TOTAL_PASSED);
    assertThat(verdict.signatures().get(0).signer()).contains("Nguyễn Văn Hùng");
  }

  private Map<String, Object> threeDocuments() {
    return request(
        id(leader()),
        List.of(
            document("a", signedAttributes("a"), "SHA256withRSA"),
            document("b", signedAttributes("b"), "SHA256withRSA"),
            document("c", signedAttributes("c"), "SHA256withRSA")));
  }

  static String id(X509Certificate certificate) {
    try {
      return AgentData.hex(AgentData.sha256(certificate.getEncoded()));
    } catch (java.security.cert.CertificateEncodingException e) {
      throw new IllegalStateException(e);
    }
  }

  static List<X509Certificate> chain(Map<String, Object> certificate) throws Exception {
    CertificateFactory factory = CertificateFactory.getInstance("X.509");
    List<X509Certificate> chain = new ArrayList<>();
    for (Object der : (List<?>) certificate.get("chain")) {
      chain.add(
          (X509Certificate)
              factory.generateCertificate(
                  new ByteArrayInputStream(Base64.getDecoder().decode((String) der))));
    }
    return chain;
  }
}
