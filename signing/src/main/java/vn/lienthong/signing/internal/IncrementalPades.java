package vn.lienthong.signing.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.lienthong.signing.InvalidDocumentException;
import vn.lienthong.signing.InvalidDocumentException.Reason;
import vn.lienthong.signing.SigningException;
import vn.lienthong.signing.internal.pdf.DamagedPdfException;
import vn.lienthong.signing.internal.pdf.LimitExceededException;
import vn.lienthong.signing.internal.pdf.PdfReader;
import vn.lienthong.signing.internal.pdf.SignatureIncrement;
import vn.lienthong.signing.internal.pdf.SignaturePermissions;
import vn.lienthong.signing.internal.pdf.UnsupportedPdfException;

/**
 * Signing without loading the document: {@link SignatureIncrement} builds the update from the
 * trailer and a few objects, the document is hashed (and copied to the output) in one streaming
 * pass, and the CMS goes into the placeholder. PDFs whose structure it does not handle go the
 * general way (DSS with PDFBox), which {@link #prepare} says by returning empty.
 */
public final class IncrementalPades {

  private static final int CHUNK = 1024 * 1024;
  private static final Logger LOG = LoggerFactory.getLogger(IncrementalPades.class);

  /**
   * The update for one document, the signed attributes its key signs, and the SHA-256 (hex) of the
   * document as it was, computed in the same pass.
   */
  public record Prepared(
      SignatureIncrement increment, byte[] signedAttributes, String documentSha256) {}

  private IncrementalPades() {}

  /**
   * Builds the update and hashes the document; when {@code copyTo} is given the document's bytes
   * are written to it in the same pass. Empty when the document needs the general path (nothing has
   * been written then). A document whose signatures forbid a new one, or that is damaged beyond
   * repair, is refused ({@link InvalidDocumentException}) rather than tried the general way.
   */
  public static Optional<Prepared> prepare(
      Path input, SignatureIncrement.Request request, X509Certificate signer, FileChannel copyTo) {
    try (PdfReader pdf = PdfReader.open(input)) {
      Optional<String> refusal = SignaturePermissions.refusal(pdf);
      if (refusal.isPresent()) {
        throw new InvalidDocumentException(
            Reason.SIGNING_NOT_PERMITTED, "A new signature is not permitted: " + refusal.get());
      }
      SignatureIncrement increment;
      try {
        increment = SignatureIncrement.build(pdf, request);
      } catch (DamagedPdfException | LimitExceededException e) {
        throw e;
      } catch (UnsupportedPdfException e) {
        if (request.visible() != null && !pdf.pageCountsAgree()) {
          // the general path finds page N by the tree's counts, which are wrong here
          throw new DamagedPdfException(
              "the page tree's /Count entries are wrong, and page "
                  + (request.visible().pageIndex() + 1)
                  + " could not be signed the way a viewer counts pages ("
                  + e.getMessage()
                  + ")");
        }
        throw e;
      }
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      hashAndCopy(pdf, digest, copyTo);
      // the signed ranges begin with the whole original: its own hash is a clone away
      String documentSha256 = HexFormat.of().formatHex(((MessageDigest) digest.clone()).digest());
      increment.digestUpdate(digest);
      return Optional.of(
          new Prepared(
              increment, CmsSignature.signedAttributes(digest.digest(), signer), documentSha256));
    } catch (DamagedPdfException e) {
      throw new InvalidDocumentException(Reason.DAMAGED, "Damaged PDF: " + e.getMessage());
    } catch (LimitExceededException e) {
      throw new InvalidDocumentException(
          Reason.TOO_COMPLEX, "PDF beyond the limits: " + e.getMessage());
    } catch (UnsupportedPdfException e) {
      LOG.debug("Incremental writer refused {}: {}", input.getFileName(), e.getMessage());
      return Optional.empty();
    } catch (IOException | UncheckedIOException e) {
      throw new SigningException("Cannot read " + input.getFileName(), e);
    } catch (InvalidDocumentException e) {
      throw e;
    } catch (RuntimeException e) {
      // a case the reader should have refused by itself (the fuzz tests look for them): the
      // general path still signs the document or says what is wrong with it
      LOG.warn("Incremental writer failed on {}: {}", input.getFileName(), e.toString());
      return Optional.empty();
    } catch (NoSuchAlgorithmException | CloneNotSupportedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Appends the update, with the CMS in its placeholder, after the copied document. */
  public static void finish(Prepared prepared, byte[] cms, FileChannel out) throws IOException {
    prepared.increment().embed(cms);
    ByteBuffer buffer = ByteBuffer.wrap(prepared.increment().bytes());
    while (buffer.hasRemaining()) {
      out.write(buffer);
    }
  }

  private static void hashAndCopy(PdfReader pdf, MessageDigest digest, FileChannel copyTo)
      throws IOException {
    if (pdf.memory() != null) {
      digest.update(pdf.memory());
      if (copyTo != null) {
        ByteBuffer all = ByteBuffer.wrap(pdf.memory());
        while (all.hasRemaining()) {
          copyTo.write(all);
        }
      }
      return;
    }
    FileChannel in = pdf.channel();
    long size = pdf.size();
    ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(CHUNK, Math.max(1, size)));
    long position = 0;
    while (position < size) {
      buffer.clear();
      int n = in.read(buffer, position);
      if (n < 0) {
        throw new IOException("The document became shorter while signing");
      }
      position += n;
      digest.update(buffer.array(), 0, n);
      if (copyTo != null) {
        buffer.flip();
        while (buffer.hasRemaining()) {
          copyTo.write(buffer);
        }
      }
    }
  }
}
