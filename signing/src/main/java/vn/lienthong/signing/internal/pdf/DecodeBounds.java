package vn.lienthong.signing.internal.pdf;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import vn.lienthong.signing.internal.pdf.PdfValues.Dict;
import vn.lienthong.signing.internal.pdf.PdfValues.Name;
import vn.lienthong.signing.internal.pdf.PdfValues.Num;
import vn.lienthong.signing.internal.pdf.PdfValues.Ref;
import vn.lienthong.signing.internal.pdf.PdfValues.Stream;

/**
 * What PDFBox would have to decode before it decodes it. PDFBox inflates a stream into memory
 * without any bound, so a 10 MB file whose content stream inflates to 10 GB exhausts any heap;
 * before DSS and PDFBox see an uploaded document, the streams its pages and annotations can reach
 * are inflated here once, into nothing, counting bytes. Images are decoded by PDFBox only when it
 * renders pages, so their size in pixels is checked instead, and only when rendering is asked for.
 */
public final class DecodeBounds {

  /** Decoded bytes of one stream that PDFBox would hold in memory. */
  public static final long MAX_STREAM_BYTES = 64L * 1024 * 1024;

  /** Decoded bytes of all such streams of one document. */
  public static final long MAX_DOCUMENT_BYTES = 512L * 1024 * 1024;

  /** Pixels of one image PDFBox would render (an A4 page at 600 dpi has 35 million). */
  public static final long MAX_IMAGE_PIXELS = 100_000_000L;

  /** Objects looked at. */
  private static final int MAX_OBJECTS = 2_000_000;

  private static final int CHUNK = 64 * 1024;

  private DecodeBounds() {}

  /**
   * Throws {@link LimitExceededException} when a stream reachable from the catalog decodes to more
   * than the bounds, or (with {@code images}) an image has more pixels than {@link
   * #MAX_IMAGE_PIXELS}.
   */
  public static void check(PdfReader pdf, boolean images) throws UnsupportedPdfException {
    Deque<Object> todo = new ArrayDeque<>();
    todo.push(pdf.trailer().get("Root"));
    Set<Integer> seen = new HashSet<>();
    long total = 0;
    byte[] buffer = new byte[CHUNK];
    while (!todo.isEmpty()) {
      Object value = todo.pop();
      if (value instanceof Ref ref) {
        if (!seen.add(ref.number())) {
          continue;
        }
        if (seen.size() > MAX_OBJECTS) {
          throw new LimitExceededException("More than " + MAX_OBJECTS + " objects");
        }
        if (Thread.currentThread().isInterrupted()) {
          throw new UnsupportedPdfException("Interrupted");
        }
        value = pdf.object(ref);
      }
      if (value instanceof Dict dict) {
        pushAll(todo, dict.entries());
      } else if (value instanceof List<?> list) {
        list.forEach(todo::push);
      } else if (value instanceof Stream stream) {
        Dict dict = stream.dict();
        pushAll(todo, dict.entries());
        if (dict.isName("Subtype", "Image")) {
          if (images) {
            checkPixels(pdf, dict);
          }
        } else if (flateFirst(pdf, dict)) {
          total += inflatedSize(pdf, stream, buffer);
          if (total > MAX_DOCUMENT_BYTES) {
            throw new LimitExceededException(
                "The document's streams decode to more than " + MAX_DOCUMENT_BYTES + " bytes");
          }
        }
      }
    }
  }

  private static void pushAll(Deque<Object> todo, Map<String, Object> entries) {
    for (Map.Entry<String, Object> e : entries.entrySet()) {
      // back pointers lead to what is reached from the catalog anyway
      if (!e.getKey().equals("Parent") && !e.getKey().equals("P")) {
        todo.push(e.getValue());
      }
    }
  }

  private static boolean flateFirst(PdfReader pdf, Dict dict) throws UnsupportedPdfException {
    Object filter = pdf.resolve(dict.get("Filter"));
    if (filter instanceof List<?> list && !list.isEmpty()) {
      filter = pdf.resolve(list.get(0));
    }
    return filter instanceof Name name && name.raw().equals("FlateDecode");
  }

  private static void checkPixels(PdfReader pdf, Dict image) throws UnsupportedPdfException {
    if (pdf.resolve(image.get("Width")) instanceof Num w
        && pdf.resolve(image.get("Height")) instanceof Num h) {
      long width = w.integer(0, Integer.MAX_VALUE);
      long height = h.integer(0, Integer.MAX_VALUE);
      if (width * height > MAX_IMAGE_PIXELS) {
        throw new LimitExceededException(
            "An image of " + width + " x " + height + " pixels is too large to render");
      }
    }
  }

  /** Inflates the stream into a scratch buffer, reading its data in chunks, and counts. */
  private static long inflatedSize(PdfReader pdf, Stream stream, byte[] buffer)
      throws UnsupportedPdfException {
    Inflater inflater = new Inflater();
    try {
      long produced = 0;
      long read = 0;
      while (!inflater.finished()) {
        if (inflater.needsInput()) {
          if (read >= stream.dataLength()) {
            break; // truncated: PDFBox stops there too
          }
          int n = (int) Math.min(CHUNK, stream.dataLength() - read);
          byte[] chunk = pdf.bytes(stream.dataOffset() + read, n);
          if (chunk.length == 0) {
            break;
          }
          read += chunk.length;
          inflater.setInput(chunk);
        }
        int n = inflater.inflate(buffer);
        if (n == 0 && inflater.needsDictionary()) {
          break;
        }
        produced += n;
        if (produced > MAX_STREAM_BYTES) {
          throw new LimitExceededException(
              "A stream decodes to more than " + MAX_STREAM_BYTES + " bytes");
        }
      }
      return produced;
    } catch (DataFormatException e) {
      return 0; // damaged data: PDFBox stops at the damage and decodes no more than we did
    } finally {
      inflater.end();
    }
  }
}
