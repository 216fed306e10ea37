package vn.lienthong.signing.internal.pdf;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import vn.lienthong.signing.internal.pdf.PdfValues.Dict;
import vn.lienthong.signing.internal.pdf.PdfValues.Name;
import vn.lienthong.signing.internal.pdf.PdfValues.Null;
import vn.lienthong.signing.internal.pdf.PdfValues.Num;
import vn.lienthong.signing.internal.pdf.PdfValues.Ref;
import vn.lienthong.signing.internal.pdf.PdfValues.Stream;

/**
 * Reads only what a signature needs from a PDF: the newest trailer, the cross-reference sections
 * (tables and streams, hybrid files, incremental updates), and single objects found through them,
 * also inside object streams. It never parses pages' content nor walks the whole file, which is why
 * it costs the same on a 10-page letter and a 1000-page scan.
 */
public final class PdfReader implements Closeable {

  private static final int MAX_SECTIONS = 4096;

  private final PdfFile file;
  private final List<XrefSection> sections = new ArrayList<>();
  private final Dict trailer;
  private final long startXref;
  private final boolean newestIsStream;
  private final Map<Integer, Object> objects = new HashMap<>();
  private final Map<Integer, ObjectStream> objectStreams = new HashMap<>();

  private PdfReader(PdfFile file) throws UnsupportedPdfException {
    this.file = file;
    this.startXref = findStartXref();
    Set<Long> seen = new HashSet<>();
    Dict newest = null;
    boolean stream = false;
    Long offset = startXref;
    while (offset != null) {
      if (!seen.add(offset) || seen.size() > MAX_SECTIONS) {
        throw new UnsupportedPdfException("Cross-reference sections loop");
      }
      XrefSection section = readSection(offset);
      if (newest == null) {
        newest = section.trailer();
        stream = section instanceof StreamSection;
      }
      sections.add(section);
      if (section instanceof TableSection && section.trailer().get("XRefStm") instanceof Num n) {
        // hybrid file (7.5.8.4): the stream's entries come after the table's, before /Prev
        sections.add(readSection(n.longValue()));
      }
      offset = section.trailer().get("Prev") instanceof Num prev ? prev.longValue() : null;
    }
    this.trailer = newest;
    this.newestIsStream = stream;
  }

  public static PdfReader open(Path path) throws UnsupportedPdfException {
    PdfFile file;
    try {
      file = new PdfFile(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      return new PdfReader(file);
    } catch (UnsupportedPdfException | RuntimeException e) {
      closeQuietly(file);
      throw e;
    }
  }

  public long size() {
    return file.size();
  }

  public Dict trailer() {
    return trailer;
  }

  public long startXref() {
    return startXref;
  }

  /** Whether the newest section is a cross-reference stream (then so is the one we append). */
  public boolean usesXrefStreams() {
    return newestIsStream;
  }

  /** The last byte of the file, to know whether the update must start on a new line. */
  public int lastByte() {
    return file.at(file.size() - 1);
  }

  public java.nio.channels.FileChannel channel() {
    return file.channel();
  }

  /** The object a value stands for: the referenced object for a reference, else the value. */
  public Object resolve(Object value) throws UnsupportedPdfException {
    return value instanceof Ref ref ? object(ref.number()) : value;
  }

  public Dict dict(Object value, String what) throws UnsupportedPdfException {
    if (resolve(value) instanceof Dict dict) {
      return dict;
    }
    throw new UnsupportedPdfException(what + " is not a dictionary");
  }

  /** The current version of object {@code number}; {@link Null#NULL} when it does not exist. */
  public Object object(int number) throws UnsupportedPdfException {
    Object cached = objects.get(number);
    if (cached != null) {
      return cached;
    }
    Object value = load(number);
    objects.put(number, value);
    return value;
  }

  private Object load(int number) throws UnsupportedPdfException {
    for (XrefSection section : sections) {
      long[] entry = section.entry(number);
      if (entry == null) {
        continue;
      }
      if (entry[0] == 0) {
        return Null.NULL;
      }
      if (entry[0] == 1) {
        return indirectObject(number, entry[1]);
      }
      if (entry[0] == 2) {
        return objectStream((int) entry[1]).object(number);
      }
      return Null.NULL; // unknown entry types are null objects (7.5.8.3)
    }
    return Null.NULL;
  }

  private Object indirectObject(int number, long offset) throws UnsupportedPdfException {
    PdfParser parser = new PdfParser(file, offset);
    long found = parser.integer();
    parser.integer();
    parser.expect("obj");
    if (found != number) {
      throw new UnsupportedPdfException(
          "Cross-reference points object " + number + " at object " + found);
    }
    Object value = parser.value();
    parser.skipWhitespace();
    if (value instanceof Dict dict && parser.peek(6).equals("stream")) {
      parser.token();
      return new Stream(dict, streamData(parser, dict));
    }
    return value;
  }

  private byte[] streamData(PdfParser parser, Dict dict) throws UnsupportedPdfException {
    long position = parser.position();
    if (file.at(position) == '\r') {
      position++;
    }
    if (file.at(position) == '\n') {
      position++;
    }
    if (!(resolve(dict.get("Length")) instanceof Num length)
        || length.longValue() < 0
        || length.longValue() > 64L * 1024 * 1024) {
      throw new UnsupportedPdfException("Stream without a usable /Length");
    }
    byte[] data = file.read(position, (int) length.longValue());
    if (data.length != length.longValue()) {
      throw new UnsupportedPdfException("Stream runs past the end of the file");
    }
    return data;
  }

  /** The page at {@code index} (0-based) and its reference, found through the page tree. */
  public Page page(int index) throws UnsupportedPdfException {
    Dict catalog = dict(trailer.get("Root"), "The catalog");
    Object node = catalog.get("Pages");
    int remaining = index;
    for (int depth = 0; depth < 64; depth++) {
      Dict pages = dict(node, "A page tree node");
      if (!(resolve(pages.get("Kids")) instanceof List<?> kids)) {
        throw new UnsupportedPdfException("Page tree node without /Kids");
      }
      Object next = null;
      for (Object kid : kids) {
        if (!(kid instanceof Ref ref)) {
          throw new UnsupportedPdfException("Page tree kid is not a reference");
        }
        Dict kidDict = dict(kid, "A page");
        if (kidDict.has("Kids")) {
          long count = resolve(kidDict.get("Count")) instanceof Num n ? n.longValue() : -1;
          if (count < 0) {
            throw new UnsupportedPdfException("Page tree node without /Count");
          }
          if (remaining < count) {
            next = kid;
            break;
          }
          remaining -= (int) count;
        } else if (remaining == 0) {
          return new Page(ref, kidDict);
        } else {
          remaining--;
        }
      }
      if (next == null) {
        throw new UnsupportedPdfException("No page " + (index + 1));
      }
      node = next;
    }
    throw new UnsupportedPdfException("Page tree too deep");
  }

  /** A page attribute, looked up through the page tree when the page inherits it (7.7.3.4). */
  public Object inherited(Dict page, String key) throws UnsupportedPdfException {
    Dict node = page;
    for (int depth = 0; depth < 64 && node != null; depth++) {
      if (node.has(key)) {
        return node.get(key);
      }
      Object parent = node.get("Parent");
      node = parent == null ? null : dict(parent, "A page tree node");
    }
    return null;
  }

  /** A page and the reference it is known by. */
  public record Page(Ref ref, Dict dict) {}

  // ------------------------------------------------------------------ cross-reference sections

  private long findStartXref() throws UnsupportedPdfException {
    long size = file.size();
    int tail = (int) Math.min(2048, size);
    byte[] bytes = file.read(size - tail, tail);
    String text = new String(bytes, StandardCharsets.ISO_8859_1);
    int at = text.lastIndexOf("startxref");
    if (at < 0 || text.indexOf("%%EOF", at) < 0) {
      throw new UnsupportedPdfException("No startxref");
    }
    PdfParser parser = new PdfParser(file, size - tail + at + "startxref".length());
    long offset = parser.integer();
    if (offset <= 0 || offset >= size) {
      throw new UnsupportedPdfException("startxref out of range");
    }
    return offset;
  }

  private XrefSection readSection(long offset) throws UnsupportedPdfException {
    PdfParser parser = new PdfParser(file, offset);
    parser.skipWhitespace();
    if (parser.peek(4).equals("xref")) {
      parser.token();
      return readTable(parser);
    }
    parser.integer();
    parser.integer();
    parser.expect("obj");
    Object value = parser.value();
    parser.skipWhitespace();
    if (!(value instanceof Dict dict) || !dict.isName("Type", "XRef")) {
      throw new UnsupportedPdfException("startxref does not point at a cross-reference section");
    }
    parser.token();
    byte[] data = decode(dict, streamData(parser, dict));
    return StreamSection.of(dict, data);
  }

  private TableSection readTable(PdfParser parser) throws UnsupportedPdfException {
    List<long[]> subsections = new ArrayList<>();
    while (true) {
      parser.skipWhitespace();
      if (parser.peek(7).equals("trailer")) {
        parser.token();
        break;
      }
      long start = parser.integer();
      long count = parser.integer();
      // entries begin on the next line, 20 bytes each (7.5.4)
      long position = parser.position();
      while (file.at(position) == ' ') {
        position++;
      }
      if (file.at(position) == '\r') {
        position++;
      }
      if (file.at(position) == '\n') {
        position++;
      }
      subsections.add(new long[] {start, count, position});
      parser.seek(position + 20 * count);
    }
    if (!(parser.value() instanceof Dict trailerDict)) {
      throw new UnsupportedPdfException("trailer is not a dictionary");
    }
    return new TableSection(file, subsections, trailerDict);
  }

  private ObjectStream objectStream(int number) throws UnsupportedPdfException {
    ObjectStream stream = objectStreams.get(number);
    if (stream == null) {
      if (!(object(number) instanceof Stream s) || !s.dict().isName("Type", "ObjStm")) {
        throw new UnsupportedPdfException("Object " + number + " is not an object stream");
      }
      stream = new ObjectStream(s.dict(), decode(s.dict(), s.data()));
      objectStreams.put(number, stream);
    }
    return stream;
  }

  /** Flate with an optional PNG predictor: what writers use for object and xref streams. */
  private byte[] decode(Dict dict, byte[] data) throws UnsupportedPdfException {
    Object filter = resolve(dict.get("Filter"));
    if (filter instanceof List<?> list && list.size() == 1) {
      filter = list.get(0);
    }
    if (filter == null) {
      return data;
    }
    if (!(filter instanceof Name name) || !name.raw().equals("FlateDecode")) {
      throw new UnsupportedPdfException("Stream filter " + filter + " not handled");
    }
    byte[] inflated = inflate(data);
    Object parms = resolve(dict.get("DecodeParms"));
    if (parms instanceof List<?> list && list.size() == 1) {
      parms = resolve(list.get(0));
    }
    if (parms instanceof Dict p && p.get("Predictor") instanceof Num predictor) {
      long value = predictor.longValue();
      if (value >= 10) {
        int columns = p.get("Columns") instanceof Num c ? (int) c.longValue() : 1;
        return unpredictPng(inflated, columns);
      }
      if (value != 1) {
        throw new UnsupportedPdfException("Predictor " + value + " not handled");
      }
    }
    return inflated;
  }

  private static byte[] inflate(byte[] data) throws UnsupportedPdfException {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(data);
      ByteArrayOutputStream out = new ByteArrayOutputStream(data.length * 4);
      byte[] buffer = new byte[16 * 1024];
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          break;
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (DataFormatException e) {
      throw new UnsupportedPdfException("Damaged compressed stream: " + e.getMessage());
    } finally {
      inflater.end();
    }
  }

  /** PNG row filters (RFC 2083 6), one byte per pixel as in cross-reference streams. */
  private static byte[] unpredictPng(byte[] data, int columns) throws UnsupportedPdfException {
    int stride = columns + 1;
    if (columns <= 0 || data.length % stride != 0) {
      throw new UnsupportedPdfException("PNG predictor rows do not fit");
    }
    int rows = data.length / stride;
    byte[] out = new byte[rows * columns];
    for (int r = 0; r < rows; r++) {
      int type = data[r * stride];
      for (int c = 0; c < columns; c++) {
        int x = data[r * stride + 1 + c] & 0xff;
        int left = c > 0 ? out[r * columns + c - 1] & 0xff : 0;
        int up = r > 0 ? out[(r - 1) * columns + c] & 0xff : 0;
        int upLeft = r > 0 && c > 0 ? out[(r - 1) * columns + c - 1] & 0xff : 0;
        int value =
            switch (type) {
              case 0 -> x;
              case 1 -> x + left;
              case 2 -> x + up;
              case 3 -> x + (left + up) / 2;
              case 4 -> x + paeth(left, up, upLeft);
              default -> throw new UnsupportedPdfException("PNG filter " + type);
            };
        out[r * columns + c] = (byte) value;
      }
    }
    return out;
  }

  private static int paeth(int a, int b, int c) {
    int p = a + b - c;
    int pa = Math.abs(p - a);
    int pb = Math.abs(p - b);
    int pc = Math.abs(p - c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
  }

  @Override
  public void close() {
    closeQuietly(file);
  }

  private static void closeQuietly(PdfFile file) {
    try {
      file.close();
    } catch (IOException e) {
      // read-only: nothing to lose
    }
  }

  // ------------------------------------------------------------------ section kinds

  private sealed interface XrefSection permits TableSection, StreamSection {
    Dict trailer();

    /** {type, field 2, field 3} for the object, or null when this section does not list it. */
    long[] entry(int number) throws UnsupportedPdfException;
  }

  /** A classic table, read lazily: entry n of a subsection is at a fixed 20-byte offset. */
  private record TableSection(PdfFile file, List<long[]> subsections, Dict trailer)
      implements XrefSection {
    @Override
    public long[] entry(int number) throws UnsupportedPdfException {
      for (long[] sub : subsections) {
        if (number >= sub[0] && number < sub[0] + sub[1]) {
          byte[] line = file.read(sub[2] + 20 * (number - sub[0]), 18);
          String text = new String(line, StandardCharsets.ISO_8859_1);
          if (text.length() != 18
              || text.charAt(10) != ' '
              || text.charAt(16) != ' '
              || (text.charAt(17) != 'n' && text.charAt(17) != 'f')) {
            throw new UnsupportedPdfException("Malformed cross-reference entry for " + number);
          }
          try {
            long offset = Long.parseLong(text.substring(0, 10));
            long generation = Long.parseLong(text.substring(11, 16));
            return text.charAt(17) == 'n'
                ? new long[] {1, offset, generation}
                : new long[] {0, offset, generation};
          } catch (NumberFormatException e) {
            throw new UnsupportedPdfException("Malformed cross-reference entry for " + number);
          }
        }
      }
      return null;
    }
  }

  /** A cross-reference stream (7.5.8), decoded once. */
  private record StreamSection(Dict trailer, byte[] data, int[] widths, long[] index)
      implements XrefSection {

    static StreamSection of(Dict dict, byte[] data) throws UnsupportedPdfException {
      if (!(dict.get("W") instanceof List<?> w) || w.size() != 3) {
        throw new UnsupportedPdfException("Cross-reference stream without /W");
      }
      int[] widths = new int[3];
      for (int i = 0; i < 3; i++) {
        if (!(w.get(i) instanceof Num n) || n.longValue() < 0 || n.longValue() > 8) {
          throw new UnsupportedPdfException("Bad /W");
        }
        widths[i] = (int) n.longValue();
      }
      long[] index;
      if (dict.get("Index") instanceof List<?> list) {
        index = new long[list.size()];
        for (int i = 0; i < list.size(); i++) {
          if (!(list.get(i) instanceof Num n)) {
            throw new UnsupportedPdfException("Bad /Index");
          }
          index[i] = n.longValue();
        }
      } else if (dict.get("Size") instanceof Num size) {
        index = new long[] {0, size.longValue()};
      } else {
        throw new UnsupportedPdfException("Cross-reference stream without /Size");
      }
      return new StreamSection(dict, data, widths, index);
    }

    @Override
    public long[] entry(int number) throws UnsupportedPdfException {
      int rowWidth = widths[0] + widths[1] + widths[2];
      long row = 0;
      for (int i = 0; i + 1 < index.length; i += 2) {
        if (number >= index[i] && number < index[i] + index[i + 1]) {
          long at = (row + number - index[i]) * rowWidth;
          if (at + rowWidth > data.length) {
            throw new UnsupportedPdfException("Cross-reference stream too short");
          }
          int p = (int) at;
          long type = widths[0] == 0 ? 1 : field(p, widths[0]);
          long second = field(p + widths[0], widths[1]);
          long third = field(p + widths[0] + widths[1], widths[2]);
          return new long[] {type, second, third};
        }
        row += index[i + 1];
      }
      return null;
    }

    private long field(int at, int width) {
      long value = 0;
      for (int i = 0; i < width; i++) {
        value = value << 8 | (data[at + i] & 0xff);
      }
      return value;
    }
  }

  /** An object stream (7.5.7): N pairs of object number and offset, then the objects. */
  private static final class ObjectStream {
    private final byte[] data;
    private final long first;
    private final Map<Integer, Long> offsets = new HashMap<>();

    ObjectStream(Dict dict, byte[] data) throws UnsupportedPdfException {
      this.data = data;
      if (!(dict.get("N") instanceof Num n) || !(dict.get("First") instanceof Num f)) {
        throw new UnsupportedPdfException("Object stream without /N or /First");
      }
      this.first = f.longValue();
      PdfParser header = new PdfParser(Bytes.of(data), 0);
      for (long i = 0; i < n.longValue(); i++) {
        offsets.put((int) header.integer(), header.integer());
      }
    }

    Object object(int number) throws UnsupportedPdfException {
      Long offset = offsets.get(number);
      if (offset == null) {
        throw new UnsupportedPdfException("Object " + number + " is not in its object stream");
      }
      return new PdfParser(Bytes.of(data), first + offset).value();
    }
  }
}
