package vn.lienthong.signing;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The Debian tools some tests drive (SoftHSM2, OpenSC, poppler, NSS). Where they are missing, a
 * developer's run skips those tests with the install line; CI (CI=true, set by the runner; .ci/run
 * installs the tools) fails instead, so a missing tool can never pass silently there.
 */
public final class NativeTools {
  private NativeTools() {}

  public static void missing(String what, String install) {
    String message = what + " is missing: " + install;
    if ("true".equalsIgnoreCase(System.getenv("CI"))
        || Boolean.getBoolean("lienthong.requireNativeTools")) {
      throw new IllegalStateException(message);
    }
    Assumptions.abort(message);
  }

  /**
   * Runs a tool and returns its output (stdout and stderr). The output goes to a file, so a tool
   * that hangs times out after 60 s instead of blocking a pipe read forever; with {@code checkExit}
   * a non-zero exit fails too. {@code install} says what to install when it cannot run.
   */
  public static String run(boolean checkExit, String install, String... command) {
    File output = null;
    try {
      output = File.createTempFile("native-tool-", ".out");
      Process process =
          new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output).start();
      boolean finished = process.waitFor(60, TimeUnit.SECONDS);
      if (!finished) {
        process.destroyForcibly();
      }
      String text = Files.readString(output.toPath(), StandardCharsets.UTF_8);
      if (!finished || (checkExit && process.exitValue() != 0)) {
        throw new IllegalStateException(
            String.join(" ", command) + (finished ? " failed:\n" : " hung:\n") + text);
      }
      return text;
    } catch (IOException e) {
      throw new IllegalStateException(command[0] + " cannot run: " + install, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } finally {
      if (output != null) {
        output.delete();
      }
    }
  }
}
