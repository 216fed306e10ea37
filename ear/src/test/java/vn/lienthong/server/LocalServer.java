package vn.lienthong.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.wildfly.core.launcher.Launcher;
import org.wildfly.core.launcher.StandaloneCommandBuilder;

/**
 * Runs the provisioned WildFly (ear/target/server, with the EAR deployed) on PostgreSQL: an
 * embedded one started here from Maven Central binaries, or an external one when POSTGRESQL_HOST is
 * set. Used by the integration tests, the load driver and the development run. The server is a
 * child process, so a test can kill it hard and start it again on the same database.
 */
public final class LocalServer implements AutoCloseable {

  /**
   * How to run: where the server is, port offset, database folder, extra environment, and the
   * server's own base directory (configuration, deployments, data, tmp, log) when it runs beside
   * another server of the same installation: two servers on one base directory share the broker's
   * journal, and the second waits for its lock for ever. Null: the installation's standalone/.
   */
  public record Options(
      Path serverDir,
      int portOffset,
      Path databaseDir,
      Path logFile,
      Map<String, String> env,
      Path baseDir) {

    /** On the installation's own standalone/ directory. */
    public Options(
        Path serverDir, int portOffset, Path databaseDir, Path logFile, Map<String, String> env) {
      this(serverDir, portOffset, databaseDir, logFile, env, null);
    }
  }

  private final Options options;
  private final EmbeddedPostgres postgres;
  private final Map<String, String> dbEnv;
  private Process process;
  private boolean closed;
  private boolean requireReady = true;
  private boolean requireDeployed = true;

  /**
   * A fresh base directory from the installation's: its configuration copied, its deployments
   * linked (not their marker files), empty data, tmp and log.
   */
  private static void newBaseDir(Path standalone, Path base) throws IOException {
    deleteTree(base);
    Path configuration = Files.createDirectories(base.resolve("configuration"));
    try (var files = Files.list(standalone.resolve("configuration"))) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, configuration.resolve(f.getFileName()));
      }
    }
    Path deployments = Files.createDirectories(base.resolve("deployments"));
    try (var files = Files.list(standalone.resolve("deployments"))) {
      for (Path f :
          files
              .filter(p -> p.toString().endsWith(".ear") || p.toString().endsWith(".war"))
              .toList()) {
        try {
          Files.createLink(deployments.resolve(f.getFileName()), f);
        } catch (IOException | UnsupportedOperationException e) {
          Files.copy(f, deployments.resolve(f.getFileName()));
        }
      }
    }
  }

  private LocalServer(Options options, EmbeddedPostgres postgres, Map<String, String> dbEnv) {
    this.options = options;
    this.postgres = postgres;
    this.dbEnv = dbEnv;
  }

  /** Starts the database (unless external) and the server, and waits until it is ready. */
  public static LocalServer start(Options options) throws IOException {
    return start(options, true);
  }

  /**
   * As {@link #start(Options)}; with {@code requireReady} false it waits only until the application
   * answers, for a server whose readiness is meant to fail (a test of what readiness says).
   */
  public static LocalServer start(Options options, boolean requireReady) throws IOException {
    return start(options, requireReady, true);
  }

  /**
   * As {@link #start(Options, boolean)}; with {@code requireDeployed} false as well it waits only
   * until the management interface answers, for a server whose application is meant to refuse to
   * start (a test of production mode's checks).
   */
  public static LocalServer start(Options options, boolean requireReady, boolean requireDeployed)
      throws IOException {
    if (!Files.isRegularFile(options.serverDir().resolve("jboss-modules.jar"))) {
      throw new IllegalStateException(
          "no provisioned server at " + options.serverDir() + ": build the ear module first");
    }
    EmbeddedPostgres pg = null;
    Map<String, String> db = new LinkedHashMap<>();
    String externalHost = System.getenv("POSTGRESQL_HOST");
    if (externalHost == null || externalHost.isBlank()) {
      Files.createDirectories(options.databaseDir());
      pg =
          EmbeddedPostgres.builder()
              .setDataDirectory(options.databaseDir())
              .setCleanDataDirectory(false)
              .setPGStartupWait(Duration.ofSeconds(60))
              .setServerConfig("max_connections", "200")
              .setServerConfig("listen_addresses", "localhost")
              .start();
      db.put("POSTGRESQL_HOST", "localhost");
      db.put("POSTGRESQL_PORT", String.valueOf(pg.getPort()));
      db.put("POSTGRESQL_DATABASE", "postgres");
      db.put("POSTGRESQL_USER", "postgres");
      db.put("POSTGRESQL_PASSWORD", "postgres");
    }
    if (options.baseDir() != null) {
      newBaseDir(options.serverDir().resolve("standalone"), options.baseDir());
    }
    LocalServer server = new LocalServer(options, pg, db);
    server.requireReady = requireReady;
    server.requireDeployed = requireDeployed;
    // Whatever ends this JVM (Ctrl-C, a failed test run) ends the server and the database too.
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "lienthong-local-server-stop"));
    server.startServer();
    return server;
  }

  /** Starts the WildFly process and waits for readiness (database and messaging up). */
  public void startServer() throws IOException {
    StandaloneCommandBuilder cmd =
        StandaloneCommandBuilder.of(options.serverDir())
            .setJavaHome(System.getProperty("java.home"))
            .addJavaOptions("-Xms256m", "-Xmx1536m", "-XX:+UseG1GC")
            .addJavaOption("-Djboss.socket.binding.port-offset=" + options.portOffset())
            .addJavaOption("-Djava.net.preferIPv4Stack=true")
            // PKCS#11 token lookup by label reads the token list (bin/standalone.conf has it too)
            .addJavaOption(
                "--add-exports=jdk.crypto.cryptoki/sun.security.pkcs11.wrapper=ALL-UNNAMED");
    if (options.baseDir() != null) {
      cmd.setBaseDirectory(options.baseDir());
    }
    Files.createDirectories(options.logFile().getParent());
    // Appended, so a restart after a crash keeps the log of the run that crashed.
    Launcher launcher =
        Launcher.of(cmd)
            .setRedirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(options.logFile().toFile()))
            .addEnvironmentVariables(dbEnv)
            .addEnvironmentVariables(options.env());
    process = launcher.launch();
    try {
      awaitReady(Duration.ofSeconds(240));
    } catch (RuntimeException e) {
      process.destroyForcibly();
      throw e;
    }
  }

  /** SIGKILL: the server dies mid-flight, with no chance to flush or commit anything. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** A clean stop (SIGTERM). */
  public void stopServer() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
      }
    }
  }

  public URI baseUri() {
    return URI.create("http://localhost:" + (8080 + options.portOffset()) + "/");
  }

  public URI managementUri() {
    return URI.create("http://localhost:" + (9990 + options.portOffset()) + "/");
  }

  /** JDBC URL of the database, for tests that check what was (not) stored. */
  public String jdbcUrl() {
    String host = dbEnv.getOrDefault("POSTGRESQL_HOST", System.getenv("POSTGRESQL_HOST"));
    String port = dbEnv.getOrDefault("POSTGRESQL_PORT", env("POSTGRESQL_PORT", "5432"));
    String name =
        dbEnv.getOrDefault("POSTGRESQL_DATABASE", env("POSTGRESQL_DATABASE", "lienthong"));
    return "jdbc:postgresql://" + host + ":" + port + "/" + name;
  }

  public String dbUser() {
    return dbEnv.getOrDefault("POSTGRESQL_USER", env("POSTGRESQL_USER", "lienthong"));
  }

  public String dbPassword() {
    return dbEnv.getOrDefault("POSTGRESQL_PASSWORD", env("POSTGRESQL_PASSWORD", "lienthong"));
  }

  public Process process() {
    return process;
  }

  /** Deletes a folder and everything in it (a test or load run's fresh database). */
  public static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (var walk = Files.walk(p)) {
      for (Path x : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(x);
      }
    }
  }

  private static String env(String name, String fallback) {
    String v = System.getenv(name);
    return v == null || v.isBlank() ? fallback : v;
  }

  private void awaitReady(Duration timeout) {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    HttpRequest ready =
        HttpRequest.newBuilder(managementUri().resolve("health/ready"))
            .timeout(Duration.ofSeconds(5))
            .build();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "server exited with " + process.exitValue() + "; see " + options.logFile());
      }
      try {
        HttpResponse<String> r = http.send(ready, HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200 && r.body().contains("database")) {
          return;
        }
        if (!requireReady && (!requireDeployed || deployed(http))) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      sleep(500);
    }
    throw new IllegalStateException(
        "server not ready in " + timeout + "; see " + options.logFile());
  }

  /** The application answers: a verdict unknown by hash is its 404 problem, not Undertow's. */
  private boolean deployed(HttpClient http) throws IOException, InterruptedException {
    HttpResponse<String> r =
        http.send(
            HttpRequest.newBuilder(baseUri().resolve("api/v1/verifications/" + "0".repeat(64)))
                .timeout(Duration.ofSeconds(5))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    // or the application's redirect to its https address (a production start)
    return r.statusCode() == 308
        || r.statusCode() == 404
            && r.headers().firstValue("Content-Type").orElse("").contains("problem+json");
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public synchronized void close() {
    try {
      stopServer();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    if (postgres != null && !closed) {
      closed = true;
      try {
        postgres.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
