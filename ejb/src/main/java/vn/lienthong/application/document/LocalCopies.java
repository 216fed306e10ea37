package vn.lienthong.application.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import org.jboss.logging.Logger;
import vn.lienthong.application.Settings;
import vn.lienthong.domain.content.ContentHash;
import vn.lienthong.domain.content.ContentStore;

/**
 * Files of the content store copied to the server's disk (LIENTHONG_DATA_DIR/content), so that a
 * download is streamed from a file and holds no database connection for as long as its reader
 * takes: content is immutable and named by its SHA-256, so a copy never goes stale. A copy is
 * checked against its hash as it is made; the oldest are removed when the copies outgrow
 * LIENTHONG_CONTENT_CACHE_MB.
 */
@ApplicationScoped
public class LocalCopies {
  private static final Logger LOG = Logger.getLogger(LocalCopies.class);

  @Inject ContentStore content;
  @Inject Settings settings;

  /** The local copy of the content, made now if there is none. */
  public Path of(ContentHash hash) {
    return of(hash, content, directory(), settings.contentCacheBytes());
  }

  /** The copy in {@code dir}, made from {@code content}, the copies kept under {@code bound}. */
  static Path of(ContentHash hash, ContentStore content, Path dir, long bound) {
    Path file = dir.resolve(hash.hex() + ".pdf");
    try {
      if (Files.isRegularFile(file)) {
        Files.setLastModifiedTime(file, FileTime.fromMillis(System.currentTimeMillis()));
        return file;
      }
      Path temp = Files.createTempFile(dir, hash.hex(), ".part");
      try {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), sha)) {
          content.copyTo(hash, out);
        }
        String actual = HexFormat.of().formatHex(sha.digest());
        if (!actual.equals(hash.hex())) {
          throw new IllegalStateException(
              "content " + hash.hex() + " reads back as " + actual + ": not served");
        }
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } finally {
        Files.deleteIfExists(temp);
      }
      evict(dir, file, bound);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private Path directory() {
    try {
      return Files.createDirectories(settings.dataDirectory().resolve("content"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Removes the least recently used copies (not {@code keep}) until the copies are under the bound
   * again. A copy being streamed stays readable: its open file outlives the name.
   */
  private static void evict(Path dir, Path keep, long bound) throws IOException {
    List<Path> copies = new ArrayList<>();
    long total = 0;
    try (var files = Files.list(dir)) {
      for (Path p : files.filter(f -> f.toString().endsWith(".pdf")).toList()) {
        copies.add(p);
        total += Files.size(p);
      }
    }
    if (total <= bound) {
      return;
    }
    copies.sort(Comparator.comparing(LocalCopies::lastModified));
    for (Path p : copies) {
      if (total <= bound * 8 / 10) {
        break;
      }
      if (!p.equals(keep)) {
        long size = Files.size(p);
        Files.deleteIfExists(p);
        total -= size;
      }
    }
    LOG.debugf("local content copies trimmed to %d bytes", total);
  }

  private static FileTime lastModified(Path p) {
    try {
      return Files.getLastModifiedTime(p);
    } catch (IOException e) {
      return FileTime.fromMillis(0);
    }
  }
}
