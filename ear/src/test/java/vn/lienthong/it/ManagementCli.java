package vn.lienthong.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Reads the running test server's management model with the server's own jboss-cli: it signs in as
 * the local user (the same OS account), so the test needs no management password. The operations
 * run as one batch and their answers come back as one composite result.
 */
final class ManagementCli {
  private ManagementCli() {}

  /** What each of {@code operations} answered (its {@code result}), in order. */
  static List<JsonValue> read(String... operations) throws IOException, InterruptedException {
    TestServer.get();
    Path server = Path.of("target", "server").toAbsolutePath();
    Path script = Files.createTempFile(Path.of("target"), "management-read", ".cli");
    try {
      Files.writeString(
          script,
          "batch\n" + String.join("\n", operations) + "\nrun-batch --verbose\n",
          StandardCharsets.UTF_8);
      ProcessBuilder pb =
          new ProcessBuilder(
                  server.resolve("bin/jboss-cli.sh").toString(),
                  "--connect",
                  "--controller=127.0.0.1:" + (9990 + TestServer.OFFSET),
                  "--output-json",
                  "--file=" + script)
              .redirectErrorStream(true);
      pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException("jboss-cli failed: " + out);
      }
      JsonObject answer =
          Json.createReader(new StringReader(out.substring(out.indexOf('{')))).readObject();
      if (!"success".equals(answer.getString("outcome"))) {
        throw new IllegalStateException("management read failed: " + answer);
      }
      JsonObject steps = answer.getJsonObject("result");
      List<JsonValue> results = new ArrayList<>();
      for (int i = 1; i <= operations.length; i++) {
        results.add(steps.getJsonObject("step-" + i).get("result"));
      }
      return results;
    } finally {
      Files.deleteIfExists(script);
    }
  }
}
