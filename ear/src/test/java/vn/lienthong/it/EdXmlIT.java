package vn.lienthong.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.lienthong.infrastructure.edxml.EdXmlDocument;
import vn.lienthong.infrastructure.edxml.EdXmlPackage;
import vn.lienthong.infrastructure.edxml.EdXmlReader;
import vn.lienthong.infrastructure.edxml.EdXmlStatus;
import vn.lienthong.infrastructure.edxml.EdXmlWriter;

/**
 * edXML packages through the API (QCVN 102:2016/BTTTT): a sent document exported and read back,
 * imported into a unit's inbox like an arrival, imported twice and marked a duplicate, a status
 * message exported and one imported changing the sender's trace; a package with a DTD refused. Hòa
 * Khê sends (issued documents only here); Chính Gián and Vĩnh Trung receive.
 */
class EdXmlIT {
  static final String SENDER = "vanthu.hoakhe";
  static final String CHINH_GIAN = "000.22.31.H17";
  static final String VINH_TRUNG = "000.29.31.H17";

  private final Api api = TestServer.api();
  private final Path work = tempDir();

  @AfterEach
  void clean() throws Exception {
    try (var files = Files.walk(work)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void aSentDocumentGoesOutAsAPackageAndComesBackIntoAnotherInboxOnceThenAsADuplicate()
      throws Exception {
    UUID doc = api.issued(SENDER, TestPdf.of(3_000, "Ke hoach edXML"));
    assertThat(api.send(SENDER, doc, List.of(CHINH_GIAN)).status()).isEqualTo(202);
    String nativeDelivery = arrived("vanthu.chinhgian", doc);
    JsonObject view = api.get(SENDER, "api/v1/documents/" + doc).json();
    String notation = view.getString("notation");

    byte[] exported = bytes(SENDER, "api/v1/documents/" + doc + "/edxml");
    assertThat(new String(exported, StandardCharsets.UTF_8))
        .contains("http://www.mic.gov.vn/TBT/QCVN_102_2016");
    EdXmlDocument p = new EdXmlReader().readDocument(new ByteArrayInputStream(exported), work);
    assertThat(p.from().organId()).isEqualTo("000.23.31.H17");
    assertThat(p.to()).extracting(EdXmlPackage.Organ::organId).containsExactly(CHINH_GIAN);
    assertThat(p.code().text()).isEqualTo(notation);
    assertThat(p.subject()).isEqualTo("Về việc thử nghiệm liên thông");
    assertThat(p.otherInfo().priority()).isEqualTo(EdXmlDocument.Priority.NORMAL);
    assertThat(p.attachments()).hasSize(1);
    byte[] signed = api.download(SENDER, "api/v1/documents/" + doc + "/file");
    assertThat(sha256(Files.readAllBytes(p.attachments().get(0).file()))).isEqualTo(sha256(signed));

    // not addressed to Vĩnh Trung: refused there, nothing stored
    Api.Answer wrongUnit = importPackage("vanthu.vinhtrung", exported);
    assertThat(wrongUnit.status()).as(wrongUnit.body()).isEqualTo(422);
    assertThat(wrongUnit.isProblem()).isTrue();

    // the same package, readdressed to Vĩnh Trung as another system would send it
    byte[] toVinhTrung = readdressed(p, VINH_TRUNG);
    Api.Answer first = importPackage("vanthu.vinhtrung", toVinhTrung);
    assertThat(first.status()).as(first.body()).isEqualTo(201);
    JsonObject arrival = first.json();
    assertThat(arrival.getString("statusCode")).isEqualTo("01");
    assertThat(arrival.getString("notation")).isEqualTo(notation);
    assertThat(arrival.getString("senderCode")).isEqualTo("000.23.31.H17");
    assertThat(arrival.getString("signatureIndication")).isEqualTo("TOTAL_PASSED");
    assertThat(arrival.containsKey("duplicateOf")).isFalse();
    String imported = arrival.getString("id");
    assertThat(
            Inboxes.entryOrNull(
                api, "vanthu.vinhtrung", UUID.fromString(arrival.getString("documentId"))))
        .isNotNull();
    assertThat(
            api.postJson("vanthu.vinhtrung", "api/v1/deliveries/" + imported + "/register", "")
                .status())
        .isEqualTo(200);

    // imported a second time: it arrives marked, and is not registered twice
    JsonObject again = importPackage("vanthu.vinhtrung", toVinhTrung).json();
    assertThat(again.getString("duplicateOf")).isEqualTo(imported);
    Api.Answer registerAgain =
        api.postJson(
            "vanthu.vinhtrung", "api/v1/deliveries/" + again.getString("id") + "/register", "");
    assertThat(registerAgain.status()).as(registerAgain.body()).isEqualTo(409);

    // and at Chính Gián, which had it through the exchange already
    JsonObject twice = importPackage("vanthu.chinhgian", exported).json();
    assertThat(twice.getString("duplicateOf")).isEqualTo(nativeDelivery);
  }

  @Test
  void statusMessagesGoOutForADeliveryAndComeInForTheSendersDocument() throws Exception {
    UUID doc = api.issued(SENDER, TestPdf.of(3_000, "Trang thai edXML"));
    assertThat(api.send(SENDER, doc, List.of(CHINH_GIAN)).status()).isEqualTo(202);
    String delivery = arrived("vanthu.chinhgian", doc);
    assertThat(
            api.postJson("vanthu.chinhgian", "api/v1/deliveries/" + delivery + "/register", "")
                .status())
        .isEqualTo(200);
    String notation = api.get(SENDER, "api/v1/documents/" + doc).json().getString("notation");

    byte[] out = bytes("vanthu.chinhgian", "api/v1/deliveries/" + delivery + "/edxml-status");
    EdXmlStatus status = new EdXmlReader().readStatus(new ByteArrayInputStream(out));
    assertThat(status.statusCode()).isEqualTo(EdXmlStatus.StatusCode.REGISTERED);
    assertThat(status.responseFor().code()).isEqualTo(notation);
    assertThat(status.responseFor().organId()).isEqualTo("000.23.31.H17");
    assertThat(status.from().organId()).isEqualTo(CHINH_GIAN);

    // the same status again changes nothing
    assertThat(importPackage(SENDER, out).status()).isEqualTo(204);
    // a later one from the recipient's own system moves the sender's trace on
    EdXmlStatus inProgress =
        new EdXmlStatus(
            status.responseFor(),
            status.from(),
            EdXmlStatus.StatusCode.IN_PROGRESS,
            "Đang xử lý tại phòng chuyên môn",
            Instant.now(),
            null);
    ByteArrayOutputStream message = new ByteArrayOutputStream();
    new EdXmlWriter().write(inProgress, message);
    Api.Answer moved = importPackage(SENDER, message.toByteArray());
    assertThat(moved.status()).as(moved.body()).isEqualTo(204);
    JsonObject trace = api.get(SENDER, "api/v1/documents/" + doc + "/trace").json();
    assertThat(trace.getJsonArray("recipients").getJsonObject(0).getString("statusCode"))
        .isEqualTo("05");
    // a status about another unit's document is not for this unit
    assertThat(importPackage("vanthu.vinhtrung", message.toByteArray()).status()).isEqualTo(422);
    // one the delivery cannot move to (back to 03) is 409
    ByteArrayOutputStream back = new ByteArrayOutputStream();
    new EdXmlWriter().write(status, back);
    assertThat(importPackage(SENDER, back.toByteArray()).status()).isEqualTo(409);
  }

  @Test
  void aPackageWithADtdOrNoXmlIsRefusedAndChangesNothing() {
    long before = TestServer.count("SELECT count(*) FROM delivery");
    String evil =
        "<?xml version=\"1.0\"?><!DOCTYPE edXML [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
            + "<edXML xmlns=\"http://www.mic.gov.vn/TBT/QCVN_102_2016\">&x;</edXML>";
    for (String body : List.of(evil, "không phải XML", "")) {
      Api.Answer a = importPackage("vanthu.vinhtrung", body.getBytes(StandardCharsets.UTF_8));
      assertThat(a.status()).as(a.body()).isEqualTo(400);
      assertThat(a.isProblem()).isTrue();
      assertThat(a.json().getString("title")).isNotBlank();
    }
    assertThat(TestServer.count("SELECT count(*) FROM delivery")).isEqualTo(before);
    // an officer does not bring documents in
    assertThat(
            importPackage("chuyenvien.vinhtrung", evil.getBytes(StandardCharsets.UTF_8)).status())
        .isEqualTo(403);
  }

  private byte[] readdressed(EdXmlDocument p, String unit) throws Exception {
    EdXmlDocument copy =
        new EdXmlDocument(
            p.from(),
            List.of(new EdXmlPackage.Organ(unit, "UBND phường Vĩnh Trung")),
            p.code(),
            p.promulgationInfo(),
            p.documentType(),
            p.subject(),
            p.content(),
            p.signerInfo(),
            p.dueDate(),
            p.toPlaces(),
            p.otherInfo(),
            p.responseFor(),
            p.steeringType(),
            p.documentId(),
            p.traceHeaders(),
            p.business(),
            p.attachments());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new EdXmlWriter().write(copy, out);
    return out.toByteArray();
  }

  private Api.Answer importPackage(String user, byte[] body) {
    return api.send(
        api.request("api/v1/edxml")
            .header("Authorization", Api.auth(user))
            .header("Content-Type", "application/xml")
            .POST(HttpRequest.BodyPublishers.ofByteArray(body))
            .build());
  }

  private byte[] bytes(String user, String path) {
    return api.download(user, path);
  }

  private String arrived(String user, UUID document) {
    return Await.value(
            Duration.ofSeconds(60),
            document + " in the inbox of " + user,
            () -> Inboxes.entryOrNull(api, user, document))
        .getString("id");
  }

  private static String sha256(byte[] data) throws Exception {
    return HexFormat.of()
        .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data));
  }

  private static Path tempDir() {
    try {
      return Files.createTempDirectory("edxml-it-");
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
