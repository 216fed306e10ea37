package vn.lienthong.load;

import eu.europa.esig.dss.enumerations.Indication;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.spi.validation.CommonCertificateVerifier;
import eu.europa.esig.dss.spi.x509.CommonTrustedCertificateSource;
import eu.europa.esig.dss.validation.SignedDocumentValidator;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.lienthong.server.LocalServer;
import vn.lienthong.server.SoftHsmTokens;
import vn.lienthong.signing.pki.DemoPki;

/**
 * Benchmark driver for signing in the server (not a test; README, "Measured"): starts its own
 * server in demo mode with the seal of Phòng Quản lý đô thị on a SoftHSM token, then measures
 * issuance (number, date, seal at B-LT on the HSM) from parallel clerks, public verification over
 * HTTP of never-seen issued PDFs and of one already verified, and, in this JVM on the same files,
 * DSS validation the cookbook way (new verifier and validator per document). Run: mvn
 * -Pbench-server package -DskipTests; parameters bench.documents, bench.clients, bench.cached,
 * bench.bytes.
 */
public final class SigningLoad {
  private static final String PASSWORD = "demo-bench";
  private static final String CLERK = "vanthu.qldt";
  private static final String LEADER = "lanhdao.qldt";
  private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*\"([0-9a-f-]{36})\"");

  private SigningLoad() {}

  public static void main(String[] args) throws Exception {
    int documents = Integer.getInteger("bench.documents", 200);
    int clients = Integer.getInteger("bench.clients", 4);
    int cached = Integer.getInteger("bench.cached", 5000);
    int bytes = Integer.getInteger("bench.bytes", 60 * 1024);
    Path project = Path.of(System.getProperty("lienthong.project", ".")).toAbsolutePath();
    Path target = project.resolve("ear/target");
    Path db = target.resolve("bench-postgres");
    Path data = target.resolve("bench-data");
    LocalServer.deleteTree(db);
    LocalServer.deleteTree(data);
    LocalServer.deleteTree(target.resolve("bench-softhsm"));
    Files.deleteIfExists(target.resolve("bench-server.log"));
    Map<String, String> env = new LinkedHashMap<>();
    env.put("DEMO_PASSWORD", PASSWORD);
    env.put("LIENTHONG_MODE", "demo");
    env.put("LIENTHONG_PUBLIC_URL", "http://localhost:8280");
    env.put("LIENTHONG_DATA_DIR", data.toString());
    env.put("LIENTHONG_VERIFICATION_PER_MINUTE", "100000000");
    DemoPki pki = DemoPki.openOrCreate(data.resolve("pki"), "http://localhost:8280/pki");
    boolean hsm = SoftHsmTokens.available();
    if (hsm) {
      env.putAll(SoftHsmTokens.setUp(target.resolve("bench-softhsm"), pki));
    }
    try (LocalServer server =
        LocalServer.start(
            new LocalServer.Options(
                target.resolve("server"), 200, db, target.resolve("bench-server.log"), env))) {
      ExecutorService pool =
          Executors.newFixedThreadPool(
              clients,
              r -> {
                Thread t = new Thread(r, "bench");
                t.setDaemon(true);
                return t;
              });
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      URI base = server.baseUri();
      System.out.printf(
          "machine: %d cores, Java %s; seal on %s%n",
          Runtime.getRuntime().availableProcessors(),
          System.getProperty("java.version"),
          hsm ? "SoftHSM (PKCS#11)" : "a PKCS#12 file (SoftHSM not installed)");

      System.out.printf(
          "preparing %d signed drafts of about %d bytes ...%n", documents + 20, bytes);
      List<UUID> signed =
          all(
              pool,
              documents + 20,
              i ->
                  () ->
                      sign(
                          http,
                          base,
                          draft(
                              http,
                              base,
                              LoadPdf.of(bytes, "Van ban so " + i + " " + UUID.randomUUID()))));
      all(pool, 20, i -> () -> issue(http, base, signed.get(i)));
      List<UUID> toIssue = signed.subList(20, signed.size());
      long t0 = System.nanoTime();
      all(pool, toIssue.size(), i -> () -> issue(http, base, toIssue.get(i)));
      double issueSeconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          "issuance (number, date, seal B-LT)  %d in %.1f s = %.1f /s with %d clerks%n",
          toIssue.size(), issueSeconds, toIssue.size() / issueSeconds, clients);

      List<byte[]> files =
          all(pool, toIssue.size(), i -> () -> download(http, base, toIssue.get(i)));
      System.out.printf(
          "issued PDFs: %d to %d bytes%n",
          files.stream().mapToInt(f -> f.length).min().orElse(0),
          files.stream().mapToInt(f -> f.length).max().orElse(0));
      AtomicInteger misses = new AtomicInteger();
      t0 = System.nanoTime();
      all(pool, files.size(), i -> () -> verify(http, base, files.get(i), "miss", misses));
      double missSeconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          "verification over HTTP, never seen  %d in %.1f s = %.1f /s (%d answered by the verifier)%n",
          files.size(), missSeconds, files.size() / missSeconds, misses.get());

      byte[] one = files.get(0);
      AtomicInteger hits = new AtomicInteger();
      all(pool, 200, i -> () -> verify(http, base, one, "hit", hits));
      hits.set(0);
      t0 = System.nanoTime();
      all(pool, cached, i -> () -> verify(http, base, one, "hit", hits));
      double hitSeconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          "verification over HTTP, seen before %d in %.1f s = %.0f /s (%d cache hits)%n",
          cached, hitSeconds, cached / hitSeconds, hits.get());

      String sha = sha256(one);
      all(pool, 200, i -> () -> known(http, base, sha));
      t0 = System.nanoTime();
      all(pool, cached, i -> () -> known(http, base, sha));
      double knownSeconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          "verification by hash, seen before   %d in %.1f s = %.0f /s%n",
          cached, knownSeconds, cached / knownSeconds);

      // DSS the cookbook way, same files, same number of threads, in this JVM.
      CertificateToken root = new CertificateToken(pki.rootCertificate());
      all(pool, 20, i -> () -> cookbook(files.get(i % files.size()), root));
      t0 = System.nanoTime();
      List<String> indications = all(pool, files.size(), i -> () -> cookbook(files.get(i), root));
      double dssSeconds = (System.nanoTime() - t0) / 1e9;
      System.out.printf(
          "DSS cookbook validation, in process %d in %.1f s = %.1f /s with %d threads (%s)%n",
          files.size(),
          dssSeconds,
          files.size() / dssSeconds,
          clients,
          indications.stream().distinct().toList());
      pool.shutdownNow();
    }
  }

  /** A task per index, run on the pool; the results in index order. */
  private static <T> List<T> all(
      ExecutorService pool, int n, java.util.function.IntFunction<Callable<T>> task)
      throws Exception {
    List<Future<T>> futures = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      futures.add(pool.submit(task.apply(i)));
    }
    List<T> out = new ArrayList<>();
    for (Future<T> f : futures) {
      out.add(f.get());
    }
    return Collections.unmodifiableList(out);
  }

  private static String cookbook(byte[] pdf, CertificateToken root) {
    CommonCertificateVerifier verifier = new CommonCertificateVerifier();
    CommonTrustedCertificateSource trusted = new CommonTrustedCertificateSource();
    trusted.addCertificate(root);
    verifier.setTrustedCertSources(trusted);
    SignedDocumentValidator validator =
        SignedDocumentValidator.fromDocument(new InMemoryDocument(pdf));
    validator.setCertificateVerifier(verifier);
    var reports = validator.validateDocument();
    var simple = reports.getSimpleReport();
    Indication worst = Indication.TOTAL_PASSED;
    for (String id : simple.getSignatureIdList()) {
      Indication ind = simple.getIndication(id);
      if (ind != Indication.TOTAL_PASSED) {
        worst = ind;
      }
    }
    return worst.name();
  }

  private static String auth(String user) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
  }

  private static UUID draft(HttpClient http, URI base, byte[] pdf) throws Exception {
    String boundary = "----bench" + UUID.randomUUID().toString().replace("-", "");
    ByteArrayOutputStream body = new ByteArrayOutputStream(pdf.length + 1024);
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"metadata\"\r\n"
                + "Content-Type: application/json\r\n\r\n"
                + "{\"type\":\"CONG_VAN\",\"abstract\":\"Về việc đo hiệu năng ký số\",\"urgency\":\"NORMAL\"}"
                + "\r\n--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"cv.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(pdf);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(base.resolve("api/v1/documents"))
                .header("Authorization", auth(CLERK))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    Matcher m = ID.matcher(r.body());
    if (r.statusCode() != 201 || !m.find()) {
      throw new IllegalStateException("create failed: " + r.statusCode() + " " + r.body());
    }
    return UUID.fromString(m.group(1));
  }

  private static UUID sign(HttpClient http, URI base, UUID id) throws Exception {
    post(http, base, LEADER, "api/v1/documents/" + id + "/demo-signature", 200);
    return id;
  }

  private static UUID issue(HttpClient http, URI base, UUID id) throws Exception {
    post(http, base, CLERK, "api/v1/documents/" + id + "/issue", 200);
    return id;
  }

  private static void post(HttpClient http, URI base, String user, String path, int expected)
      throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(base.resolve(path))
                .header("Authorization", auth(user))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != expected) {
      throw new IllegalStateException(path + " answered " + r.statusCode() + " " + r.body());
    }
  }

  private static byte[] download(HttpClient http, URI base, UUID id) throws Exception {
    HttpResponse<byte[]> r =
        http.send(
            HttpRequest.newBuilder(base.resolve("api/v1/documents/" + id + "/file"))
                .header("Authorization", auth(CLERK))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("download answered " + r.statusCode());
    }
    return r.body();
  }

  private static String verify(
      HttpClient http, URI base, byte[] pdf, String expectedCache, AtomicInteger counted)
      throws Exception {
    String boundary = "----verify";
    ByteArrayOutputStream body = new ByteArrayOutputStream(pdf.length + 256);
    body.writeBytes(
        ("--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"v.pdf\"\r\n"
                + "Content-Type: application/pdf\r\n\r\n")
            .getBytes(StandardCharsets.US_ASCII));
    body.writeBytes(pdf);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(base.resolve("api/v1/verifications"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200 || !r.body().contains("\"TOTAL_PASSED\"")) {
      throw new IllegalStateException("verification answered " + r.statusCode() + " " + r.body());
    }
    if (expectedCache.equals(r.headers().firstValue("X-Verdict-Cache").orElse(""))) {
      counted.incrementAndGet();
    }
    return r.body();
  }

  private static String known(HttpClient http, URI base, String sha) throws Exception {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(base.resolve("api/v1/verifications/" + sha)).build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException("by hash answered " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  private static String sha256(byte[] data) throws Exception {
    return java.util.HexFormat.of()
        .formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data));
  }
}
