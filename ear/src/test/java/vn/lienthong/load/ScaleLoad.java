package vn.lienthong.load;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import vn.lienthong.domain.exchange.InboxCursor;
import vn.lienthong.server.LocalServer;

/**
 * Benchmark driver for lists at volume (not a test; README, "Measured"): starts its own server in
 * demo mode, sends a few real documents to UBND phường Thạc Gián, then writes years of them
 * straight into the database — {@code bench.documents} (default 300,000) incoming documents at Thạc
 * Gián in every status, registered ones numbered in its incoming register, each with searchable
 * words — and 500 at Xuân Hà (a small unit), then times every list call over HTTP: the inbox's
 * first page, a page 100,000 entries deep, filters, search with and without diacritics, the
 * registers, counts, a trace. Each call is made {@code bench.calls} times (default 200) by one
 * client, then by {@code bench.clients} (default 4) at once; p50, p95, p99 and max are printed.
 * Run: mvn -Pbench-scale package -DskipTests.
 */
public final class ScaleLoad {
  private static final String PASSWORD = "demo-bench";
  private static final String WARD = "000.26.31.H17"; // Thạc Gián
  private static final String SMALL = "000.30.31.H17"; // Xuân Hà

  private ScaleLoad() {}

  public static void main(String[] args) throws Exception {
    int documents = Integer.getInteger("bench.documents", 300_000);
    int calls = Integer.getInteger("bench.calls", 200);
    int clients = Integer.getInteger("bench.clients", 4);
    Path project = Path.of(System.getProperty("lienthong.project", ".")).toAbsolutePath();
    Path target = project.resolve("ear/target");
    Path db = target.resolve("bench-postgres");
    Path data = target.resolve("bench-data");
    LocalServer.deleteTree(db);
    LocalServer.deleteTree(data);
    Files.deleteIfExists(target.resolve("bench-server.log"));
    Map<String, String> env = new LinkedHashMap<>();
    env.put("DEMO_PASSWORD", PASSWORD);
    env.put("LIENTHONG_MODE", "demo");
    env.put("LIENTHONG_PUBLIC_URL", "http://localhost:8280");
    env.put("LIENTHONG_DATA_DIR", data.toString());
    try (LocalServer server =
        LocalServer.start(
            new LocalServer.Options(
                target.resolve("server"), 200, db, target.resolve("bench-server.log"), env))) {
      HttpClient http =
          HttpClient.newBuilder()
              .version(HttpClient.Version.HTTP_1_1)
              .connectTimeout(Duration.ofSeconds(5))
              .build();
      URI base = server.baseUri();
      System.out.printf(
          "machine: %d cores, Java %s%n",
          Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"));

      UUID real = sendOne(http, base);
      long t0 = System.nanoTime();
      try (Connection c =
          DriverManager.getConnection(server.jdbcUrl(), server.dbUser(), server.dbPassword())) {
        seed(c, WARD, documents, 0);
        seed(c, SMALL, 500, 10_000_000);
        try (Statement s = c.createStatement()) {
          s.execute("ANALYZE");
        }
        System.out.printf(
            "seeded %,d incoming documents at Thạc Gián and 500 at Xuân Hà in %.0f s%n",
            documents, (System.nanoTime() - t0) / 1e9);
        String deep = cursorAt(c, WARD, Math.min(100_000, documents - 100));
        int year = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).getYear();
        int middle = registeredNumberAt(c, WARD, year);
        Map<String, String> paths = new LinkedHashMap<>();
        paths.put("inbox, first page (50)", "api/v1/inbox");
        paths.put("inbox, page 100,000 deep", "api/v1/inbox?after=" + deep);
        paths.put("inbox, 1,000 per page", "api/v1/inbox?limit=1000");
        paths.put("inbox, status 05 (in progress)", "api/v1/inbox?status=05");
        paths.put("inbox, overdue", "api/v1/inbox?overdue=true");
        paths.put(
            "inbox, type and dates", "api/v1/inbox?type=QUYET_DINH&from=2024-01-01&to=2024-06-30");
        paths.put("search, words in 1 of 3 documents", "api/v1/inbox?q=" + encode("ke hoach"));
        paths.put(
            "search, words in 1 of 6 documents",
            "api/v1/inbox?q=" + encode("Phòng cháy chữa cháy"));
        paths.put("search, one document", "api/v1/inbox?q=" + encode("văn bản 123457"));
        paths.put("search, no match", "api/v1/inbox?q=" + encode("không có từ này"));
        paths.put("search + status filter", "api/v1/inbox?status=06&q=" + encode("quyet dinh"));
        paths.put("counts", "api/v1/inbox/counts");
        paths.put(
            "incoming register, year's middle",
            "api/v1/registers/incoming?year=" + year + "&after=" + middle);
        paths.put("outgoing register", "api/v1/registers/outgoing");
        paths.put("trace of a document", "api/v1/documents/" + real + "/trace");
        paths.put("small unit's inbox", "api/v1/inbox#xuanha");
        for (String user : List.of("vanthu.thacgian", "vanthu.tamthuan", "vanthu.xuanha")) {
          login(http, base, user);
        }
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        System.out.printf(
            "%-34s %8s %8s %8s %8s   %8s %8s (%d clients)%n",
            "call", "p50 ms", "p95 ms", "p99 ms", "max ms", "p50 ms", "p95 ms", clients);
        for (var e : paths.entrySet()) {
          String user =
              e.getValue().endsWith("#xuanha")
                  ? "vanthu.xuanha"
                  : e.getKey().startsWith("trace") || e.getKey().startsWith("outgoing")
                      ? "vanthu.tamthuan"
                      : "vanthu.thacgian";
          String path = e.getValue().replace("#xuanha", "");
          for (int i = 0; i < 20; i++) {
            get(http, base, user, path); // warm-up
          }
          double[] one = new double[calls];
          for (int i = 0; i < calls; i++) {
            one[i] = get(http, base, user, path);
          }
          List<Future<Double>> futures = new ArrayList<>();
          for (int i = 0; i < calls; i++) {
            futures.add(pool.submit(() -> get(http, base, user, path)));
          }
          double[] many = new double[calls];
          for (int i = 0; i < calls; i++) {
            many[i] = futures.get(i).get();
          }
          Arrays.sort(one);
          Arrays.sort(many);
          System.out.printf(
              "%-34s %8.1f %8.1f %8.1f %8.1f   %8.1f %8.1f%n",
              e.getKey(),
              at(one, 0.5),
              at(one, 0.95),
              at(one, 0.99),
              one[one.length - 1],
              at(many, 0.5),
              at(many, 0.95));
        }
        pool.shutdownNow();
      }
    }
  }

  /** One real document from Tam Thuận to Thạc Gián, through the API, to trace. */
  private static UUID sendOne(HttpClient http, URI base) throws Exception {
    String boundary = "----bench" + UUID.randomUUID().toString().replace("-", "");
    byte[] pdf = LoadPdf.of(4_000, "Cong van do hieu nang danh sach");
    var body = new java.io.ByteArrayOutputStream();
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
                + "Content-Type: application/json\r\n\r\n"
                + "{\"type\":\"CONG_VAN\",\"abstract\":\"Về việc đo hiệu năng danh sách\"}\r\n--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cv.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(pdf);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    String created =
        send(
            http,
            request(base, "vanthu.tamthuan", "api/v1/documents")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())),
            201);
    UUID id = UUID.fromString(created.replaceAll(".*\"id\"\\s*:\\s*\"([0-9a-f-]{36})\".*", "$1"));
    send(
        http,
        request(base, "lanhdao.tamthuan", "api/v1/documents/" + id + "/demo-signature")
            .POST(HttpRequest.BodyPublishers.noBody()),
        200);
    send(
        http,
        request(base, "vanthu.tamthuan", "api/v1/documents/" + id + "/issue")
            .POST(HttpRequest.BodyPublishers.noBody()),
        200);
    send(
        http,
        request(base, "vanthu.tamthuan", "api/v1/documents/" + id + "/send")
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString("{\"recipients\":[\"" + WARD + "\"]}")),
        202);
    return id;
  }

  /**
   * Years of incoming documents at the unit, written in SQL as the server would have: each with its
   * document (from the district's other units, numbered in their registers), envelope and delivery,
   * most of them done, registered ones numbered in the unit's incoming register, a few urgent.
   */
  private static void seed(Connection c, String unit, int n, int numberBase) throws Exception {
    c.setAutoCommit(false);
    try (Statement s = c.createStatement()) {
      String sha;
      try (ResultSet rs = s.executeQuery("SELECT sha256 FROM content LIMIT 1")) {
        rs.next();
        sha = rs.getString(1);
      }
      s.execute("DROP TABLE IF EXISTS bench_seed");
      // The counts trigger fires once per row; in one transaction of 300,000 rows each update of
      // the same counter row walks the versions the earlier ones left. Off for the bulk write,
      // then the counts are made again from the table, as the migration makes them.
      s.execute("ALTER TABLE delivery DISABLE TRIGGER delivery_inbox_count");
      s.execute(
          "CREATE TEMP TABLE bench_seed AS SELECT g, gen_random_uuid() AS doc,"
              + " gen_random_uuid() AS env, gen_random_uuid() AS del,"
              + " (ARRAY['000.00.31.H17','000.01.31.H17','000.02.31.H17','000.03.31.H17',"
              + "'000.04.31.H17','000.05.31.H17','000.21.31.H17','000.22.31.H17','000.23.31.H17'])"
              + "[1 + g % 9] AS sender,"
              + " now() - (g * interval '1 second' * (5 * 365 * 86400.0 / "
              + n
              + ")) AS at"
              + " FROM generate_series(1, "
              + n
              + ") g");
      s.execute(
          "INSERT INTO outgoing_document (id, unit_code, created_by, type, abstract, urgency,"
              + " classification, file_sha256, file_name, status, register_year, register_number,"
              + " notation, issued_by, issued_at, sent_at, created_at, search_body)"
              + " SELECT doc, sender, 'vanthu.ubnd',"
              + " (ARRAY['CONG_VAN','QUYET_DINH','KE_HOACH','BAO_CAO','THONG_BAO'])[1 + g % 5],"
              + " (ARRAY['Về việc triển khai kế hoạch','Quyết định phê duyệt dự toán',"
              + "'Về việc tổ chức hội nghị','Báo cáo kết quả thực hiện','Thông báo lịch tiếp"
              + " công dân','Về công tác phòng cháy chữa cháy'])[1 + (g / 7) % 6] || ' số ' || g,"
              + " CASE WHEN g % 97 = 0 THEN 'FLASH' WHEN g % 31 = 0 THEN 'URGENT' ELSE 'NORMAL'"
              + " END, 'NORMAL', '"
              + sha
              + "', 'cv.pdf', 'SENT', extract(year FROM at)::int, g + "
              + numberBase
              + ", (g + "
              + numberBase
              + ") || '/UBND', 'vanthu.ubnd', at, at, at,"
              + " to_tsvector('simple', lt_fold((ARRAY['kế hoạch năm','dự toán ngân sách',"
              + "'hội nghị tổng kết','phòng cháy chữa cháy','giải phóng mặt bằng','chuyển đổi"
              + " số'])[1 + (g / 11) % 6] || ' văn bản ' || g))"
              + " FROM bench_seed");
      s.execute(
          "INSERT INTO envelope (id, document_id, sender_code, status, created_at,"
              + " last_published_at, routed_at) SELECT env, doc, sender, 'ROUTED', at, at, at"
              + " FROM bench_seed");
      s.execute(
          "INSERT INTO delivery (id, envelope_id, document_id, recipient_code, status, created_at,"
              + " last_published_at, arrived_at, updated_at, urgency_rank, incoming_year,"
              + " incoming_number, registered_at, deadline, handler)"
              + " SELECT del, env, doc, '"
              + unit
              + "', st, at, at, at, at,"
              + " CASE WHEN g % 97 = 0 THEN 3 WHEN g % 31 = 0 THEN 1 ELSE 0 END,"
              + " CASE WHEN st NOT IN ('ARRIVED', 'REJECTED') THEN 3000 + g END,"
              + " CASE WHEN st NOT IN ('ARRIVED', 'REJECTED') THEN g END,"
              + " CASE WHEN st NOT IN ('ARRIVED', 'REJECTED') THEN at END,"
              + " CASE WHEN st IN ('ASSIGNED', 'IN_PROGRESS') THEN (at + interval '10 days')::date"
              + " END,"
              + " CASE WHEN st IN ('ASSIGNED', 'IN_PROGRESS') THEN 'chuyenvien.thacgian' END"
              + " FROM (SELECT *, CASE WHEN g < 60 THEN 'ARRIVED' WHEN g % 50 = 1 THEN 'REJECTED'"
              + " WHEN g < 400 THEN (ARRAY['REGISTERED','ASSIGNED','IN_PROGRESS'])[1 + g % 3]"
              + " WHEN g % 200 = 7 THEN 'IN_PROGRESS' ELSE 'DONE' END AS st FROM bench_seed) x");
      // the year's register: this year's registered ones numbered 1.. in arrival order
      s.execute(
          "UPDATE delivery d SET incoming_year = y.year, incoming_number = y.n FROM ("
              + " SELECT id, extract(year FROM arrived_at AT TIME ZONE 'Asia/Ho_Chi_Minh')::int"
              + " AS year, row_number() OVER (PARTITION BY extract(year FROM arrived_at AT TIME"
              + " ZONE 'Asia/Ho_Chi_Minh') ORDER BY arrived_at, id) AS n FROM delivery"
              + " WHERE recipient_code = '"
              + unit
              + "' AND incoming_number IS NOT NULL) y WHERE d.id = y.id");
      s.execute("ALTER TABLE delivery ENABLE TRIGGER delivery_inbox_count");
      s.execute("DELETE FROM inbox_count WHERE unit_code = '" + unit + "'");
      s.execute(
          "INSERT INTO inbox_count (unit_code, status, n) SELECT recipient_code, status, count(*)"
              + " FROM delivery WHERE recipient_code = '"
              + unit
              + "' AND status <> 'PENDING' GROUP BY recipient_code, status");
      s.execute(
          "INSERT INTO incoming_register (unit_code, year, last_number) SELECT recipient_code,"
              + " incoming_year, max(incoming_number) FROM delivery WHERE recipient_code = '"
              + unit
              + "' AND incoming_year IS NOT NULL GROUP BY recipient_code, incoming_year"
              + " ON CONFLICT (unit_code, year) DO UPDATE SET last_number = EXCLUDED.last_number");
    }
    c.commit();
    c.setAutoCommit(true);
  }

  /** The cursor a client holds after reading {@code depth} entries of the unit's inbox. */
  private static String cursorAt(Connection c, String unit, int depth) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT urgency_rank, arrived_at, id FROM delivery WHERE recipient_code = '"
                    + unit
                    + "' AND status NOT IN ('PENDING', 'RECALLED')"
                    + " ORDER BY urgency_rank DESC, arrived_at DESC, id DESC OFFSET "
                    + depth
                    + " LIMIT 1")) {
      rs.next();
      return new InboxCursor(
              rs.getInt(1), rs.getTimestamp(2).toInstant(), UUID.fromString(rs.getString(3)))
          .token();
    }
  }

  /** A number in the middle of this year's incoming register. */
  private static int registeredNumberAt(Connection c, String unit, int year) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT coalesce(max(incoming_number), 0) / 2 FROM delivery WHERE recipient_code"
                    + " = '"
                    + unit
                    + "' AND incoming_year = "
                    + year)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static double at(double[] sorted, double q) {
    return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
  }

  private static String encode(String q) {
    return URLEncoder.encode(q, StandardCharsets.UTF_8);
  }

  /** The session cookie of each user logged in. */
  private static final Map<String, String> SESSIONS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * Logs the user in once (POST /session) so that the timed calls carry the session cookie, as the
   * web client's do: with HTTP Basic each call would also pay a bcrypt check, which is not what is
   * measured here.
   */
  private static void login(HttpClient http, URI base, String user) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(base.resolve("api/v1/session"))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"username\":\"" + user + "\",\"password\":\"" + PASSWORD + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String cookie =
        r.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("JSESSIONID="))
            .map(c -> c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';')))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("no session for " + user + ": " + r));
    SESSIONS.put(user, cookie);
  }

  private static HttpRequest.Builder request(URI base, String user, String path) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60));
    String session = SESSIONS.get(user);
    return session != null
        ? b.header("Cookie", session).header("X-Requested-With", "XMLHttpRequest")
        : b.header(
            "Authorization",
            "Basic "
                + Base64.getEncoder()
                    .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
  }

  /** Milliseconds one GET took, the whole answer read. */
  private static double get(HttpClient http, URI base, String user, String path) throws Exception {
    long t0 = System.nanoTime();
    send(http, request(base, user, path).GET(), 200);
    return (System.nanoTime() - t0) / 1e6;
  }

  private static String send(HttpClient http, HttpRequest.Builder request, int expected)
      throws Exception {
    HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != expected) {
      throw new IllegalStateException(r.uri() + " answered " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }
}
