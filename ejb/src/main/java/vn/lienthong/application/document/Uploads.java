package vn.lienthong.application.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import vn.lienthong.application.Settings;
import vn.lienthong.domain.InvalidInputException;
import vn.lienthong.domain.content.ContentHash;
import vn.lienthong.domain.content.ContentTooLargeException;
import vn.lienthong.domain.content.Pdf;
import vn.lienthong.domain.content.UnsupportedContentException;

/**
 * Receives an uploaded file: one pass that spools it to disk, hashes it and stops at the size
 * limit, so no upload is ever held in memory whole.
 */
@ApplicationScoped
public class Uploads {
  private static final int MAX_FILE_NAME = 255;

  @Inject Settings settings;

  public Upload receivePdf(InputStream in, String fileName) {
    return receivePdf(in, fileName, settings.uploadMaxBytes());
  }

  /** As {@link #receivePdf(InputStream, String)}, cut at {@code max} bytes. */
  public Upload receivePdf(InputStream in, String fileName, long max) {
    Path tmp;
    try {
      tmp = Files.createTempFile("lienthong-upload-", ".pdf");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      MessageDigest sha = sha256();
      byte[] head = new byte[Pdf.HEADER_WINDOW];
      int headLength = 0;
      long size = 0;
      try (OutputStream out = Files.newOutputStream(tmp)) {
        byte[] buf = new byte[64 * 1024];
        for (int n; (n = in.read(buf)) > 0; ) {
          size += n;
          if (size > max) {
            throw new ContentTooLargeException(max);
          }
          if (headLength < head.length) {
            int take = Math.min(n, head.length - headLength);
            System.arraycopy(buf, 0, head, headLength, take);
            headLength += take;
          }
          sha.update(buf, 0, n);
          out.write(buf, 0, n);
        }
      }
      if (size == 0) {
        throw InvalidInputException.field("file", "Tệp văn bản rỗng.");
      }
      if (!Pdf.hasHeader(head, headLength)) {
        throw new UnsupportedContentException("Tệp văn bản phải là PDF.");
      }
      return new Upload(tmp, cleanName(fileName), ContentHash.of(sha.digest()), size);
    } catch (IOException e) {
      deleteQuietly(tmp);
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      deleteQuietly(tmp);
      throw e;
    }
  }

  /**
   * Checks bytes already in memory as {@link #receivePdf} checks a stream (not empty, a PDF header,
   * at most {@code max} bytes) and answers their hash; nothing is written.
   */
  public ContentHash checkPdf(byte[] bytes, long max) {
    if (bytes.length > max) {
      throw new ContentTooLargeException(max);
    }
    if (bytes.length == 0) {
      throw InvalidInputException.field("file", "Tệp văn bản rỗng.");
    }
    if (!Pdf.hasHeader(bytes, Math.min(bytes.length, Pdf.HEADER_WINDOW))) {
      throw new UnsupportedContentException("Tệp văn bản phải là PDF.");
    }
    return ContentHash.of(sha256().digest(bytes));
  }

  /** Keeps the base name only, printable, bounded; "van-ban.pdf" when none was given. */
  static String cleanName(String fileName) {
    if (fileName == null || fileName.isBlank()) {
      return "van-ban.pdf";
    }
    String base = fileName.replace('\\', '/');
    // control characters, and format characters: the bidi overrides that make "gpj.exe" read as
    // "exe.jpg" in a list, zero-width marks that make two names look the same
    base = base.substring(base.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\\p{Cf}]", "").strip();
    if (base.isEmpty()) {
      return "van-ban.pdf";
    }
    return base.length() > MAX_FILE_NAME ? base.substring(0, MAX_FILE_NAME) : base;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // a temp file left behind is removed with the temp directory
    }
  }
}
