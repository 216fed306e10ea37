package vn.lienthong.application.signing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import org.jboss.logging.Logger;
import vn.lienthong.application.Settings;
import vn.lienthong.domain.content.ContentHash;
import vn.lienthong.domain.content.ContentStore;
import vn.lienthong.domain.content.Pdf;

/**
 * A document's bytes between the content store and the signing engine, which works on files: out to
 * a temporary file, and a signed result back in under its hash. Runs in the caller's transaction.
 */
@ApplicationScoped
public class PdfFiles {
  private static final Logger LOG = Logger.getLogger(PdfFiles.class);

  @Inject ContentStore content;
  @Inject Settings settings;

  /** A new empty temporary file in the server's data folder; the caller deletes it. */
  public Path temp() {
    try {
      Path dir = Files.createDirectories(settings.dataDirectory().resolve("tmp"));
      return Files.createTempFile(dir, "signing-", ".pdf");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A temporary file holding the stored bytes. */
  public Path copyOut(String sha256) {
    Path to = temp();
    try (OutputStream o = Files.newOutputStream(to)) {
      content.copyTo(new ContentHash(sha256), o);
      return to;
    } catch (IOException | RuntimeException e) {
      delete(to);
      throw e instanceof IOException io ? new UncheckedIOException(io) : (RuntimeException) e;
    }
  }

  /** Stores the file (once per content) and answers its hash. */
  public ContentHash store(Path file) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
        in.transferTo(OutputStream.nullOutputStream());
      }
      ContentHash hash = ContentHash.of(sha.digest());
      if (!content.contains(hash)) {
        content.put(file, hash, Files.size(file), Pdf.MEDIA_TYPE);
      }
      return hash;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  public static void delete(Path p) {
    if (p == null) {
      return;
    }
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      LOG.debugf("temp file %s left: %s", p, e.getMessage());
    }
  }
}
