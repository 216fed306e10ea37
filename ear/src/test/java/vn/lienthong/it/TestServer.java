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

/**
 * The one server all integration tests share: started on first use (fresh embedded PostgreSQL in
 * target/, ports offset by 100 so a development server can run beside), stopped at JVM exit.
 */
final class TestServer {
  /** Smaller than the 100 MiB default so the over-limit test stays quick; same code path. */
  static final long UPLOAD_LIMIT = 8L * 1024 * 1024;

  private static LocalServer server;
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
        server =
            LocalServer.start(
                new LocalServer.Options(
                    target.resolve("server"),
                    100,
                    db,
                    target.resolve("it-server.log"),
                    Map.of(
                        "LIENTHONG_MODE",
                        "demo",
                        "LIENTHONG_PUBLIC_URL",
                        "http://localhost:8180",
                        "LIENTHONG_DATA_DIR",
                        target.resolve("it-data").toString(),
                        "LIENTHONG_UPLOAD_MAX_BYTES",
                        String.valueOf(UPLOAD_LIMIT),
                        "LIENTHONG_EXCHANGE_REPUBLISH_AFTER_SECONDS",
                        "5",
                        "DEMO_PASSWORD",
                        Api.PASSWORD)));
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
