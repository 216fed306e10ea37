package vn.lienthong.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

/** A small HTTP client of the public API, as a script or another system would use it. */
final class Api {
  static final String PASSWORD = "demo-it";

  /** Units of the demo district used by the tests. */
  static final String UBND = "000.00.31.H17";

  static final String VP = "000.01.31.H17";
  static final String NOI_VU = "000.02.31.H17";
  static final String QLDT = "000.03.31.H17";
  static final String TU_PHAP = "000.04.31.H17";
  static final String TCKH = "000.05.31.H17";
  static final String AN_KHE = "000.21.31.H17";
  static final String THAC_GIAN = "000.26.31.H17";
  static final String XUAN_HA = "000.30.31.H17";

  private final URI base;
  private final HttpClient http;

  Api(URI base) {
    this.base = base;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
  }

  /** An answer: status, content type, body, and the next page's cursor if there is one. */
  record Answer(int status, String contentType, String body, String next) {
    Answer(int status, String contentType, String body) {
      this(status, contentType, body, null);
    }

    JsonObject json() {
      return Json.createReader(new StringReader(body)).readObject();
    }

    JsonArray array() {
      return Json.createReader(new StringReader(body)).readArray();
    }

    boolean isProblem() {
      return contentType != null && contentType.startsWith("application/problem+json");
    }
  }

  static String auth(String user) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  Answer get(String user, String path) {
    HttpRequest.Builder b = request(path).GET();
    if (user != null) {
      b.header("Authorization", auth(user));
    }
    return send(b.build());
  }

  Answer getWithAuthorization(String authorization, String path) {
    return send(request(path).header("Authorization", authorization).GET().build());
  }

  Answer delete(String user, String path) {
    return send(request(path).header("Authorization", auth(user)).DELETE().build());
  }

  Answer postJson(String user, String path, JsonStructure body) {
    return postJson(user, path, body.toString());
  }

  Answer patchJson(String user, String path, JsonStructure body) {
    return send(
        request(path)
            .header("Authorization", auth(user))
            .header("Content-Type", "application/json")
            .method("PATCH", HttpRequest.BodyPublishers.ofString(body.toString()))
            .build());
  }

  Answer postJson(String user, String path, String body) {
    return send(
        request(path)
            .header("Authorization", auth(user))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body))
            .build());
  }

  /** POST /documents with a metadata part and a file part; null parts are left out. */
  Answer createDocument(String user, String metadata, byte[] file, String fileName) {
    Multipart m = new Multipart();
    if (metadata != null) {
      m.part("metadata", null, "application/json", metadata.getBytes(StandardCharsets.UTF_8));
    }
    if (file != null) {
      m.part("file", fileName, "application/pdf", file);
    }
    return send(
        request("api/v1/documents")
            .header("Authorization", auth(user))
            .header("Content-Type", m.contentType())
            .POST(HttpRequest.BodyPublishers.ofByteArray(m.bytes()))
            .build());
  }

  static String metadata(String type, String abstractText, String classification) {
    var b = Json.createObjectBuilder().add("type", type).add("abstract", abstractText);
    b.add("urgency", "NORMAL");
    if (classification != null) {
      b.add("classification", classification);
    }
    return b.build().toString();
  }

  /** Creates a document as the unit's clerk and returns its id. */
  UUID draft(String clerk, byte[] pdf) {
    Answer a =
        createDocument(
            clerk, metadata("CONG_VAN", "Về việc thử nghiệm liên thông", "NORMAL"), pdf, "cv.pdf");
    if (a.status() != 201) {
      throw new AssertionError("create failed: " + a);
    }
    return UUID.fromString(a.json().getString("id"));
  }

  /**
   * A document ready to send, as the unit does it: the clerk drafts it, the unit's leader signs
   * (demo signer), the clerk issues it with number, date and the unit's seal. Returns its id.
   */
  UUID issued(String clerk, byte[] pdf) {
    UUID id = draft(clerk, pdf);
    signAndIssue(clerk, id);
    return id;
  }

  /** The unit's leader signs the draft (demo signer), then its clerk issues it. */
  void signAndIssue(String clerk, UUID id) {
    String leader = "lanhdao." + clerk.substring(clerk.indexOf('.') + 1);
    Answer signed = postJson(leader, "api/v1/documents/" + id + "/demo-signature", "");
    if (signed.status() != 200) {
      throw new AssertionError("demo signature failed: " + signed);
    }
    Answer issued = postJson(clerk, "api/v1/documents/" + id + "/issue", "");
    if (issued.status() != 200) {
      throw new AssertionError("issue failed: " + issued);
    }
  }

  Answer send(String clerk, UUID document, List<String> recipients) {
    var arr = Json.createArrayBuilder();
    recipients.forEach(arr::add);
    return postJson(
        clerk,
        "api/v1/documents/" + document + "/send",
        Json.createObjectBuilder().add("recipients", arr).build());
  }

  HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(120));
  }

  Answer send(HttpRequest request) {
    try {
      HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
      return new Answer(
          r.statusCode(),
          r.headers().firstValue("Content-Type").orElse(null),
          r.body(),
          r.headers().firstValue("X-Next-Cursor").orElse(null));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** POST /verifications with the file as its one part (no login); the whole HTTP answer. */
  HttpResponse<String> verify(byte[] file) {
    Multipart m = new Multipart();
    m.part("file", "van-ban.pdf", "application/pdf", file);
    try {
      return http.send(
          request("api/v1/verifications")
              .header("Content-Type", m.contentType())
              .POST(HttpRequest.BodyPublishers.ofByteArray(m.bytes()))
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A file as bytes (the PDF a recipient downloads). */
  byte[] download(String user, String path) {
    try {
      HttpResponse<byte[]> r =
          http.send(
              request(path).header("Authorization", auth(user)).GET().build(),
              HttpResponse.BodyHandlers.ofByteArray());
      if (r.statusCode() != 200) {
        throw new IllegalStateException(path + " answered " + r.statusCode());
      }
      return r.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  URI base() {
    return base;
  }

  /** A multipart/form-data body. */
  static final class Multipart {
    final String boundary = "----lienthong" + UUID.randomUUID().toString().replace("-", "");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    Multipart part(String name, String fileName, String type, byte[] content) {
      write("--" + boundary + "\r\n");
      write("Content-Disposition: form-data; name=\"" + name + "\"");
      if (fileName != null) {
        write("; filename=\"" + fileName + "\"");
      }
      write("\r\nContent-Type: " + type + "\r\n\r\n");
      out.writeBytes(content);
      write("\r\n");
      return this;
    }

    String contentType() {
      return "multipart/form-data; boundary=" + boundary;
    }

    byte[] bytes() {
      write("--" + boundary + "--\r\n");
      return out.toByteArray();
    }

    /** The parts written so far, without the closing boundary (for streamed bodies). */
    byte[] bytesWithoutClose() {
      return out.toByteArray();
    }

    String head(String name, String fileName, String type) {
      return "--"
          + boundary
          + "\r\nContent-Disposition: form-data; name=\""
          + name
          + "\"; filename=\""
          + fileName
          + "\"\r\nContent-Type: "
          + type
          + "\r\n\r\n";
    }

    String tail() {
      return "\r\n--" + boundary + "--\r\n";
    }

    private void write(String s) {
      out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }
  }
}
