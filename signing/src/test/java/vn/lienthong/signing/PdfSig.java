package vn.lienthong.signing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The outside verifier: poppler's pdfsig with the demo root imported into an NSS database. Its
 * opinion is independent of DSS and of our code. NSS checks revocation online, through the test
 * PKI's HTTP server (see {@link Fixtures#pki()}).
 */
public final class PdfSig {

  private static Path nssDb;

  private PdfSig() {}

  private static String run(boolean checkExit, String... command) {
    return NativeTools.run(checkExit, "apt-get install poppler-utils libnss3-tools", command);
  }

  public static synchronized String check(Path pdf) {
    if (!Files.exists(Path.of("/usr/bin/pdfsig")) || !Files.exists(Path.of("/usr/bin/certutil"))) {
      NativeTools.missing("pdfsig or certutil", "apt-get install poppler-utils libnss3-tools");
    }
    try {
      if (nssDb == null) {
        Path dir = Fixtures.target().resolve("nssdb-" + ProcessHandle.current().pid());
        Files.createDirectories(dir);
        run(true, "certutil", "-N", "-d", "sql:" + dir, "--empty-password");
        Path root = dir.resolve("root.cer");
        Files.write(root, Fixtures.pki().rootCertificate().getEncoded());
        run(
            true,
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
      // pdfsig's exit code says whether signatures are valid: the callers read its report
      return run(false, "pdfsig", "-nssdir", "sql:" + nssDb, pdf.toString());
    } catch (IOException | java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }
}
