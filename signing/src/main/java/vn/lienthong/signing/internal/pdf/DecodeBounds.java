package vn.lienthong.signing.internal.pdf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.filter.Filter;
import org.apache.pdfbox.filter.FilterFactory;
import vn.lienthong.signing.internal.pdf.PdfValues.Dict;
import vn.lienthong.signing.internal.pdf.PdfValues.Name;
import vn.lienthong.signing.internal.pdf.PdfValues.Num;
import vn.lienthong.signing.internal.pdf.PdfValues.Stream;

/**
 * What PDFBox would have to decode, measured before it decodes it. PDFBox decodes a stream into
 * memory without any bound, so a 10 MB file whose content stream inflates to 10 GB exhausts any
 * heap. Before DSS and PDFBox see an uploaded document, every stream that any revision of it
 * defines is decoded here once, with PDFBox's own filters (so every name and abbreviation PDFBox
 * takes is measured, chains of filters too), into a sink that counts and stops at the bound. Images
 * are decoded by PDFBox only when it renders pages, so their size in pixels is checked instead, and
 * only when rendering is asked for.
 */
public final class DecodeBounds {

  /** Decoded bytes of one stream that PDFBox would hold in memory. */
  public static final long MAX_STREAM_BYTES = 64L * 1024 * 1024;

  /** Decoded bytes of all such streams of one document. */
  public static final long MAX_DOCUMENT_BYTES = 512L * 1024 * 1024;

  /** Pixels of one image PDFBox would render (an A4 page at 600 dpi has 35 million). */
  public static final long MAX_IMAGE_PIXELS = 100_000_000L;

  /** Filters of images and of nothing PDFBox decodes before it renders an image. */
  private static final Set<String> IMAGE_FILTERS =
      Set.of("DCTDecode", "DCT", "JPXDecode", "JBIG2Decode", "CCITTFaxDecode", "CCF", "Crypt");

  private DecodeBounds() {}

  /**
   * Throws {@link LimitExceededException} when a stream of the file decodes to more than the
   * bounds, or (with {@code images}) an image has more pixels than {@link #MAX_IMAGE_PIXELS}.
   */
  public static void check(PdfReader pdf, boolean images) throws UnsupportedPdfException {
    long[] total = {0};
    pdf.visitVersions(
        (ref, value) -> {
          if (Thread.currentThread().isInterrupted()) {
            throw new UnsupportedPdfException("Interrupted");
          }
          if (!(value instanceof Stream stream)) {
            return;
          }
          Dict dict = stream.dict();
          if (dict.isName("Subtype", "Image")) {
            if (images) {
              checkPixels(pdf, dict);
            }
            return;
          }
          total[0] += decodedSize(pdf, stream);
          if (total[0] > MAX_DOCUMENT_BYTES) {
            throw new LimitExceededException(
                "The document's streams decode to more than " + MAX_DOCUMENT_BYTES + " bytes");
          }
        });
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

  /**
   * The stream decoded through its filters, PDFBox's, each stage into a buffer that stops at the
   * bound (so memory stays within it too), the last into a counter. Data a filter finds damaged
   * ends the stream there, as it does for PDFBox.
   */
  private static long decodedSize(PdfReader pdf, Stream stream) throws UnsupportedPdfException {
    List<Name> filters = filters(pdf, stream.dict());
    if (filters.isEmpty()
        || filters.stream().anyMatch(f -> IMAGE_FILTERS.contains(f.raw()))
        || stream.dataLength() == 0) {
      return 0;
    }
    COSDictionary parameters = parameters(pdf, stream.dict(), filters);
    InputStream input = new StreamData(pdf, stream);
    long size = 0;
    for (int i = 0; i < filters.size(); i++) {
      Filter filter;
      try {
        filter = FilterFactory.INSTANCE.getFilter(COSName.getPDFName(filters.get(i).raw()));
      } catch (IOException e) {
        return size; // a filter PDFBox does not know: it stops there as well
      }
      boolean last = i == filters.size() - 1;
      Bounded out = last ? new Bounded(null) : new Bounded(new ByteArrayOutputStream());
      try {
        filter.decode(input, out, parameters, i);
      } catch (Bounded.Reached e) {
        throw new LimitExceededException(
            "A stream decodes to more than " + MAX_STREAM_BYTES + " bytes");
      } catch (IOException | RuntimeException e) {
        // damaged data: PDFBox decodes up to the damage and no further
      }
      size = out.count;
      if (!last) {
        input = new ByteArrayInputStream(out.buffer.toByteArray());
      }
    }
    return size;
  }

  private static List<Name> filters(PdfReader pdf, Dict dict) throws UnsupportedPdfException {
    Object filter = pdf.resolve(dict.get("Filter"));
    List<Name> names = new ArrayList<>();
    if (filter instanceof Name name) {
      names.add(name);
    } else if (filter instanceof List<?> list) {
      for (Object item : list) {
        if (pdf.resolve(item) instanceof Name name) {
          names.add(name);
        }
      }
    }
    return names;
  }

  /** The entries PDFBox's filters read from a stream's dictionary, as PDFBox objects. */
  private static COSDictionary parameters(PdfReader pdf, Dict dict, List<Name> filters)
      throws UnsupportedPdfException {
    COSDictionary parameters = new COSDictionary();
    if (filters.size() == 1) {
      parameters.setItem(COSName.FILTER, COSName.getPDFName(filters.get(0).raw()));
    } else {
      COSArray array = new COSArray();
      filters.forEach(f -> array.add(COSName.getPDFName(f.raw())));
      parameters.setItem(COSName.FILTER, array);
    }
    for (String key : List.of("DecodeParms", "DP")) {
      if (dict.has(key)) {
        parameters.setItem(COSName.getPDFName(key), cos(pdf, dict.get(key), 0));
      }
    }
    return parameters;
  }

  private static COSBase cos(PdfReader pdf, Object value, int depth)
      throws UnsupportedPdfException {
    Object v = pdf.resolve(value);
    if (depth > 8) {
      return COSNull.NULL;
    }
    if (v instanceof Dict dict) {
      COSDictionary out = new COSDictionary();
      for (Map.Entry<String, Object> e : dict.entries().entrySet()) {
        out.setItem(COSName.getPDFName(e.getKey()), cos(pdf, e.getValue(), depth + 1));
      }
      return out;
    }
    if (v instanceof List<?> list) {
      COSArray out = new COSArray();
      for (Object item : list) {
        out.add(cos(pdf, item, depth + 1));
      }
      return out;
    }
    if (v instanceof Num n) {
      try {
        return COSInteger.get(
            Long.parseLong(n.text().startsWith("+") ? n.text().substring(1) : n.text()));
      } catch (NumberFormatException e) {
        return new COSFloat(Float.parseFloat(n.text()));
      }
    }
    if (v instanceof Name name) {
      return COSName.getPDFName(name.raw());
    }
    if (v instanceof Boolean b) {
      return COSBoolean.getBoolean(b);
    }
    return COSNull.NULL;
  }

  /** The stream's raw data, read from the file in chunks. */
  private static final class StreamData extends InputStream {
    private final PdfReader pdf;
    private final long end;
    private long position;

    StreamData(PdfReader pdf, Stream stream) {
      this.pdf = pdf;
      this.position = stream.dataOffset();
      this.end = stream.dataOffset() + stream.dataLength();
    }

    @Override
    public int read() {
      byte[] one = new byte[1];
      return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (position >= end) {
        return -1;
      }
      byte[] chunk = pdf.bytes(position, (int) Math.min(length, Math.min(end - position, 1 << 16)));
      if (chunk.length == 0) {
        return -1;
      }
      System.arraycopy(chunk, 0, buffer, offset, chunk.length);
      position += chunk.length;
      return chunk.length;
    }
  }

  /**
   * Counts what is written, keeps it when it is a stage between filters, and stops at the bound.
   */
  private static final class Bounded extends OutputStream {
    private final ByteArrayOutputStream buffer;
    private long count;

    Bounded(ByteArrayOutputStream buffer) {
      this.buffer = buffer;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) throws IOException {
      count += length;
      if (count > MAX_STREAM_BYTES) {
        throw new Reached();
      }
      if (buffer != null) {
        buffer.write(bytes, offset, length);
      }
    }

    /** The bound, reached: thrown through the filter, which does not catch what it did not make. */
    static final class Reached extends IOException {
      private static final long serialVersionUID = 1L;

      Reached() {
        super("bound reached", null);
      }
    }
  }
}
