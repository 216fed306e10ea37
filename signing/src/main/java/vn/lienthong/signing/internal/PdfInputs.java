package vn.lienthong.signing.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import vn.lienthong.signing.InvalidDocumentException;
import vn.lienthong.signing.InvalidDocumentException.Reason;
import vn.lienthong.signing.SigningException;
import vn.lienthong.signing.internal.pdf.PdfReader;
import vn.lienthong.signing.internal.pdf.SignaturePermissions;
import vn.lienthong.signing.internal.pdf.UnsupportedPdfException;

/**
 * Cheap checks before DSS sees a file, and the diagnosis when DSS fails on it: the caller gets
 * {@link InvalidDocumentException} with a reason instead of a DSS stack trace.
 */
public final class PdfInputs {

  private static final int TAIL = 64 * 1024;
  private static final int SHORT_TAIL = 4 * 1024;

  private PdfInputs() {}

  /** Refuses what is obviously not a signable PDF, reading only the head and tail of the file. */
  public static void preflight(Path file) {
    try {
      if (!Files.isRegularFile(file)) {
        throw new InvalidDocumentException(Reason.NOT_PDF, "No such file: " + file.getFileName());
      }
      long size = Files.size(file);
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
        String head = read(channel, 0, (int) Math.min(1024, size));
        if (!head.contains("%PDF-")) {
          throw new InvalidDocumentException(Reason.NOT_PDF, "Not a PDF (no %PDF- header)");
        }
        // The trailer and %%EOF are in the last few KB; writers that append junk get a wider look.
        String tail =
            read(channel, Math.max(0, size - SHORT_TAIL), (int) Math.min(size, SHORT_TAIL));
        if (!tail.contains("%%EOF")) {
          tail = read(channel, Math.max(0, size - TAIL), (int) Math.min(size, TAIL));
        }
        if (!tail.contains("%%EOF")) {
          throw new InvalidDocumentException(
              Reason.DAMAGED, "Damaged PDF: truncated (no %%EOF marker)");
        }
        if (tail.contains("/Encrypt")) {
          diagnose(file, null);
        }
      }
    } catch (IOException e) {
      throw new SigningException("Cannot read " + file.getFileName(), e);
    }
  }

  /**
   * Explains a failure on a PDF: rethrows as NOT_PDF, DAMAGED or ENCRYPTED when PDFBox confirms,
   * otherwise returns normally so the caller reports the original error.
   */
  public static void diagnose(Path file, Throwable original) {
    try (PDDocument document =
        // this form closes the file when parsing fails, as it does for the damaged and encrypted
        Loader.loadPDF(file.toFile(), "")) {
      if (document.isEncrypted()) {
        throw new InvalidDocumentException(
            Reason.ENCRYPTED,
            "Encrypted PDF: remove the protection before signing or exchange",
            original);
      }
      // PDFBox reads the page tree lazily: walk it, as signing and validation do
      int pages = 0;
      for (PDPage page : document.getPages()) {
        if (page.getCOSObject() != null) {
          pages++;
        }
      }
      if (pages == 0) {
        throw new InvalidDocumentException(Reason.DAMAGED, "Damaged PDF: no page", original);
      }
    } catch (InvalidPasswordException e) {
      throw new InvalidDocumentException(Reason.ENCRYPTED, "Encrypted PDF (password protected)", e);
    } catch (IOException e) {
      throw new InvalidDocumentException(Reason.DAMAGED, "Damaged PDF: " + e.getMessage(), e);
    } catch (IllegalStateException | IllegalArgumentException | ClassCastException e) {
      // how PDFBox reports a page tree that contains itself, or a value of the wrong type
      throw new InvalidDocumentException(Reason.DAMAGED, "Damaged PDF: " + e.getMessage(), e);
    }
  }

  /**
   * The general path must not drop a signature the document had. When PDFBox has to rebuild a
   * damaged cross-reference it may keep only the first revision, and its update then leaves the
   * earlier signatures in the bytes but out of the form: the signed copy would show one signature
   * fewer than were there. Signature dictionaries are never compressed (their /Contents is written
   * in place), so the document's own count is the number of /ByteRange entries in its bytes.
   */
  public static void requireSignaturesKept(Path input, Path output, int added) {
    long before = signatures(input);
    int after;
    try (PDDocument document = Loader.loadPDF(output.toFile())) {
      after = document.getSignatureDictionaries().size();
    } catch (IOException e) {
      after = -1;
    }
    if (after < before + added) {
      try {
        Files.deleteIfExists(output);
      } catch (IOException e) {
        // the caller is told the document is refused; a leftover file is the lesser harm
      }
      throw new InvalidDocumentException(
          Reason.DAMAGED,
          "Damaged PDF: its cross-reference must be rebuilt, and the rebuilt document keeps "
              + Math.max(0, after - added)
              + " of its "
              + before
              + " signatures");
    }
  }

  /**
   * The signatures a document has: counted in its form by our reader when it can read the file (the
   * general path also takes files it reads but cannot sign our way); else the /ByteRange entries in
   * its bytes, which a damaged cross-reference cannot hide.
   */
  private static long signatures(Path input) {
    try (PdfReader pdf = PdfReader.open(input)) {
      return SignaturePermissions.signedFields(pdf).size();
    } catch (UnsupportedPdfException | RuntimeException e) {
      return occurrences(input, "/ByteRange".getBytes(StandardCharsets.US_ASCII));
    }
  }

  private static long occurrences(Path file, byte[] pattern) {
    long count = 0;
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 20];
      int matched = 0;
      for (int n; (n = in.read(buffer)) > 0; ) {
        for (int i = 0; i < n; i++) {
          byte b = buffer[i];
          // the pattern has no repeated prefix, so a mismatch restarts at its first byte
          matched = b == pattern[matched] ? matched + 1 : b == pattern[0] ? 1 : 0;
          if (matched == pattern.length) {
            count++;
            matched = 0;
          }
        }
      }
    } catch (IOException e) {
      throw new SigningException("Cannot read " + file.getFileName(), e);
    }
    return count;
  }

  public static String sha256(Path file) {
    try (InputStream in =
        new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
      byte[] buffer = new byte[256 * 1024];
      while (in.read(buffer) >= 0) {
        // reading feeds the digest
      }
      return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
    } catch (IOException e) {
      throw new SigningException("Cannot read " + file.getFileName(), e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String read(FileChannel channel, long position, int length) throws IOException {
    ByteBuffer buffer = ByteBuffer.allocate(length);
    while (buffer.hasRemaining() && channel.read(buffer, position + buffer.position()) > 0) {
      // keep reading
    }
    return new String(buffer.array(), 0, buffer.position(), StandardCharsets.ISO_8859_1);
  }
}
