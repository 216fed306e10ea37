package vn.lienthong.load;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.lienthong.server.LocalServer;

/**
 * Load driver (not a test): starts its own server on a fresh embedded PostgreSQL, then clerks of
 * the sending unit create and send PDFs to three units from parallel clients. Prints sends per
 * second and send → inbox latency (sent_at of the document to arrived_at of each delivery, both
 * stamped by the server). Run: mvn -Pload package -DskipTests (README), parameters as system
 * properties load.sends, load.clients, load.bytes, load.auth (basic, token, session).
 */
public final class SendLoad {
  private static final String PASSWORD = "demo-load";
  private static final String SENDER = "vanthu.ubnd";
  private static final String LEADER = "lanhdao.ubnd";
  private static final String RECIPIENTS =
      "{\"recipients\":[\"000.01.31.H17\",\"000.02.31.H17\",\"000.30.31.H17\"]}";
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

  /**
   * How the sending clerk's calls log in (load.auth): HTTP Basic on every call (a script with a
   * password), a personal API token on every call (token: a script as the README advises), or one
   * login and the session cookie (session: the web client).
   */
  private static final String AUTH = System.getProperty("load.auth", "basic");

  private static final boolean BASIC = AUTH.equals("basic");
  private static final boolean TOKEN = AUTH.equals("token");

  /** The sender's API token, when load.auth=token. */
  private static String token;

  private SendLoad() {}

  public static void main(String[] args) throws Exception {
    int sends = Integer.getInteger("load.sends", 1000);
    int clients = Integer.getInteger("load.clients", 16);
    int bytes = Integer.getInteger("load.bytes", 100 * 1024);
    int warmup = Integer.getInteger("load.warmup", 100);
    Path project = Path.of(System.getProperty("lienthong.project", ".")).toAbsolutePath();
    Path target = project.resolve("ear/target");
    Path db = target.resolve("load-postgres");
    LocalServer.deleteTree(db);
    Files.deleteIfExists(target.resolve("load-server.log"));
    try (LocalServer server =
        LocalServer.start(
            new LocalServer.Options(
                target.resolve("server"),
                200,
                db,
                target.resolve("load-server.log"),
                Map.of("DEMO_PASSWORD", PASSWORD, "LIENTHONG_MODE", "demo")))) {
      byte[] pdf = LoadPdf.of(bytes, "Cong van do tai");
      // Daemon threads: the driver ends when main ends, as exec:java waits for the others.
      ExecutorService httpThreads =
          Executors.newFixedThreadPool(
              clients,
              r -> {
                Thread t = new Thread(r, "load-http");
                t.setDaemon(true);
                return t;
              });
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .executor(httpThreads)
              .cookieHandler(new java.net.CookieManager())
              .build();
      if (TOKEN) {
        HttpResponse<String> made =
            http.send(
                HttpRequest.newBuilder(server.baseUri().resolve("api/v1/tokens"))
                    .header("Authorization", basic(SENDER))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"đo tải\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher m = Pattern.compile("\"secret\"\\s*:\\s*\"([^\"]+)\"").matcher(made.body());
        if (made.statusCode() != 201 || !m.find()) {
          throw new IllegalStateException("token not made: " + made.statusCode());
        }
        token = m.group(1);
      } else if (!BASIC) {
        HttpResponse<String> login =
            http.send(
                HttpRequest.newBuilder(server.baseUri().resolve("api/v1/session"))
                    .header("Content-Type", "application/json")
                    .POST(
                        HttpRequest.BodyPublishers.ofString(
                            "{\"username\":\"" + SENDER + "\",\"password\":\"" + PASSWORD + "\"}"))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
        if (login.statusCode() != 200) {
          throw new IllegalStateException("login failed: " + login.statusCode());
        }
      }
      System.out.printf("warm-up: %d sends%n", warmup);
      run(http, server.baseUri(), issue(http, server.baseUri(), pdf, warmup, clients), clients);
      System.out.printf(
          "measuring: %d sends of %d-byte PDFs to 3 units from %d clients, %s%n",
          sends,
          pdf.length,
          clients,
          BASIC
              ? "HTTP Basic on every call"
              : TOKEN ? "API token on every call" : "one login, session");
      // A document is sent once it is signed and issued (not timed: SigningLoad measures that).
      List<UUID> ready = issue(http, server.baseUri(), pdf, sends, clients);
      long t0 = System.nanoTime();
      List<UUID> ids = run(http, server.baseUri(), ready, clients);
      double seconds = (System.nanoTime() - t0) / 1e9;
      waitForDeliveries(server, ids);
      double endToEnd = (System.nanoTime() - t0) / 1e9;
      List<Double> latencies = latenciesMs(server, ids);
      Collections.sort(latencies);
      System.out.println();
      System.out.printf(
          "accepted sends        %d in %.1f s = %.1f sends/s%n",
          ids.size(), seconds, ids.size() / seconds);
      System.out.printf(
          "delivered             %d inbox entries, all in %.1f s = %.1f entries/s%n",
          latencies.size(), endToEnd, latencies.size() / endToEnd);
      System.out.printf(
          "send -> inbox latency p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
          percentile(latencies, 50),
          percentile(latencies, 99),
          latencies.get(latencies.size() - 1));
    }
  }

  /** Drafts, signs (the leader, demo signer) and issues n documents; answers their ids. */
  private static List<UUID> issue(HttpClient http, URI base, byte[] pdf, int n, int clients)
      throws Exception {
    List<UUID> ids = Collections.synchronizedList(new ArrayList<>());
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<?>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      futures.add(
          pool.submit(
              () -> {
                UUID id = create(http, base, pdf);
                post(http, base, LEADER, "api/v1/documents/" + id + "/demo-signature");
                post(http, base, SENDER, "api/v1/documents/" + id + "/issue");
                ids.add(id);
                return null;
              }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    return ids;
  }

  private static void post(HttpClient http, URI base, String user, String path) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofMinutes(2))
                .header("Authorization", basic(user))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + r.statusCode() + " " + r.body());
    }
  }

  private static String basic(String user) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  private static List<UUID> run(HttpClient http, URI base, List<UUID> documents, int clients)
      throws Exception {
    List<UUID> ids = Collections.synchronizedList(new ArrayList<>());
    AtomicInteger failures = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    List<Future<?>> futures = new ArrayList<>();
    for (UUID id : documents) {
      futures.add(
          pool.submit(
              () -> {
                try {
                  HttpResponse<String> r =
                      http.send(
                          request(base.resolve("api/v1/documents/" + id + "/send"))
                              .header("Content-Type", "application/json")
                              .POST(HttpRequest.BodyPublishers.ofString(RECIPIENTS))
                              .build(),
                          HttpResponse.BodyHandlers.ofString());
                  if (r.statusCode() == 202) {
                    ids.add(id);
                  } else {
                    failures.incrementAndGet();
                  }
                } catch (Exception e) {
                  failures.incrementAndGet();
                }
                return null;
              }));
    }
    for (Future<?> f : futures) {
      f.get();
    }
    pool.shutdown();
    if (failures.get() > 0) {
      System.out.printf("  %d sends failed%n", failures.get());
    }
    return ids;
  }

  private static UUID create(HttpClient http, URI base, byte[] pdf) throws Exception {
    String boundary = "----load" + UUID.randomUUID().toString().replace("-", "");
    ByteArrayOutputStream body = new ByteArrayOutputStream(pdf.length + 1024);
    String meta =
        "{\"type\":\"CONG_VAN\",\"abstract\":\"Về việc đo tải liên thông văn bản\","
            + "\"urgency\":\"NORMAL\",\"classification\":\"NORMAL\"}";
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
                + "Content-Type: application/json\r\n\r\n"
                + meta
                + "\r\n--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cv.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(pdf);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r =
        http.send(
            request(base.resolve("api/v1/documents"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher m = ID.matcher(r.body());
    if (r.statusCode() != 201 || !m.find()) {
      throw new IllegalStateException("create failed: " + r.statusCode());
    }
    return UUID.fromString(m.group(1));
  }

  private static HttpRequest.Builder request(URI uri) {
    HttpRequest.Builder b = HttpRequest.newBuilder(uri).timeout(Duration.ofMinutes(2));
    if (TOKEN) {
      return b.header("Authorization", "Bearer " + token);
    }
    // the web client marks its calls (BrowserCalls: a session's state-changing call must)
    return !BASIC
        ? b.header("X-Requested-With", "XMLHttpRequest")
        : b.header("Authorization", basic(SENDER));
  }

  private static void waitForDeliveries(LocalServer server, List<UUID> ids) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
    while (System.nanoTime() < deadline) {
      if (arrived(server, ids) >= 3L * ids.size()) {
        return;
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("deliveries did not complete in 10 minutes");
  }

  private static long arrived(LocalServer server, List<UUID> ids) throws Exception {
    try (Connection c =
            DriverManager.getConnection(server.jdbcUrl(), server.dbUser(), server.dbPassword());
        var ps =
            c.prepareStatement(
                "SELECT count(*) FROM delivery WHERE status <> 'PENDING' AND document_id = ANY (?)")) {
      ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private static List<Double> latenciesMs(LocalServer server, List<UUID> ids) throws Exception {
    List<Double> out = new ArrayList<>();
    try (Connection c =
            DriverManager.getConnection(server.jdbcUrl(), server.dbUser(), server.dbPassword());
        var ps =
            c.prepareStatement(
                "SELECT EXTRACT(EPOCH FROM (d.arrived_at - o.sent_at)) * 1000 FROM delivery d"
                    + " JOIN outgoing_document o ON o.id = d.document_id WHERE d.document_id = ANY (?)")) {
      ps.setArray(1, c.createArrayOf("uuid", ids.toArray()));
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getDouble(1));
        }
      }
    }
    out.sort(Comparator.naturalOrder());
    return out;
  }

  private static double percentile(List<Double> sorted, int p) {
    int i = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, i)));
  }
}
