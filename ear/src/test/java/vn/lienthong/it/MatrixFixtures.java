package vn.lienthong.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the authorization matrix's calls are made on, made through the API as the units make them.
 * UBND quận owns them: its documents go to Xuân Hà, and Xuân Hà's documents come into its inbox.
 * Each maker gives a new one; the shared ones are made once, for the calls that use nothing up.
 */
final class MatrixFixtures {
  static final String CLERK = "vanthu.ubnd";
  static final String LEADER = "lanhdao.ubnd";
  static final String OFFICER = "chuyenvien.ubnd";

  /** The owning unit's correspondent: receives its documents, sends it others. */
  static final String PEER = Api.XUAN_HA;

  static final String PEER_CLERK = "vanthu.xuanha";

  private static final Duration ARRIVAL = Duration.ofSeconds(90);

  private final Api api;
  private final MatrixHttp http;
  private final byte[] pdf = TestPdf.of(2_000, "Ma tran phan quyen");
  private final Map<String, TwoStepSigningIT.Token> tokens = new ConcurrentHashMap<>();

  final Shared<UUID> draft = new Shared<>(this::draft);
  final Shared<Sent> sent = new Shared<>(this::sent);
  final Shared<Incoming> incoming = new Shared<>(this::incoming);
  final Shared<Incoming> assigned = new Shared<>(this::assigned);
  final Shared<Session> session = new Shared<>(this::session);
  final Shared<byte[]> signedFile = new Shared<>(this::signedFile);
  final Shared<String> verified = new Shared<>(this::verified);
  final Shared<byte[]> statusMessage = new Shared<>(this::statusMessage);

  MatrixFixtures(Api api, MatrixHttp http) {
    this.api = api;
    this.http = http;
  }

  /** A document of the owning unit at the recipient: its delivery there. */
  record Sent(UUID document, UUID delivery) {}

  /** A document the peer sent, in the owning unit's inbox: its delivery there. */
  record Incoming(UUID document, UUID delivery) {}

  /** A leader's signing session and the value that completes it. */
  record Session(UUID id, String signatureValue) {}

  UUID draft() {
    return api.draft(CLERK, pdf);
  }

  /** Signed by the leader (demo signer), not yet issued. */
  UUID signed() {
    UUID id = draft();
    expect(api.postJson(LEADER, "api/v1/documents/" + id + "/demo-signature", ""), 200);
    return id;
  }

  UUID issued() {
    return api.issued(CLERK, pdf);
  }

  /** Issued, sent to the peer and arrived there (a recall needs the delivery to exist). */
  Sent sent() {
    UUID id = issued();
    expect(api.send(CLERK, id, List.of(PEER)), 202);
    return new Sent(id, arrived(CLERK, id, PEER));
  }

  Incoming incoming() {
    UUID id = api.issued(PEER_CLERK, pdf);
    expect(api.send(PEER_CLERK, id, List.of(Api.UBND)), 202);
    return new Incoming(id, arrived(PEER_CLERK, id, Api.UBND));
  }

  Incoming registered() {
    Incoming in = incoming();
    expect(api.postJson(CLERK, delivery(in) + "/register", ""), 200);
    return in;
  }

  /** Registered and assigned to the unit's officer. */
  Incoming assigned() {
    Incoming in = registered();
    expect(
        api.postJson(
            LEADER,
            delivery(in) + "/assign",
            "{\"handler\": \"" + OFFICER + "\", \"workingDays\": 5}"),
        200);
    return in;
  }

  /** The peer asks for it back. */
  Incoming recallRequested() {
    Incoming in = incoming();
    expect(
        api.postJson(
            PEER_CLERK,
            "api/v1/documents/" + in.document() + "/recall",
            "{\"reason\": \"Ban hành nhầm\"}"),
        200);
    return in;
  }

  /**
   * A delivery the exchange gave up on. Set in the database: making one fail for real takes a
   * broker of its own (PoisonDeliveryIT); what is checked here is who may retry it.
   */
  Incoming failed() throws Exception {
    Incoming in = incoming();
    try (var c = TestServer.db();
        var ps = c.prepareStatement("UPDATE delivery SET status = 'FAILED' WHERE id = ?")) {
      ps.setObject(1, in.delivery());
      if (ps.executeUpdate() != 1) {
        throw new IllegalStateException("no delivery " + in.delivery());
      }
    }
    return in;
  }

  /** The leader's session on a new draft, prepared with his own certificate chain. */
  Session session() throws Exception {
    UUID id = draft();
    TwoStepSigningIT.Token token = token(LEADER);
    Api.Answer a =
        expect(
            api.postJson(LEADER, "api/v1/documents/" + id + "/signing-sessions", token.chainJson()),
            201);
    JsonObject s = a.json();
    return new Session(UUID.fromString(s.getString("id")), token.sign(s.getString("dataToSign")));
  }

  /** The SHA-256 of a signed document publicly verified just now (from the matrix's address). */
  String verified() {
    MatrixHttp.Answer a = http.send(null, verification(signedFile.get()));
    if (a.status() != 200) {
      throw new IllegalStateException("verification failed: " + a);
    }
    return json(a.body()).getString("documentSha256");
  }

  /** The signed and sealed PDF of the shared sent document. */
  byte[] signedFile() {
    return api.download(CLERK, "api/v1/documents/" + sent.get().document() + "/file");
  }

  /** The edXML status message the peer's system would send about the owning unit's document. */
  byte[] statusMessage() {
    return api.download(PEER_CLERK, "api/v1/deliveries/" + sent.get().delivery() + "/edxml-status");
  }

  static MatrixHttp.Request verification(byte[] pdf) {
    Api.Multipart m = new Api.Multipart();
    m.part("file", "van-ban.pdf", "application/pdf", pdf);
    return new MatrixHttp.Request("POST", "api/v1/verifications", m.contentType(), m.bytes());
  }

  /** POST /documents as the web client sends it: metadata and the PDF. */
  MatrixHttp.Request newDocument() {
    Api.Multipart m = new Api.Multipart();
    m.part(
        "metadata",
        null,
        "application/json",
        Api.metadata("CONG_VAN", "Về việc thử quyền soạn thảo", "NORMAL")
            .getBytes(StandardCharsets.UTF_8));
    m.part("file", "cv.pdf", "application/pdf", pdf);
    return new MatrixHttp.Request("POST", "api/v1/documents", m.contentType(), m.bytes());
  }

  /** The leader's key and chain as on his token (the demo PKI's key store of that leader). */
  TwoStepSigningIT.Token token(String leader) {
    return tokens.computeIfAbsent(
        leader,
        l -> {
          try {
            return TwoStepSigningIT.Token.of("leader-" + l);
          } catch (Exception e) {
            throw new IllegalStateException("no demo key of " + l, e);
          }
        });
  }

  /** The DER certificate, base64, of the demo PKI's spare clerk: no account signs with it. */
  static String spareCertificate() throws Exception {
    java.security.KeyStore ks = java.security.KeyStore.getInstance("PKCS12");
    try (var in =
        java.nio.file.Files.newInputStream(
            java.nio.file.Path.of("target", "it-data", "pki", "clerk.p12"))) {
      ks.load(in, "demo".toCharArray());
    }
    return java.util.Base64.getEncoder()
        .encodeToString(ks.getCertificate(ks.aliases().nextElement()).getEncoded());
  }

  private static String delivery(Incoming in) {
    return "api/v1/deliveries/" + in.delivery();
  }

  /** Waits for the delivery to {@code unit} to arrive, as the sender's trace shows it. */
  private UUID arrived(String senderClerk, UUID document, String unit) {
    return Await.value(
        ARRIVAL,
        document + " arrived at " + unit,
        () -> {
          for (JsonValue v :
              api.get(senderClerk, "api/v1/documents/" + document + "/trace")
                  .json()
                  .getJsonArray("recipients")) {
            JsonObject r = v.asJsonObject();
            if (r.getString("code").equals(unit) && "ARRIVED".equals(r.getString("status"))) {
              return UUID.fromString(r.getString("deliveryId"));
            }
          }
          return null;
        });
  }

  private static Api.Answer expect(Api.Answer a, int status) {
    if (a.status() != status) {
      throw new IllegalStateException("fixture call answered " + a.status() + ": " + a.body());
    }
    return a;
  }

  static JsonObject json(String body) {
    return Json.createReader(new StringReader(body)).readObject();
  }

  /** Made once, on first use, by whichever call needs it first. */
  static final class Shared<T> {
    private final Callable<T> make;
    private T value;

    Shared(Callable<T> make) {
      this.make = make;
    }

    synchronized T get() {
      if (value == null) {
        try {
          value = make.call();
        } catch (RuntimeException e) {
          throw e;
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
      return value;
    }
  }
}
