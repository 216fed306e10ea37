package vn.lienthong.signing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The outside verifier: poppler's pdfsig with the demo root imported into an NSS database. Its
 * opinion is independent of DSS and of our code. NSS checks revocation online, through the test
 * PKI's HTTP server (see {@link Fixtures#pki()}).
 */
public final class PdfSig {

  private static Path nssDb;

  private PdfSig() {}

  public static synchronized String check(Path pdf) {
    if (!Files.exists(Path.of("/usr/bin/pdfsig")) || !Files.exists(Path.of("/usr/bin/certutil"))) {
      NativeTools.missing("pdfsig or certutil", "apt-get install poppler-utils libnss3-tools");
    }
    try {
      if (nssDb == null) {
        Path dir = Fixtures.target().resolve("nssdb-" + ProcessHandle.current().pid());
        Files.createDirectories(dir);
        run("certutil", "-N", "-d", "sql:" + dir, "--empty-password");
        Path root = dir.resolve("root.cer");
        Files.write(root, Fixtures.pki().rootCertificate().getEncoded());
        run(
            "certutil",
            "-A",
            "-d",
            "sql:" + dir,
            "-n",
            "lienthong-demo-root",
            "-t",
            "CT,C,C",
            "-i",
            root.toString());
        nssDb = dir;
      }
      return run("pdfsig", "-nssdir", "sql:" + nssDb, pdf.toString());
    } catch (IOException | java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String run(String... command) {
    try {
      Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException(command[0] + " hung");
      }
      return output;
    } catch (IOException e) {
      throw new IllegalStateException(command[0] + " cannot run", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
