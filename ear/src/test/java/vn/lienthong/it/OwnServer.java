package vn.lienthong.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.lienthong.server.LocalServer;

/**
 * A server of a test's own, beside the suite's shared one: ports offset 200 past it, its own
 * database, data and server base directory under target/&lt;name&gt;, for a configuration the
 * shared server must not have (a broken seal, production mode, a broker that gives up quickly). One
 * at a time.
 */
final class OwnServer {
  static final int OFFSET = TestServer.OFFSET + 200;

  private OwnServer() {}

  /** A fresh folder for it under target/. */
  static Path fresh(String name) throws IOException {
    Path dir = Path.of("target", name).toAbsolutePath();
    LocalServer.deleteTree(dir);
    return Files.createDirectories(dir);
  }

  /** Demo mode with the demo district, as the shared server has it. */
  static Map<String, String> demoEnv(Path dir) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("LIENTHONG_MODE", "demo");
    env.put("LIENTHONG_PUBLIC_URL", publicUrl());
    env.put("LIENTHONG_DATA_DIR", dir.resolve("data").toString());
    env.put("DEMO_PASSWORD", Api.PASSWORD);
    return env;
  }

  static String publicUrl() {
    return "http://localhost:" + (8080 + OFFSET);
  }

  /** Starts it; {@code requireReady} false for a server whose readiness is meant to fail. */
  static LocalServer start(Path dir, Map<String, String> env, boolean requireReady)
      throws IOException {
    return start(dir, env, requireReady, true);
  }

  /** Starts it, waiting only for the management interface when {@code requireDeployed} is false. */
  static LocalServer start(
      Path dir, Map<String, String> env, boolean requireReady, boolean requireDeployed)
      throws IOException {
    return LocalServer.start(
        new LocalServer.Options(
            Path.of("target", "server").toAbsolutePath(),
            OFFSET,
            dir.resolve("postgres"),
            dir.resolve("server.log"),
            env,
            dir.resolve("base")),
        requireReady,
        requireDeployed);
  }
}
