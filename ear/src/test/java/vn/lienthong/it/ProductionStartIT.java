package vn.lienthong.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import vn.lienthong.server.LocalServer;
import vn.lienthong.signing.pki.DemoPki;

/**
 * A production start with everything the README's "Running in production" asks for: a TLS key
 * issued by a CA, trust anchors, the unit tree from a file, the first administrator from the
 * environment. It starts; it has no demo account; plain HTTP is redirected to the https public
 * address; HTTPS answers carry HSTS and the session cookie is Secure.
 */
class ProductionStartIT {
  private static final String ADMIN = "quantri.quan";
  private static final String ADMIN_PASSWORD = "Quản-trị-Thanh-Khê-2026";
  private static final int HTTPS_PORT = 8443 + OwnServer.OFFSET;

  @Test
  void aCompleteConfigurationStartsServesOnlyHttpsAndHasNoDemoAccount() throws Exception {
    Path dir = OwnServer.fresh("it-production");
    String publicUrl = "https://localhost:" + HTTPS_PORT;
    DemoPki pki = DemoPki.openOrCreate(dir.resolve("pki"), publicUrl + "/pki");
    Map<String, String> env = new LinkedHashMap<>();
    env.put("LIENTHONG_MODE", "production");
    env.put("LIENTHONG_PUBLIC_URL", publicUrl);
    env.put("LIENTHONG_DATA_DIR", dir.resolve("data").toString());
    env.put("LIENTHONG_TRUST_ANCHORS", pki.trustFolder().toString());
    Path tlsKey = caIssuedKeyStore(pki);
    env.put("LIENTHONG_TLS_KEYSTORE", tlsKey.toString());
    env.put("LIENTHONG_TLS_KEYSTORE_PASSWORD", DemoPki.DEMO_PASSWORD);
    env.put("LIENTHONG_UNITS_FILE", unitsFile(dir).toString());
    env.put("LIENTHONG_ADMIN_USERNAME", ADMIN);
    env.put("LIENTHONG_ADMIN_PASSWORD", ADMIN_PASSWORD);

    try (LocalServer server = OwnServer.start(dir, env, false, true)) {
      // plain HTTP: redirected to the same path on the https address, before any login
      HttpResponse<String> plain =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(server.baseUri().resolve("api/v1/units?x=1"))
                      .timeout(Duration.ofSeconds(30))
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(plain.statusCode()).isEqualTo(308);
      assertThat(plain.headers().firstValue("Location")).contains(publicUrl + "/api/v1/units?x=1");

      // over TLS, with the CA-issued key: the administrator from the environment logs in
      assertThat(serverCertificate()).isEqualTo(certificateOf(tlsKey));
      RawHttp.Answer units = https("GET", "/api/v1/units", basic(ADMIN, ADMIN_PASSWORD), null);
      assertThat(units.status()).as(units.body()).isEqualTo(200);
      assertThat(units.body()).contains("000.00.31.H17");
      assertThat(units.headers().get("strict-transport-security")).isEqualTo("max-age=31536000");

      String login = "{\"username\":\"" + ADMIN + "\",\"password\":\"" + ADMIN_PASSWORD + "\"}";
      RawHttp.Answer session = https("POST", "/api/v1/session", null, login);
      assertThat(session.status()).as(session.body()).isEqualTo(200);
      assertThat(session.headers().get("set-cookie"))
          .contains("JSESSIONID")
          .containsIgnoringCase("secure")
          .containsIgnoringCase("httponly");

      // no demo account: "demo" opens nothing, and the only account is the administrator
      assertThat(https("GET", "/api/v1/units", basic("admin", "demo"), null).status())
          .isEqualTo(401);
      assertThat(https("GET", "/api/v1/units", basic("vanthu.ubnd", "demo"), null).status())
          .isEqualTo(401);
      try (var c =
              java.sql.DriverManager.getConnection(
                  server.jdbcUrl(), server.dbUser(), server.dbPassword());
          var rs = c.createStatement().executeQuery("SELECT username, role FROM app_user")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getString(1)).isEqualTo(ADMIN);
        assertThat(rs.getString(2)).isEqualTo("ADMIN");
        assertThat(rs.next()).isFalse();
      }
    }
  }

  private static X509Certificate certificateOf(Path p12) throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (var in = Files.newInputStream(p12)) {
      ks.load(in, DemoPki.DEMO_PASSWORD.toCharArray());
    }
    return (X509Certificate) ks.getCertificate(ks.aliases().nextElement());
  }

  /** The certificate the https listener presents. */
  private static X509Certificate serverCertificate() throws Exception {
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, new TrustManager[] {new TrustingManager()}, null);
    try (SSLSocket socket =
        (SSLSocket) tls.getSocketFactory().createSocket("localhost", HTTPS_PORT)) {
      socket.startHandshake();
      return (X509Certificate) socket.getSession().getPeerCertificates()[0];
    }
  }

  /** One of the demo PKI's key stores whose certificate the PKI's CA issued (not its root's). */
  private static Path caIssuedKeyStore(DemoPki pki) throws Exception {
    try (var files = Files.list(pki.directory())) {
      for (Path p : files.filter(f -> f.toString().endsWith(".p12")).sorted().toList()) {
        X509Certificate c = certificateOf(p);
        if (!c.getSubjectX500Principal().equals(c.getIssuerX500Principal())) {
          return p;
        }
      }
    }
    throw new IllegalStateException("no CA-issued key store in " + pki.directory());
  }

  /** The demo district's unit tree, given as a production units file. */
  private static Path unitsFile(Path dir) throws Exception {
    try (var in =
        ProductionStartIT.class
            .getClassLoader()
            .getResourceAsStream("META-INF/demo/district.json")) {
      Path file = dir.resolve("units.json");
      if (in != null) {
        Files.write(file, in.readAllBytes());
        return file;
      }
    }
    return Path.of("../ejb/src/main/resources/META-INF/demo/district.json").toAbsolutePath();
  }

  private static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * One request over TLS to the https listener. The client takes any certificate: which one the
   * server presents is checked against the configured key store instead.
   */
  private static RawHttp.Answer https(String method, String path, String authorization, String json)
      throws Exception {
    SSLContext tls = SSLContext.getInstance("TLS");
    tls.init(null, new TrustManager[] {new TrustingManager()}, null);
    try (SSLSocket socket =
        (SSLSocket) tls.getSocketFactory().createSocket("localhost", HTTPS_PORT)) {
      socket.setSoTimeout(60_000);
      socket.startHandshake();
      byte[] body = json == null ? new byte[0] : json.getBytes(StandardCharsets.UTF_8);
      StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\n");
      head.append("Host: localhost:").append(HTTPS_PORT).append("\r\n");
      if (authorization != null) {
        head.append("Authorization: ").append(authorization).append("\r\n");
      }
      if (json != null) {
        head.append("Content-Type: application/json\r\n");
      }
      head.append("Content-Length: ").append(body.length).append("\r\nConnection: close\r\n\r\n");
      OutputStream out = socket.getOutputStream();
      out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
      return RawHttp.readFull(socket.getInputStream());
    }
  }

  private static final class TrustingManager implements X509TrustManager {
    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) {}

    @Override
    public X509Certificate[] getAcceptedIssuers() {
      return new X509Certificate[0];
    }
  }
}
