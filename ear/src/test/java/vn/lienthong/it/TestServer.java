package vn.lienthong.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import vn.lienthong.server.LocalServer;
import vn.lienthong.server.SoftHsmTokens;
import vn.lienthong.signing.pki.DemoPki;

/**
 * The one server all integration tests share: started on first use (fresh embedded PostgreSQL in
 * target/, ports offset by 100 so a development server can run beside), stopped at JVM exit.
 */
final class TestServer {
  /** Smaller than the 100 MiB default so the over-limit test stays quick; same code path. */
  static final long UPLOAD_LIMIT = 8L * 1024 * 1024;

  /** Shorter than the 60 s default, so the stalled-upload test waits less; same mechanism. */
  static final int READ_TIMEOUT_MS = 20_000;

  /** Public verifications per client per minute; the rate-limit test exhausts it from 127.0.0.2. */
  static final int VERIFICATIONS_PER_MINUTE = 30;

  /**
   * Ports offset by 100 unless {@code -Dit.portOffset} says otherwise (a second checkout running
   * its suite beside this one).
   */
  static final int OFFSET = Integer.getInteger("it.portOffset", 100);

  /** The server's own address, as the demo PKI and the public URL name it. */
  static final String ORIGIN = "http://localhost:" + (8080 + OFFSET);

  private static LocalServer server;
  private static DemoPki pki;
  private static Map<String, String> tokens;
  private static RuntimeException startFailure;

  private TestServer() {}

  static synchronized LocalServer get() {
    if (startFailure != null) {
      throw new IllegalStateException("the test server did not start", startFailure);
    }
    if (server == null) {
      try {
        Path target = Path.of("target").toAbsolutePath();
        Path db = target.resolve("it-postgres");
        LocalServer.deleteTree(db);
        LocalServer.deleteTree(target.resolve("it-data"));
        Files.deleteIfExists(target.resolve("it-server.log"));
        Map<String, String> env = new java.util.LinkedHashMap<>();
        env.put("LIENTHONG_MODE", "demo");
        env.put("LIENTHONG_PUBLIC_URL", ORIGIN);
        env.put("LIENTHONG_DATA_DIR", target.resolve("it-data").toString());
        env.put("LIENTHONG_VERIFICATION_PER_MINUTE", String.valueOf(VERIFICATIONS_PER_MINUTE));
        env.put("LIENTHONG_UPLOAD_MAX_BYTES", String.valueOf(UPLOAD_LIMIT));
        env.put("LIENTHONG_HTTP_READ_TIMEOUT_MS", String.valueOf(READ_TIMEOUT_MS));
        env.put("LIENTHONG_EXCHANGE_REPUBLISH_AFTER_SECONDS", "5");
        // so that the suite's searches take both ways: among few matches, and the walk
        env.put("LIENTHONG_SEARCH_FEW_MATCHES", "3");
        env.put("DEMO_PASSWORD", Api.PASSWORD);
        LocalServer.deleteTree(target.resolve("it-softhsm"));
        if (SoftHsmTokens.available()) {
          // The demo PKI is made here first (the server opens the same folder), so that the
          // tokens' certificates come from the CA the server trusts.
          pki = DemoPki.openOrCreate(target.resolve("it-data/pki"), ORIGIN + "/pki");
          tokens = SoftHsmTokens.setUp(target.resolve("it-softhsm"), pki);
          env.putAll(tokens);
        }
        server =
            LocalServer.start(
                new LocalServer.Options(
                    target.resolve("server"), OFFSET, db, target.resolve("it-server.log"), env));
      } catch (IOException e) {
        startFailure = new UncheckedIOException(e);
        throw startFailure;
      } catch (RuntimeException e) {
        startFailure = e;
        throw e;
      }
    }
    return server;
  }

  /** The SoftHSM environment (SOFTHSM2_CONF...), or empty when SoftHSM is not installed. */
  static Map<String, String> softHsm() {
    get();
    return tokens == null ? Map.of() : tokens;
  }

  /** The test server's demo PKI (made by the harness when SoftHSM is there). */
  static DemoPki pki() {
    get();
    return pki;
  }

  static Api api() {
    return new Api(get().baseUri());
  }

  static Connection db() throws SQLException {
    LocalServer s = get();
    return DriverManager.getConnection(s.jdbcUrl(), s.dbUser(), s.dbPassword());
  }

  static long count(String sql) {
    try (Connection c = db();
        var rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
