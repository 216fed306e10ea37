package vn.lienthong.signing.fuzz;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import vn.lienthong.signing.InvalidDocumentException;
import vn.lienthong.signing.SigningException;
import vn.lienthong.signing.internal.pdf.PdfReader;
import vn.lienthong.signing.internal.pdf.PdfValues.Dict;
import vn.lienthong.signing.internal.pdf.PdfValues.Num;
import vn.lienthong.signing.internal.pdf.PdfValues.Ref;
import vn.lienthong.signing.internal.pdf.PdfValues.Str;
import vn.lienthong.signing.internal.pdf.RevisionChanges;
import vn.lienthong.signing.internal.pdf.SignatureIncrement;
import vn.lienthong.signing.internal.pdf.SignaturePermissions;
import vn.lienthong.signing.internal.pdf.UnsupportedPdfException;
import vn.lienthong.signing.key.BorrowedKey;
import vn.lienthong.signing.pades.PadesSigner;
import vn.lienthong.signing.pades.SignOptions;
import vn.lienthong.signing.pades.SignatureLevel;
import vn.lienthong.signing.validation.ChangeAfterSigning;
import vn.lienthong.signing.validation.PdfVerifier;

/**
 * The properties the fuzz tests check on any bytes. Reader and writer: every step returns or
 * refuses with {@link UnsupportedPdfException} (its subclasses included), never another exception
 * nor an {@link Error}, and an update that was built re-opens, with its signature dictionary where
 * the new cross-reference says. Revision comparison: returns a list, never throws.
 */
final class PdfProperties {

  /** A signature request as {@code PadesSigner} makes it, with less room for the CMS. */
  static final SignatureIncrement.Request INVISIBLE =
      new SignatureIncrement.Request(
          Instant.parse("2026-11-27T17:05:09Z"),
          ZoneOffset.ofHours(7),
          "Fuzz",
          "Đà Nẵng",
          "Liên Thông fuzz",
          512,
          null);

  /** A visible signature on page 1 with a tiny appearance of its own (no PDFBox drawing). */
  static final SignatureIncrement.Request VISIBLE =
      new SignatureIncrement.Request(
          INVISIBLE.signingTime(),
          INVISIBLE.zone(),
          null,
          null,
          null,
          512,
          new SignatureIncrement.Visible(0, 330, 620, 200, 90, false, appearance()));

  private PdfProperties() {}

  /** Property (a): read, walk the pages, check permissions, build both updates. */
  static void readAndWrite(byte[] bytes) {
    PdfReader reader;
    try {
      reader = PdfReader.of(bytes);
    } catch (UnsupportedPdfException e) {
      return;
    }
    try (reader) {
      reader.trailer();
      reader.encrypted();
      try {
        reader.pages();
      } catch (UnsupportedPdfException e) {
        // refused: the next steps may still get further
      }
      try {
        SignaturePermissions.refusal(reader);
      } catch (UnsupportedPdfException e) {
        // refused
      }
      for (SignatureIncrement.Request request : List.of(INVISIBLE, VISIBLE)) {
        SignatureIncrement increment;
        try {
          increment = SignatureIncrement.build(reader, request);
        } catch (UnsupportedPdfException e) {
          continue;
        }
        checkUpdate(reader, bytes, increment, request);
      }
    }
  }

  /** The original and the update re-open, and the new signature is where the update says. */
  private static void checkUpdate(
      PdfReader original,
      byte[] bytes,
      SignatureIncrement increment,
      SignatureIncrement.Request r) {
    byte[] update = increment.bytes();
    byte[] signed = new byte[bytes.length + update.length];
    System.arraycopy(bytes, 0, signed, 0, bytes.length);
    System.arraycopy(update, 0, signed, bytes.length, update.length);
    int number = original.nextObjectNumber();
    try (PdfReader again = PdfReader.of(signed)) {
      if (!(again.object(Ref.of(number)) instanceof Dict signature)
          || !signature.isName("Type", "Sig")
          || !(signature.get("Contents") instanceof Str)
          || !(signature.get("ByteRange") instanceof List<?> range)
          || range.size() != 4) {
        throw new AssertionError("The update has no signature dictionary " + number + " 0 R");
      }
      long a = ((Num) range.get(1)).longValue();
      long b = ((Num) range.get(2)).longValue();
      long c = ((Num) range.get(3)).longValue();
      if (((Num) range.get(0)).longValue() != 0
          || a <= 0
          || b <= a + 1
          || b + c != signed.length
          || signed[(int) a] != '<'
          || signed[(int) b - 1] != '>') {
        throw new AssertionError("The byte range " + range + " does not frame /Contents");
      }
      if (!(again.trailer().get("Prev") instanceof Num prev)
          || prev.longValue() != original.startXref()) {
        throw new AssertionError("The update's /Prev is not the original's startxref");
      }
      int page = r.visible() == null ? 0 : r.visible().pageIndex();
      if (!(again.resolve(again.page(page).dict().get("Annots")) instanceof List<?> annots)
          || !annots.contains(Ref.of(number + 1))) {
        throw new AssertionError("The widget is not on page " + (page + 1));
      }
    } catch (UnsupportedPdfException e) {
      throw new AssertionError("The signed document does not re-open: " + e.getMessage(), e);
    }
  }

  /**
   * Property (b): the changes after each signature the bytes claim (and after a made-up one), with
   * no signature intact and with all of them intact.
   */
  static void compareRevisions(byte[] bytes) {
    PdfReader reader;
    try {
      reader = PdfReader.of(bytes);
    } catch (UnsupportedPdfException e) {
      return;
    }
    try (reader) {
      List<List<Long>> ranges = byteRanges(bytes);
      long half = bytes.length / 2;
      ranges.add(List.of(0L, half, half + 2, Math.max(0, bytes.length - half - 2)));
      Set<List<Long>> all = new LinkedHashSet<>(ranges);
      for (List<Long> range : ranges) {
        for (Set<List<Long>> intact : List.of(Set.<List<Long>>of(), all)) {
          List<ChangeAfterSigning> changes =
              RevisionChanges.afterOrThrow(reader, range, RevisionChanges.Signatures.allOf(intact));
          if (changes == null) {
            throw new AssertionError("No list of changes for " + range);
          }
        }
      }
    }
  }

  /** What the public API needs: a folder for the files, signer, verifier and a key. */
  record Api(Path dir, PadesSigner signer, PdfVerifier verifier, BorrowedKey key) {}

  /**
   * Property (c): signing (B-B, no network) and verifying the bytes as a file gives a result or the
   * API's own exceptions ({@link SigningException} and its subclasses such as {@link
   * InvalidDocumentException}), never a foreign exception nor an {@link Error}.
   */
  static void signAndVerify(byte[] bytes, Api api) throws IOException {
    Path input = api.dir().resolve("input.pdf");
    Path output = api.dir().resolve("signed.pdf");
    Files.write(input, bytes);
    Files.deleteIfExists(output);
    try {
      api.signer().sign(input, output, SignOptions.of(SignatureLevel.B_B), api.key());
      if (api.verifier().verify(output).signatures().isEmpty()) {
        throw new AssertionError("The signature just made is not found");
      }
    } catch (SigningException e) {
      // refused with the API's own exception
    }
    try {
      api.verifier().verify(input);
    } catch (SigningException e) {
      // refused with the API's own exception
    }
  }

  /** The byte ranges written in the file ("/ByteRange [0 a b c]"), at most four. */
  static List<List<Long>> byteRanges(byte[] bytes) {
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    List<List<Long>> ranges = new ArrayList<>();
    int at = 0;
    while (ranges.size() < 4 && (at = text.indexOf("/ByteRange", at)) >= 0) {
      at += "/ByteRange".length();
      int open = text.indexOf('[', at);
      int close = open < 0 ? -1 : text.indexOf(']', open);
      if (open < 0 || close < 0 || close - open > 100) {
        continue;
      }
      List<Long> range = new ArrayList<>();
      for (String part : text.substring(open + 1, close).trim().split("\\s+")) {
        try {
          range.add(Long.parseLong(part));
        } catch (NumberFormatException e) {
          range = null;
          break;
        }
      }
      if (range != null) {
        ranges.add(range);
      }
    }
    return ranges;
  }

  private static COSStream appearance() {
    COSStream stream = new COSStream();
    stream.setItem(COSName.TYPE, COSName.XOBJECT);
    stream.setItem(COSName.SUBTYPE, COSName.FORM);
    try (OutputStream out = stream.createOutputStream()) {
      out.write("0 0 1 rg 0 0 200 90 re f".getBytes(StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return stream;
  }
}
