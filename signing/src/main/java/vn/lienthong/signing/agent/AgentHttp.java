package vn.lienthong.signing.agent;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.lienthong.signing.internal.Json;
import vn.lienthong.signing.key.KeyUnavailableException;

/**
 * The agent's HTTP side, on 127.0.0.1 only: the checks every request passes (Host, Origin, CORS,
 * pairing token, body size), the routes of protocol v1, and JSON answers. See the signing module's
 * README ("Local signing agent") for the protocol.
 */
final class AgentHttp implements AutoCloseable {

  /** Largest request body read; a larger one is refused before it is read. */
  static final int MAX_BODY = 4 * 1024 * 1024;

  private static final int THREADS = 4;
  private static final Pattern PAIRING_PATH = Pattern.compile("/v1/pairing/([^/]+)");

  private final HttpServer server;
  private final ExecutorService executor;
  private final int port;
  private final Set<String> origins;
  private final Pairing pairing;
  private final SignerKeys keys;
  private final Signatures signatures;
  private final String version;
  private final PrintStream log;

  private AgentHttp(
      HttpServer server,
      ExecutorService executor,
      Set<String> origins,
      Pairing pairing,
      SignerKeys keys,
      Signatures signatures,
      String version,
      PrintStream log) {
    this.server = server;
    this.executor = executor;
    this.port = server.getAddress().getPort();
    this.origins = origins;
    this.pairing = pairing;
    this.keys = keys;
    this.signatures = signatures;
    this.version = version;
    this.log = log;
  }

  /** Binds 127.0.0.1:{@code port} (never another address) and starts answering. */
  static AgentHttp start(
      int port,
      Set<String> origins,
      Pairing pairing,
      SignerKeys keys,
      Signatures signatures,
      String version,
      PrintStream log)
      throws IOException {
    InetAddress loopback = InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
    HttpServer server = HttpServer.create(new InetSocketAddress(loopback, port), 16);
    ExecutorService executor =
        Executors.newFixedThreadPool(
            THREADS,
            task -> {
              Thread thread = new Thread(task, "lienthong-agent-http");
              thread.setDaemon(true);
              return thread;
            });
    server.setExecutor(executor);
    AgentHttp http =
        new AgentHttp(server, executor, origins, pairing, keys, signatures, version, log);
    server.createContext("/", http::handle);
    server.start();
    return http;
  }

  int port() {
    return port;
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void handle(HttpExchange exchange) {
    String allowedOrigin = null; // set once the Origin is known to be allowed: CORS headers then
    try {
      checkHost(exchange.getRequestHeaders().get("Host"));
      String origin = origin(exchange.getRequestHeaders().get("Origin"));
      allowedOrigin = origin;
      if (exchange.getRequestMethod().equals("OPTIONS")) {
        preflight(exchange, origin);
        return;
      }
      respond(exchange, 200, route(exchange, origin), allowedOrigin);
    } catch (AgentException e) {
      if (e.code().equals("too-large")) {
        // the rest of the body is not read: the connection cannot carry another request
        exchange.getResponseHeaders().set("Connection", "close");
      }
      respond(exchange, e.status(), e.body(), allowedOrigin);
    } catch (RuntimeException e) {
      log.println("Lỗi khi xử lý " + exchange.getRequestURI().getRawPath() + ": " + e);
      respond(
          exchange,
          500,
          new AgentException(500, "internal-error", "Lỗi trong chương trình ký số").body(),
          allowedOrigin);
    } finally {
      exchange.close();
    }
  }

  private Object route(HttpExchange exchange, String origin) {
    String path = exchange.getRequestURI().getRawPath();
    String method = exchange.getRequestMethod();
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    Matcher pairingPath = PAIRING_PATH.matcher(path);
    switch (path) {
      case "/v1/status" -> {
        allow(method, "GET");
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("agent", SigningAgent.NAME);
        status.put("version", version);
        status.put("paired", pairing.isPaired(authorization, origin));
        return status;
      }
      case "/v1/pairing" -> {
        allow(method, "POST");
        Map<String, Object> request = object(body(exchange, true));
        String claimed = null;
        if (request.get("origin") != null) {
          if (!(request.get("origin") instanceof String text)
              || (claimed = AgentConfig.normalizeOrigin(text)) == null) {
            throw AgentException.badRequest("Trường origin không phải một nguồn (origin) web");
          }
        }
        Map<String, Object> started = new LinkedHashMap<>();
        started.put("pairingId", pairing.start(origin, claimed));
        started.put("expiresInSeconds", Pairing.CODE_VALIDITY.toSeconds());
        return started;
      }
      case "/v1/certificates" -> {
        allow(method, "GET");
        paired(authorization, origin);
        return certificates();
      }
      case "/v1/signatures" -> {
        allow(method, "POST");
        paired(authorization, origin);
        return signatures.sign(body(exchange, false), origin);
      }
      default -> {
        if (pairingPath.matches()) {
          allow(method, "POST");
          Object code = object(body(exchange, false)).get("code");
          if (!(code instanceof String text) || text.length() > 32) {
            throw AgentException.badRequest("Thiếu mã ghép nối (code)");
          }
          return Map.of("token", pairing.complete(pairingPath.group(1), origin, text));
        }
        throw new AgentException(404, "not-found", "Không có địa chỉ này");
      }
    }
  }

  private List<Object> certificates() {
    List<SignerKeys.SignerCertificate> found;
    try {
      found = keys.certificates();
    } catch (KeyUnavailableException e) {
      throw new AgentException(
          503, "token-absent", "Không thấy USB token: hãy cắm USB token vào máy rồi thử lại");
    }
    List<Object> out = new ArrayList<>();
    for (SignerKeys.SignerCertificate c : found) {
      X509Certificate certificate = c.certificate();
      Map<String, Object> json = new LinkedHashMap<>();
      json.put("id", c.id());
      json.put("subject", Signatures.subject(certificate.getSubjectX500Principal()));
      json.put("issuer", Signatures.subject(certificate.getIssuerX500Principal()));
      json.put("serialNumber", certificate.getSerialNumber().toString(16));
      json.put("notBefore", certificate.getNotBefore().toInstant().toString());
      json.put("notAfter", certificate.getNotAfter().toInstant().toString());
      List<String> chain = new ArrayList<>();
      try {
        for (X509Certificate link : c.chain()) {
          chain.add(Base64.getEncoder().encodeToString(link.getEncoded()));
        }
      } catch (CertificateEncodingException e) {
        throw new IllegalStateException(e);
      }
      json.put("chain", chain);
      json.put("name", Signatures.commonName(certificate.getSubjectX500Principal().getEncoded()));
      json.put("keyLocation", c.location());
      out.add(json);
    }
    return out;
  }

  private void checkHost(List<String> hosts) {
    String host = hosts == null || hosts.size() != 1 ? "" : hosts.get(0).toLowerCase(Locale.ROOT);
    boolean ok =
        host.equals("127.0.0.1:" + port)
            || host.equals("localhost:" + port)
            || (port == 80 && (host.equals("127.0.0.1") || host.equals("localhost")));
    if (!ok) {
      // A page of another site that made its own name resolve to 127.0.0.1 (DNS rebinding) sends
      // its own name here.
      throw new AgentException(
          403,
          "host-not-allowed",
          "Địa chỉ (Host) không hợp lệ: chỉ nhận 127.0.0.1:" + port + " hoặc localhost:" + port);
    }
  }

  /** The request's Origin when allowed; null without one; 403 for any other. */
  private String origin(List<String> values) {
    if (values == null) {
      return null;
    }
    if (values.size() == 1 && origins.contains(values.get(0))) {
      return values.get(0);
    }
    throw new AgentException(
        403,
        "origin-not-allowed",
        "Trang web này không được phép dùng chương trình ký số (nguồn không có trong danh sách"
            + " --origin)");
  }

  private void preflight(HttpExchange exchange, String origin) {
    if (origin == null) {
      throw new AgentException(
          403, "origin-not-allowed", "Yêu cầu kiểm tra trước (preflight) phải có Origin");
    }
    Headers response = exchange.getResponseHeaders();
    response.set("Access-Control-Allow-Origin", origin);
    response.set("Access-Control-Allow-Methods", "GET, POST");
    response.set("Access-Control-Allow-Headers", "Authorization, Content-Type");
    response.set("Access-Control-Max-Age", "600");
    response.set(
        "Vary",
        "Origin, Access-Control-Request-Method, Access-Control-Request-Headers,"
            + " Access-Control-Request-Private-Network");
    String privateNetwork =
        exchange.getRequestHeaders().getFirst("Access-Control-Request-Private-Network");
    if ("true".equalsIgnoreCase(privateNetwork)) {
      // Chrome's Private Network Access: a public site may call this computer because we say so
      response.set("Access-Control-Allow-Private-Network", "true");
    }
    try {
      exchange.sendResponseHeaders(204, -1);
    } catch (IOException e) {
      // the browser went away
    }
  }

  private void paired(String authorization, String origin) {
    if (!pairing.isPaired(authorization, origin)) {
      throw new AgentException(
          401,
          "not-paired",
          "Trang này chưa được ghép nối với chương trình ký số, hoặc mã truy cập không hợp lệ: hãy"
              + " ghép nối lại");
    }
  }

  private static void allow(String method, String allowed) {
    if (!method.equals(allowed)) {
      throw new AgentException(
          405, "method-not-allowed", "Phương thức " + method + " không dùng được ở địa chỉ này");
    }
  }

  private static Map<String, Object> object(Object value) {
    if (!(value instanceof Map<?, ?> map)) {
      throw AgentException.badRequest("Nội dung yêu cầu phải là một đối tượng JSON");
    }
    @SuppressWarnings("unchecked")
    Map<String, Object> object = (Map<String, Object>) map;
    return object;
  }

  /** The JSON body, at most {@link #MAX_BODY} bytes; an empty one is {@code {}} when allowed. */
  private static Object body(HttpExchange exchange, boolean emptyAllowed) {
    String length = exchange.getRequestHeaders().getFirst("Content-Length");
    if (length != null) {
      try {
        if (Long.parseLong(length.trim()) > MAX_BODY) {
          throw tooLarge();
        }
      } catch (NumberFormatException e) {
        throw AgentException.badRequest("Content-Length không hợp lệ");
      }
    }
    byte[] bytes;
    try (InputStream in = exchange.getRequestBody()) {
      bytes = in.readNBytes(MAX_BODY + 1);
    } catch (IOException e) {
      throw AgentException.badRequest("Không đọc được nội dung yêu cầu");
    }
    if (bytes.length > MAX_BODY) {
      throw tooLarge();
    }
    if (bytes.length == 0 && emptyAllowed) {
      return Map.of();
    }
    String type = exchange.getRequestHeaders().getFirst("Content-Type");
    if (type == null
        || !type.strip().toLowerCase(Locale.ROOT).matches("application/json\\s*(;.*)?")) {
      throw AgentException.badRequest("Content-Type phải là application/json");
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      throw new AgentException(400, "bad-json", "Nội dung yêu cầu không phải UTF-8");
    }
    try {
      return Json.read(text);
    } catch (Json.Malformed e) {
      throw new AgentException(400, "bad-json", "JSON không hợp lệ: " + e.getMessage());
    }
  }

  private static AgentException tooLarge() {
    return new AgentException(
        400, "too-large", "Yêu cầu quá lớn (tối đa " + MAX_BODY / (1024 * 1024) + " MB)");
  }

  private void respond(HttpExchange exchange, int status, Object body, String allowedOrigin) {
    Headers headers = exchange.getResponseHeaders();
    headers.set("Content-Type", "application/json; charset=utf-8");
    headers.set("Cache-Control", "no-store");
    headers.set("X-Content-Type-Options", "nosniff");
    headers.set("Vary", "Origin");
    if (allowedOrigin != null) {
      headers.set("Access-Control-Allow-Origin", allowedOrigin);
    }
    byte[] bytes = Json.write(body).getBytes(StandardCharsets.UTF_8);
    try {
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    } catch (IOException e) {
      // the client went away
    }
  }
}
