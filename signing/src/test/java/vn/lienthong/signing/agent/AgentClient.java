package vn.lienthong.signing.agent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import vn.lienthong.signing.internal.Json;

/** The tests' side of the protocol, with java.net.http (and a raw socket for forged Hosts). */
final class AgentClient {

  record Reply(int status, HttpHeaders headers, String body) {
    Object json() {
      return body.isEmpty() ? null : Json.read(body);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> object() {
      return (Map<String, Object>) json();
    }

    @SuppressWarnings("unchecked")
    List<Object> array() {
      return (List<Object>) json();
    }

    String error() {
      return (String) object().get("error");
    }

    Optional<String> header(String name) {
      return headers.firstValue(name);
    }
  }

  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  final int port;

  AgentClient(int port) {
    this.port = port;
  }

  URI uri(String path) {
    return URI.create("http://127.0.0.1:" + port + path);
  }

  Reply get(String path, String origin, String token) throws IOException, InterruptedException {
    return send(builder(path, origin, token).GET());
  }

  Reply post(String path, String origin, String token, Object json)
      throws IOException, InterruptedException {
    return postRaw(path, origin, token, Json.write(json));
  }

  Reply postRaw(String path, String origin, String token, String body)
      throws IOException, InterruptedException {
    return send(
        builder(path, origin, token)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  Reply send(HttpRequest.Builder request) throws IOException, InterruptedException {
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Reply(response.statusCode(), response.headers(), response.body());
  }

  HttpRequest.Builder builder(String path, String origin, String token) {
    HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(60));
    if (origin != null) {
      builder.header("Origin", origin);
    }
    if (token != null) {
      builder.header("Authorization", "Bearer " + token);
    }
    return builder;
  }

  /** Pairs {@code origin} (null: none) with the code the prompt showed; returns the token. */
  String pair(String origin, TestPrompt prompt) throws Exception {
    Reply started = post("/v1/pairing", origin, null, Map.of());
    if (started.status() != 200) {
      throw new AssertionError("pairing not started: " + started);
    }
    String id = (String) started.object().get("pairingId");
    Reply done = post("/v1/pairing/" + id, origin, null, Map.of("code", prompt.nextCode()));
    if (done.status() != 200) {
      throw new AssertionError("pairing not completed: " + done);
    }
    return (String) done.object().get("token");
  }

  /**
   * A request written as is (any Host), and the answer as text: its head and a body of its
   * Content-Length (the connection may stay open after it).
   */
  String raw(String request) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(request.getBytes(StandardCharsets.UTF_8));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      int length = -1;
      int headEnd = -1;
      while (headEnd < 0 || answer.size() < headEnd + length) {
        int b = in.read();
        if (b < 0) {
          break;
        }
        answer.write(b);
        if (headEnd < 0 && answer.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
          headEnd = answer.size();
          java.util.regex.Matcher m =
              java.util.regex.Pattern.compile("(?i)\r\ncontent-length: *([0-9]+)")
                  .matcher(answer.toString(StandardCharsets.ISO_8859_1));
          length = m.find() ? Integer.parseInt(m.group(1)) : 0;
        }
      }
      return answer.toString(StandardCharsets.UTF_8);
    }
  }
}
