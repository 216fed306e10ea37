package vn.lienthong.it;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.lienthong.it.Api.NOI_VU;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every bad input gets the right 4xx problem and changes nothing. */
class MalformedInputIT {
  private static final String CLERK = "vanthu.vp";
  private final Api api = TestServer.api();
  private long documentsBefore;
  private long contentBefore;

  @BeforeEach
  void countStoredRows() {
    documentsBefore = TestServer.count("SELECT count(*) FROM outgoing_document");
    contentBefore = TestServer.count("SELECT count(*) FROM content");
  }

  private void assertNothingStored() {
    assertThat(TestServer.count("SELECT count(*) FROM outgoing_document"))
        .isEqualTo(documentsBefore);
    assertThat(TestServer.count("SELECT count(*) FROM content")).isEqualTo(contentBefore);
  }

  private static void assertProblem(Api.Answer a, int status, String typeSuffix) {
    assertThat(a.status()).as(a.body()).isEqualTo(status);
    assertThat(a.isProblem()).as(a.contentType()).isTrue();
    var p = a.json();
    assertThat(p.getInt("status")).isEqualTo(status);
    assertThat(p.getString("type")).endsWith(":" + typeSuffix);
    assertThat(p.getString("title")).isNotBlank();
    assertThat(a.body()).doesNotContain("Exception").doesNotContain("at vn.");
  }

  @Test
  void notAPdfIs415() {
    Api.Answer a =
        api.createDocument(
            CLERK,
            Api.metadata("CONG_VAN", "Không phải PDF", null),
            "<html>xin chào</html>".getBytes(StandardCharsets.UTF_8),
            "trang.html");
    assertProblem(a, 415, "unsupported-media-type");
    assertNothingStored();
  }

  @Test
  void aPageWithAPdfHeaderInsideIsNotAPdf() {
    // a reader would open it (a header within the first kilobyte); a browser would run its script
    Api.Answer a =
        api.createDocument(
            CLERK,
            Api.metadata("CONG_VAN", "Trang giả PDF", null),
            ("<html><script>alert(1)</script>\n"
                    + new String(TestPdf.of(2_000, "x"), StandardCharsets.ISO_8859_1))
                .getBytes(StandardCharsets.ISO_8859_1),
            "trang.pdf");
    assertProblem(a, 415, "unsupported-media-type");
    assertNothingStored();
  }

  @Test
  void emptyFileIs400() {
    Api.Answer a =
        api.createDocument(CLERK, Api.metadata("CONG_VAN", "Tệp rỗng", null), new byte[0], "x.pdf");
    assertProblem(a, 400, "validation");
    assertThat(a.json().getJsonObject("errors").containsKey("file")).isTrue();
    assertNothingStored();
  }

  @Test
  void badJsonMetadataIs400() {
    Api.Answer a =
        api.createDocument(CLERK, "{\"type\": \"CONG_VAN\", ", TestPdf.of(1000, "x"), "x.pdf");
    assertProblem(a, 400, "validation");
    assertThat(a.json().getJsonObject("errors").containsKey("metadata")).isTrue();
    assertNothingStored();
  }

  @Test
  void missingFieldsAreListedTogether() {
    Api.Answer a =
        api.createDocument(
            CLERK,
            "{\"type\": \"Giấy khen\", \"urgency\": \"rất gấp\", \"dueDate\": \"31/12/2026\"}",
            TestPdf.of(1000, "x"),
            "x.pdf");
    assertProblem(a, 400, "validation");
    assertThat(a.json().getJsonObject("errors").keySet())
        .containsExactlyInAnyOrder("type", "abstract", "urgency", "dueDate");
    assertNothingStored();
  }

  @Test
  void missingPartsAre400() {
    Api.Answer noFile =
        api.createDocument(CLERK, Api.metadata("CONG_VAN", "Không có tệp", null), null, null);
    assertProblem(noFile, 400, "validation");
    Api.Answer noMetadata = api.createDocument(CLERK, null, TestPdf.of(1000, "x"), "x.pdf");
    assertProblem(noMetadata, 400, "validation");
    Api.Answer json =
        api.postJson(CLERK, "api/v1/documents", "{\"type\":\"CONG_VAN\",\"abstract\":\"x\"}");
    assertProblem(json, 415, "unsupported-media-type");
    assertNothingStored();
  }

  @ParameterizedTest
  @ValueSource(strings = {"CONFIDENTIAL", "SECRET", "TOP_SECRET", "Mật", "tối mật"})
  void classifiedDocumentsAreRefusedAndAudited(String classification) {
    long audits =
        TestServer.count(
            "SELECT count(*) FROM audit_event WHERE action = 'DOCUMENT_REFUSED_CLASSIFIED'");
    Api.Answer a =
        api.createDocument(
            CLERK,
            Api.metadata("QUYET_DINH", "Văn bản mật", classification),
            TestPdf.of(2000, "mat"),
            "mat.pdf");
    assertProblem(a, 422, "classified-document");
    assertThat(a.json().getString("detail")).contains("mật");
    assertNothingStored();
    assertThat(
            TestServer.count(
                "SELECT count(*) FROM audit_event WHERE action = 'DOCUMENT_REFUSED_CLASSIFIED'"))
        .isEqualTo(audits + 1);
  }

  @Test
  void uploadOverTheLimitIs413BeforeAnythingIsRead() {
    // The head alone, announcing a body over the limit: the answer comes before any byte of it.
    Api.Answer a =
        RawHttp.post(
            api.base(),
            "api/v1/documents",
            Map.of(
                "Authorization",
                Api.auth(CLERK),
                "Content-Type",
                "multipart/form-data; boundary=x",
                "Content-Length",
                String.valueOf(TestServer.UPLOAD_LIMIT + 2 * 1024 * 1024),
                "Expect",
                "100-continue"),
            null);
    assertProblem(a, 413, "too-large");
    assertNothingStored();
  }

  @Test
  void chunkedUploadIsCutAtTheLimit() {
    Api.Multipart m = new Api.Multipart();
    m.part(
        "metadata",
        null,
        "application/json",
        Api.metadata("CONG_VAN", "Quá lớn", null).getBytes(StandardCharsets.UTF_8));
    byte[] head = m.head("file", "lon.pdf", "application/pdf").getBytes(StandardCharsets.UTF_8);
    byte[] metadataPart = m.bytesWithoutClose();
    byte[] tail = m.tail().getBytes(StandardCharsets.UTF_8);
    long fileSize = TestServer.UPLOAD_LIMIT + 64 * 1024;
    InputStream chunked = new ChunkedEncoding(body(metadataPart, head, fileSize, tail));
    Api.Answer a =
        RawHttp.post(
            api.base(),
            "api/v1/documents",
            Map.of(
                "Authorization", Api.auth(CLERK),
                "Content-Type", m.contentType(),
                "Transfer-Encoding", "chunked"),
            chunked);
    assertProblem(a, 413, "too-large");
    assertNothingStored();
  }

  /**
   * The public verification's limit: its own (LIENTHONG_VERIFICATION_MAX_BYTES, 30 MiB by default)
   * or the upload limit when that is lower, as in the test server.
   */
  private static final long VERIFICATION_LIMIT =
      Math.min(30L * 1024 * 1024, TestServer.UPLOAD_LIMIT);

  @Test
  void verificationOverItsLimitIs413BeforeAnythingIsParsed() {
    // announced: answered from the head
    Api.Answer announced =
        RawHttp.post(
            api.base(),
            "api/v1/verifications",
            Map.of(
                "Content-Type",
                "multipart/form-data; boundary=x",
                "Content-Length",
                String.valueOf(VERIFICATION_LIMIT + 2 * 1024 * 1024),
                "Expect",
                "100-continue"),
            null);
    assertProblem(announced, 413, "too-large");

    // streamed without a length: cut where the limit is crossed
    Api.Multipart m = new Api.Multipart();
    byte[] head = m.head("file", "lon.pdf", "application/pdf").getBytes(StandardCharsets.UTF_8);
    byte[] tail = m.tail().getBytes(StandardCharsets.UTF_8);
    Api.Answer streamed =
        RawHttp.post(
            api.base(),
            "api/v1/verifications",
            Map.of("Content-Type", m.contentType(), "Transfer-Encoding", "chunked"),
            new ChunkedEncoding(
                body(new byte[0], head, VERIFICATION_LIMIT + 2 * 1024 * 1024, tail)));
    assertProblem(streamed, 413, "too-large");
  }

  @Test
  void unknownRecipientIs422AndTheDocumentStaysADraft() {
    UUID id = api.draft(CLERK, TestPdf.of(2000, "draft"));
    long envelopes = TestServer.count("SELECT count(*) FROM envelope");
    Api.Answer a = api.send(CLERK, id, List.of(NOI_VU, "000.99.99.H99"));
    assertProblem(a, 422, "unknown-recipient");
    assertThat(a.json().getString("detail")).contains("000.99.99.H99");
    assertThat(api.get(CLERK, "api/v1/documents/" + id).json().getString("status"))
        .isEqualTo("DRAFT");
    assertThat(TestServer.count("SELECT count(*) FROM envelope")).isEqualTo(envelopes);
  }

  @Test
  void badSendBodiesAre400() {
    UUID id = api.draft(CLERK, TestPdf.of(2000, "draft"));
    assertProblem(
        api.postJson(CLERK, "api/v1/documents/" + id + "/send", "{\"recipients\": "),
        400,
        "validation");
    assertProblem(
        api.postJson(CLERK, "api/v1/documents/" + id + "/send", "{\"recipients\": []}"),
        400,
        "validation");
    assertProblem(
        api.postJson(CLERK, "api/v1/documents/" + id + "/send", "{\"recipients\": [42]}"),
        400,
        "validation");
    assertProblem(api.postJson(CLERK, "api/v1/documents/" + id + "/send", "[]"), 400, "validation");
  }

  @Test
  void unknownDocumentsAndPathsAre404() {
    assertProblem(api.get(CLERK, "api/v1/documents/" + UUID.randomUUID()), 404, "not-found");
    assertProblem(api.get(CLERK, "api/v1/documents/not-a-uuid"), 404, "not-found");
    assertProblem(api.send(CLERK, UUID.randomUUID(), List.of(NOI_VU)), 404, "not-found");
    assertProblem(api.get(CLERK, "api/v1/no-such-thing"), 404, "not-found");
  }

  @Test
  void aFileNameLosesItsBidiControlsAndDownloadsAreNeverSniffed() throws Exception {
    Api.Answer created =
        api.createDocument(
            CLERK,
            Api.metadata("CONG_VAN", "Về việc tên tệp", "NORMAL"),
            TestPdf.of(1_000, "Ten tep"),
            "Báo cáo\u202Efdp.exe");
    assertThat(created.status()).as(created.body()).isEqualTo(201);
    String id = created.json().getString("id");
    assertThat(api.get(CLERK, "api/v1/documents/" + id).json().getString("fileName"))
        .isEqualTo("Báo cáofdp.exe");
    var file =
        java.net.http.HttpClient.newHttpClient()
            .send(
                api.request("api/v1/documents/" + id + "/file")
                    .header("Authorization", Api.auth(CLERK))
                    .GET()
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.headers().firstValue("Content-Type")).contains("application/pdf");
    assertThat(file.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    // an official document is kept by no browser cache or proxy
    assertThat(String.join(",", file.headers().allValues("Cache-Control"))).contains("no-store");
    assertThat(file.headers().firstValue("Content-Disposition").orElse(""))
        .startsWith("inline; filename*=UTF-8''");
    // and every other answer, a problem too
    var problem =
        java.net.http.HttpClient.newHttpClient()
            .send(
                api.request("api/v1/units").GET().build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
    assertThat(problem.statusCode()).isEqualTo(401);
    assertThat(problem.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
  }

  @Test
  void badPagingIs400() {
    assertProblem(api.get(CLERK, "api/v1/inbox?limit=0"), 400, "validation");
    assertProblem(api.get(CLERK, "api/v1/inbox?offset=-1&limit=abc"), 400, "validation");
  }

  private static InputStream body(byte[] metadataPart, byte[] head, long fileSize, byte[] tail) {
    InputStream file =
        new InputStream() {
          long left = fileSize;
          boolean header = true;

          @Override
          public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
          }

          @Override
          public int read(byte[] b, int off, int len) {
            if (left <= 0) {
              return -1;
            }
            int n = (int) Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) ' ');
            if (header && n >= 5) {
              System.arraycopy("%PDF-".getBytes(StandardCharsets.US_ASCII), 0, b, off, 5);
              header = false;
            }
            left -= n;
            return n;
          }
        };
    return new SequenceInputStream(
        java.util.Collections.enumeration(
            List.of(
                new ByteArrayInputStream(metadataPart),
                new ByteArrayInputStream(head),
                file,
                new ByteArrayInputStream(tail))));
  }

  /** HTTP/1.1 chunked transfer coding of a stream, 64 KiB a chunk. */
  private static final class ChunkedEncoding extends InputStream {
    private final InputStream source;
    private byte[] current = new byte[0];
    private int position;
    private boolean finished;

    ChunkedEncoding(InputStream source) {
      this.source = source;
    }

    @Override
    public int read() throws java.io.IOException {
      if (position == current.length && !fill()) {
        return -1;
      }
      return current[position++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws java.io.IOException {
      if (position == current.length && !fill()) {
        return -1;
      }
      int n = Math.min(len, current.length - position);
      System.arraycopy(current, position, b, off, n);
      position += n;
      return n;
    }

    private boolean fill() throws java.io.IOException {
      if (finished) {
        return false;
      }
      byte[] data = source.readNBytes(64 * 1024);
      java.io.ByteArrayOutputStream chunk = new java.io.ByteArrayOutputStream(data.length + 16);
      chunk.writeBytes(
          (Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
      chunk.writeBytes(data);
      chunk.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
      if (data.length == 0) {
        finished = true;
      }
      current = chunk.toByteArray();
      position = 0;
      return true;
    }
  }
}
