package vn.lienthong.signing.internal;

import eu.europa.esig.dss.model.DSSDocument;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * How signed files are written: into a temporary file beside the output, then renamed, so the
 * output is never a partial file.
 */
public final class Outputs {

  private Outputs() {}

  /** A temporary file in the output's folder (same file system, so the rename is atomic). */
  public static Path temporaryFor(Path output) throws IOException {
    return Files.createTempFile(output.toAbsolutePath().getParent(), ".signing-", ".pdf");
  }

  /**
   * Renames the finished temporary file to the output. An existing output is deleted first:
   * renaming over a file makes ext4 write the new one out at once (auto_da_alloc), which cost more
   * than the whole signature on a 10 MB scan. A crash in between leaves no output, never a partial
   * one.
   */
  public static void publish(Path finished, Path output) throws IOException {
    Files.deleteIfExists(output);
    Files.move(finished, output, StandardCopyOption.ATOMIC_MOVE);
  }

  /** Writes a DSS document to the output through a temporary file. */
  public static void save(DSSDocument document, Path output) throws IOException {
    Path tmp = temporaryFor(output);
    try {
      try (InputStream in = document.openStream();
          OutputStream out = Files.newOutputStream(tmp)) {
        in.transferTo(out);
      }
      publish(tmp, output);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
