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
import java.util.LinkedHashSet;
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
 * it costs the same on a 10-page letter and a 1000-page scan. Every read is bounded ({@link
 * ReadLimits}); a reader can also be opened on an earlier revision of the same file, to compare
 * what later updates changed.
 */
public final class PdfReader implements Closeable {

  private final PdfFile file;
  private final ReadLimits limits = new ReadLimits();
  private final List<XrefSection> sections = new ArrayList<>();
  private final Dict trailer;
  private final long startXref;
  private final boolean newestIsStream;
  private final boolean encrypted;
  private final int nextNumber;
  private final Map<Integer, Object> objects = new HashMap<>();
  private final Map<Integer, ObjectStream> objectStreams = new HashMap<>();

  /** Objects being loaded now: a second visit is a reference cycle (a /Length that is itself). */
  private final Set<Integer> loading = new LinkedHashSet<>();

  private PdfReader(PdfFile file) throws UnsupportedPdfException {
    this.file = file;
    this.startXref = findStartXref();
    Set<Long> seen = new HashSet<>();
    Long offset = startXref;
    while (offset != null) {
      XrefSection section = readSection(offset, seen);
      sections.add(section);
      if (section instanceof TableSection && section.trailer().get("XRefStm") instanceof Num n) {
        long at = n.integer(0, file.size());
        if (seen.contains(at)) {
          // each table of a hybrid file has its own stream: one shared by many sections would
          // make PDFBox decode it again for each of them
          throw new LimitExceededException("One /XRefStm is shared by several sections");
        }
        // hybrid file (7.5.8.4): the stream's entries come after the table's, before /Prev
        sections.add(readSection(at, seen));
      }
      offset =
          section.trailer().get("Prev") instanceof Num prev ? prev.integer(0, file.size()) : null;
    }
    this.trailer = sections.get(0).trailer();
    this.newestIsStream = sections.get(0) instanceof StreamSection;
    boolean anyEncrypt = false;
    long size = 0;
    long highest = 0;
    for (XrefSection section : sections) {
      anyEncrypt |= section.trailer().has("Encrypt");
      highest = Math.max(highest, section.highestNumber());
      if (section == sections.get(0) && trailer.get("Size") instanceof Num n) {
        size = n.integer(0, ReadLimits.MAX_OBJECT_NUMBER + 1L);
      }
    }
    this.encrypted = anyEncrypt;
    // New objects are numbered after every object any section defines, not after /Size alone:
    // buggy producers understate /Size, and reusing a number would replace a page's content.
    this.nextNumber = (int) Math.max(size, highest + 1);
  }

  public static PdfReader open(Path path) throws UnsupportedPdfException {
    PdfFile file;
    try {
      file = PdfFile.open(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return open(file);
  }

  /** A reader over bytes in memory (the fuzz tests, small documents). */
  public static PdfReader of(byte[] bytes) throws UnsupportedPdfException {
    return open(PdfFile.of(bytes));
  }

  private static PdfReader open(PdfFile file) throws UnsupportedPdfException {
    try {
      return new PdfReader(file);
    } catch (UnsupportedPdfException | RuntimeException e) {
      closeQuietly(file);
      throw e;
    }
  }

  /**
   * The document as it was when the revision ending at byte {@code length} was written (a
   * signature's byte range ends there). Shares this reader's file; closing it closes nothing.
   */
  public PdfReader revision(long length) throws UnsupportedPdfException {
    if (length <= 0 || length > file.size()) {
      throw new UnsupportedPdfException("No revision ends at " + length);
    }
    return new PdfReader(file.revision(length));
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

  /** Where each cross-reference section of the chain starts, newest first. */
  public List<Long> sectionOffsets() {
    List<Long> offsets = new ArrayList<>(sections.size());
    for (XrefSection section : sections) {
      offsets.add(section.offset());
    }
    return offsets;
  }

  /** Whether the newest section is a cross-reference stream (then so is the one we append). */
  public boolean usesXrefStreams() {
    return newestIsStream;
  }

  /** Whether any trailer of the chain, not only the newest, names an encryption dictionary. */
  public boolean encrypted() {
    return encrypted;
  }

  /** The first object number no section of the file uses, nor its /Size. */
  public int nextObjectNumber() {
    return nextNumber;
  }

  /** The last byte of the file, to know whether the update must start on a new line. */
  public int lastByte() {
    return file.at(file.size() - 1);
  }

  /** The file's channel for copying it; null when the document is in memory. */
  public java.nio.channels.FileChannel channel() {
    return file.channel();
  }

  /** The document's bytes when it is in memory; null for a file. */
  public byte[] memory() {
    return file.memory();
  }

  /** {@code length} bytes from {@code position}, fewer at the end of this revision. */
  public byte[] bytes(long position, int length) {
    return file.read(position, length);
  }

  /** The object a value stands for: the referenced object for a reference, else the value. */
  public Object resolve(Object value) throws UnsupportedPdfException {
    return value instanceof Ref ref ? object(ref) : value;
  }

  public Dict dict(Object value, String what) throws UnsupportedPdfException {
    if (resolve(value) instanceof Dict dict) {
      return dict;
    }
    throw new UnsupportedPdfException(what + " is not a dictionary");
  }

  /**
   * The object {@code ref} names; {@link Null#NULL} when no such object exists, also when the file
   * holds that number with another generation (7.3.10).
   */
  public Object object(Ref ref) throws UnsupportedPdfException {
    Entry entry = entry(ref.number());
    if (entry == null || entry.type() != 1 && entry.type() != 2) {
      return Null.NULL;
    }
    int generation = entry.type() == 1 ? (int) entry.third() : 0;
    if (generation != ref.generation()) {
      return Null.NULL;
    }
    Object cached = objects.get(ref.number());
    if (cached != null) {
      return cached;
    }
    if (loading.contains(ref.number())) {
      throw new UnsupportedPdfException("Object " + ref.number() + " refers to itself");
    }
    if (loading.size() >= ReadLimits.MAX_LOAD_DEPTH) {
      throw new UnsupportedPdfException("Objects load each other too deep");
    }
    loading.add(ref.number());
    try {
      Object value =
          entry.type() == 1
              ? indirectObject(ref, entry.second())
              : objectStream(entry.second(), ref.number()).object(ref.number());
      objects.put(ref.number(), value);
      return value;
    } finally {
      loading.remove(ref.number());
    }
  }

  /**
   * The cross-reference entry of {@code number} in the newest section that lists it: {type, second
   * field, third field} (7.5.8.3); null when no section lists it.
   */
  Entry entry(int number) throws UnsupportedPdfException {
    if (number <= 0 || number > ReadLimits.MAX_OBJECT_NUMBER) {
      return null;
    }
    for (XrefSection section : sections) {
      Entry entry = section.entry(number);
      if (entry != null) {
        return entry;
      }
    }
    return null;
  }

  /** Told each object body a cross-reference section points at. */
  public interface VersionVisitor {
    void visit(Ref ref, Object value) throws UnsupportedPdfException;
  }

  /**
   * Every object body any cross-reference section of the chain points at, the versions earlier
   * revisions replaced included (what a check of the whole file, not only of what the newest
   * revision shows, needs). An object that cannot be read is skipped; at most {@link
   * ReadLimits#MAX_VERSIONS} entries are looked at.
   */
  public void visitVersions(VersionVisitor visitor) throws UnsupportedPdfException {
    long entries = 0;
    Set<Long> seen = new HashSet<>();
    for (XrefSection section : sections) {
      for (long[] range : section.ranges()) {
        for (long n = range[0]; n < range[0] + range[1]; n++) {
          if (++entries > ReadLimits.MAX_VERSIONS) {
            throw new LimitExceededException("More than " + ReadLimits.MAX_VERSIONS + " entries");
          }
          Entry entry;
          try {
            entry = section.entry((int) n);
          } catch (UnsupportedPdfException e) {
            break; // the rest of this range is beyond what the section holds
          }
          if (entry == null || entry.type() != 1 || !seen.add(entry.second()) || n == 0) {
            continue;
          }
          Ref ref = new Ref((int) n, (int) Math.min(entry.third(), ReadLimits.MAX_GENERATION));
          Object value;
          try {
            value = indirectObject(ref, entry.second());
          } catch (LimitExceededException e) {
            throw e;
          } catch (UnsupportedPdfException e) {
            continue; // not an object there: no reader takes it as one
          }
          visitor.visit(ref, value);
        }
      }
    }
  }

  /** The raw (still encoded) bytes of a stream, when they are at most {@code max} long. */
  private byte[] rawData(Stream stream, int max) throws UnsupportedPdfException {
    if (stream.dataLength() > max) {
      throw new LimitExceededException("Stream of " + stream.dataLength() + " bytes is too long");
    }
    return file.read(stream.dataOffset(), (int) stream.dataLength());
  }

  /** The stream's data decoded (Flate, PNG predictors), within the reader's bounds. */
  private byte[] decodedData(Stream stream) throws UnsupportedPdfException {
    return decode(stream.dict(), rawData(stream, ReadLimits.MAX_STREAM_BYTES));
  }

  private Object indirectObject(Ref ref, long offset) throws UnsupportedPdfException {
    PdfParser parser = new PdfParser(file, offset, limits);
    long found = parser.integer(ReadLimits.MAX_OBJECT_NUMBER);
    long generation = parser.integer(ReadLimits.MAX_GENERATION);
    parser.expect("obj");
    if (found != ref.number() || generation != ref.generation()) {
      throw new UnsupportedPdfException(
          "Cross-reference points object " + ref.number() + " at object " + found);
    }
    Object value = parser.value();
    parser.skipWhitespace();
    if (value instanceof Dict dict && parser.peek(6).equals("stream")) {
      parser.token();
      return stream(parser, dict);
    }
    return value;
  }

  private Stream stream(PdfParser parser, Dict dict) throws UnsupportedPdfException {
    long position = parser.position();
    if (file.at(position) == '\r') {
      position++;
    }
    if (file.at(position) == '\n') {
      position++;
    }
    if (!(resolve(dict.get("Length")) instanceof Num length)) {
      throw new UnsupportedPdfException("Stream without a usable /Length");
    }
    long n = length.integer(0, file.size() - position);
    return new Stream(dict, position, n);
  }

  /** The page a viewer shows as page {@code index + 1}, found by walking the page tree. */
  public Page page(int index) throws UnsupportedPdfException {
    List<Page> found = pages(index + 1);
    if (found.size() <= index) {
      throw new UnsupportedPdfException("No page " + (index + 1));
    }
    return found.get(index);
  }

  /** Every page, in the order a viewer shows them. */
  public List<Page> pages() throws UnsupportedPdfException {
    return pages(Integer.MAX_VALUE);
  }

  /**
   * The first {@code wanted} pages, walking the tree in order (7.7.3.2): the /Count of a node is
   * not trusted to skip it, since a wrong count would make us sign another page than a viewer
   * shows. A tree that contains itself is damaged beyond repair; a kid that is not a reference, too
   * deep a tree or too many nodes are beyond this reader.
   */
  private List<Page> pages(int wanted) throws UnsupportedPdfException {
    Dict catalog = catalog();
    if (!(catalog.get("Pages") instanceof Ref root)) {
      throw new UnsupportedPdfException("The catalog has no page tree reference");
    }
    List<Page> pages = new ArrayList<>();
    Set<Integer> onPath = new HashSet<>();
    Set<Integer> seen = new HashSet<>();
    walk(root, 0, pages, wanted, onPath, seen);
    return pages;
  }

  private void walk(
      Ref ref, int depth, List<Page> pages, int wanted, Set<Integer> onPath, Set<Integer> seen)
      throws UnsupportedPdfException {
    if (depth > ReadLimits.MAX_PAGE_TREE_DEPTH) {
      throw new UnsupportedPdfException("Page tree too deep");
    }
    if (onPath.contains(ref.number())) {
      throw new DamagedPdfException("The page tree contains itself (object " + ref.number() + ")");
    }
    if (!seen.add(ref.number())) {
      throw new UnsupportedPdfException("Object " + ref.number() + " is twice in the page tree");
    }
    if (seen.size() > ReadLimits.MAX_PAGE_TREE_NODES) {
      throw new UnsupportedPdfException("Page tree with too many nodes");
    }
    Dict node = required(ref, "A page tree node");
    if (node.isName("Type", "Page") && node.has("Kids")) {
      // a page to pdf.js, a tree node to PDFBox: the page a viewer shows as N is not certain
      throw new DamagedPdfException("Object " + ref.number() + " is a page with kids");
    }
    boolean isNode = node.isName("Type", "Pages") || node.has("Kids");
    if (!isNode) {
      pages.add(new Page(ref, node));
      return;
    }
    if (!(resolve(node.get("Kids")) instanceof List<?> kids)) {
      throw new UnsupportedPdfException("Page tree node without /Kids");
    }
    onPath.add(ref.number());
    for (Object kid : kids) {
      if (pages.size() >= wanted) {
        break;
      }
      if (!(kid instanceof Ref kidRef)) {
        throw new UnsupportedPdfException("Page tree kid is not a reference");
      }
      walk(kidRef, depth + 1, pages, wanted, onPath, seen);
    }
    onPath.remove(ref.number());
  }

  /**
   * Whether every node's /Count is the number of pages under it. PDFBox finds page N by the counts,
   * a viewer that walks the tree by walking it: where they disagree, only our writer puts a visible
   * signature on the page a viewer shows.
   */
  public boolean pageCountsAgree() throws UnsupportedPdfException {
    Dict catalog = catalog();
    if (!(catalog.get("Pages") instanceof Ref root)) {
      return false;
    }
    long[] visited = {0};
    return leafCount(root, 0, visited) >= 0;
  }

  /** The pages under a node, or -1 when a /Count under it is wrong. */
  private long leafCount(Ref ref, int depth, long[] visited) throws UnsupportedPdfException {
    if (depth > ReadLimits.MAX_PAGE_TREE_DEPTH || ++visited[0] > ReadLimits.MAX_PAGE_TREE_NODES) {
      throw new UnsupportedPdfException("Page tree too large");
    }
    Dict node = dict(ref, "A page tree node");
    if (!(node.isName("Type", "Pages") || node.has("Kids"))) {
      return 1;
    }
    long pages = 0;
    if (resolve(node.get("Kids")) instanceof List<?> kids) {
      for (Object kid : kids) {
        if (!(kid instanceof Ref kidRef)) {
          return -1;
        }
        long under = leafCount(kidRef, depth + 1, visited);
        if (under < 0) {
          return -1;
        }
        pages += under;
      }
    }
    return resolve(node.get("Count")) instanceof Num count
            && count.integer(0, Long.MAX_VALUE) == pages
        ? pages
        : -1;
  }

  public Dict catalog() throws UnsupportedPdfException {
    if (!(trailer.get("Root") instanceof Ref root)) {
      throw new UnsupportedPdfException("No catalog reference");
    }
    return required(root, "The catalog");
  }

  /**
   * A dictionary the document cannot do without (the catalog, a page tree node). A reference to no
   * object (not listed, free, another generation) is damage the general path does not report:
   * PDFBox finds an unlisted object by searching the file but numbers its update's objects over it,
   * and puts an empty page where a page is missing, so the signed copy would lose pages.
   */
  private Dict required(Ref ref, String what) throws UnsupportedPdfException {
    if (object(ref) == Null.NULL) {
      throw new DamagedPdfException(
          what + " (" + ref.number() + " " + ref.generation() + " R) is no object of the file");
    }
    return dict(ref, what);
  }

  /** A page attribute, looked up through the page tree when the page inherits it (7.7.3.4). */
  public Object inherited(Dict page, String key) throws UnsupportedPdfException {
    Dict node = page;
    Set<Dict> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    for (int depth = 0; depth <= ReadLimits.MAX_PAGE_TREE_DEPTH && node != null; depth++) {
      if (node.has(key)) {
        return node.get(key);
      }
      if (!seen.add(node)) {
        return null;
      }
      Object parent = node.get("Parent");
      node = parent == null || !(resolve(parent) instanceof Dict d) ? null : d;
    }
    return null;
  }

  /** A page and the reference it is known by. */
  public record Page(Ref ref, Dict dict) {}

  /** A cross-reference entry (7.5.8.3): type 0 free, 1 at an offset, 2 in an object stream. */
  record Entry(int type, long second, long third) {}

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
    PdfParser parser = new PdfParser(file, size - tail + at + "startxref".length(), limits);
    long offset = parser.integer(size - 1);
    if (offset <= 0) {
      throw new UnsupportedPdfException("startxref out of range");
    }
    return offset;
  }

  private XrefSection readSection(long offset, Set<Long> seen) throws UnsupportedPdfException {
    if (!seen.add(offset)) {
      throw new UnsupportedPdfException("Cross-reference sections loop");
    }
    if (seen.size() > ReadLimits.MAX_SECTIONS) {
      throw new LimitExceededException("More than " + ReadLimits.MAX_SECTIONS + " sections");
    }
    PdfParser parser = new PdfParser(file, offset, limits);
    parser.skipWhitespace();
    if (parser.peek(4).equals("xref")) {
      parser.token();
      return readTable(parser, offset);
    }
    parser.integer(ReadLimits.MAX_OBJECT_NUMBER);
    parser.integer(ReadLimits.MAX_GENERATION);
    parser.expect("obj");
    Object value = parser.value();
    parser.skipWhitespace();
    if (!(value instanceof Dict dict) || !dict.isName("Type", "XRef")) {
      throw new UnsupportedPdfException("startxref does not point at a cross-reference section");
    }
    if (!parser.token().equals("stream")) {
      throw new UnsupportedPdfException("Cross-reference stream without data");
    }
    // its entries must be direct objects (7.5.8.2): there is no cross-reference yet to resolve them
    if (dict.get("Length") instanceof Ref) {
      throw new UnsupportedPdfException("Cross-reference stream with an indirect /Length");
    }
    Stream stream = stream(parser, dict);
    return StreamSection.of(
        offset, dict, decode(dict, rawData(stream, ReadLimits.MAX_STREAM_BYTES)));
  }

  private TableSection readTable(PdfParser parser, long offset) throws UnsupportedPdfException {
    List<long[]> subsections = new ArrayList<>();
    while (true) {
      parser.skipWhitespace();
      if (parser.peek(7).equals("trailer")) {
        parser.token();
        break;
      }
      long start = parser.integer(ReadLimits.MAX_OBJECT_NUMBER);
      long count = parser.integer(ReadLimits.MAX_OBJECT_NUMBER + 1L - start);
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
      if (position + 20 * count > file.size()) {
        throw new UnsupportedPdfException("Cross-reference subsection runs past the end");
      }
      limits.subsection();
      subsections.add(new long[] {start, count, position});
      parser.seek(position + 20 * count);
    }
    if (!(parser.value() instanceof Dict trailerDict)) {
      throw new UnsupportedPdfException("trailer is not a dictionary");
    }
    return new TableSection(offset, file, subsections, trailerDict);
  }

  private ObjectStream objectStream(long number, int member) throws UnsupportedPdfException {
    if (number <= 0 || number > ReadLimits.MAX_OBJECT_NUMBER) {
      throw new UnsupportedPdfException("Object " + member + " in a non-existent object stream");
    }
    ObjectStream stream = objectStreams.get((int) number);
    if (stream == null) {
      // an object stream is itself never inside an object stream (7.5.7), nor inside itself
      Entry entry = entry((int) number);
      if (entry == null || entry.type() != 1 || number == member) {
        throw new UnsupportedPdfException("Object " + number + " is not a usable object stream");
      }
      if (!(object(Ref.of((int) number)) instanceof Stream s)
          || !s.dict().isName("Type", "ObjStm")) {
        throw new UnsupportedPdfException("Object " + number + " is not an object stream");
      }
      stream = new ObjectStream(this, s.dict(), decodedData(s), limits);
      objectStreams.put((int) number, stream);
    }
    return stream;
  }

  /** Flate with an optional PNG predictor: what writers use for object and xref streams. */
  private byte[] decode(Dict dict, byte[] data) throws UnsupportedPdfException {
    Object filter = resolve(dict.get("Filter"));
    if (filter instanceof List<?> list && list.size() == 1) {
      filter = resolve(list.get(0));
    }
    if (filter == null || filter == Null.NULL) {
      return data;
    }
    if (!(filter instanceof Name name) || !name.raw().equals("FlateDecode")) {
      throw new UnsupportedPdfException("Stream filter " + filter + " not handled");
    }
    byte[] inflated = inflate(data, limits.inflateRoom());
    limits.inflated(inflated.length);
    Object parms = resolve(dict.get("DecodeParms"));
    if (parms instanceof List<?> list && list.size() == 1) {
      parms = resolve(list.get(0));
    }
    if (parms instanceof Dict p && resolve(p.get("Predictor")) instanceof Num predictor) {
      long value = predictor.integer(0, 15);
      if (value >= 10) {
        for (String key : List.of("Colors", "BitsPerComponent")) {
          Object v = resolve(p.get(key));
          if (v != null
              && !(v instanceof Num n && n.integer(0, 255) == (key.equals("Colors") ? 1 : 8))) {
            throw new UnsupportedPdfException("PNG predictor with /" + key + " " + v);
          }
        }
        int columns =
            resolve(p.get("Columns")) instanceof Num c
                ? (int) c.integer(1, ReadLimits.MAX_INFLATED_STREAM)
                : 1;
        return unpredictPng(inflated, columns);
      }
      if (value > 1) {
        throw new UnsupportedPdfException("Predictor " + value + " not handled");
      }
    }
    return inflated;
  }

  /** Inflates at most {@code max} bytes; more is a bound reached, never an ever-growing buffer. */
  private static byte[] inflate(byte[] data, int max) throws UnsupportedPdfException {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(data);
      ByteArrayOutputStream out =
          new ByteArrayOutputStream((int) Math.min(max, Math.min(1L << 20, data.length * 4L + 64)));
      byte[] buffer = new byte[16 * 1024];
      while (!inflater.finished()) {
        int n = inflater.inflate(buffer);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          break; // truncated data: what was inflated is what there is
        }
        if (out.size() + (long) n > max) {
          throw new LimitExceededException("Stream decodes to more than " + max + " bytes");
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
    if (data.length % stride != 0) {
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
    long offset();

    Dict trailer();

    /** The entry for the object, or null when this section does not list it. */
    Entry entry(int number) throws UnsupportedPdfException;

    /** The highest object number this section lists. */
    long highestNumber();

    /** {first number, count} of each run of numbers the section lists. */
    List<long[]> ranges();
  }

  /** A classic table, read lazily: entry n of a subsection is at a fixed 20-byte offset. */
  private record TableSection(long offset, PdfFile file, List<long[]> subsections, Dict trailer)
      implements XrefSection {
    @Override
    public Entry entry(int number) throws UnsupportedPdfException {
      // the last subsection that lists a number wins, as when tables are read in order
      for (int i = subsections.size() - 1; i >= 0; i--) {
        long[] sub = subsections.get(i);
        if (number >= sub[0] && number < sub[0] + sub[1]) {
          byte[] line = file.read(sub[2] + 20 * (number - sub[0]), 18);
          String text = new String(line, StandardCharsets.ISO_8859_1);
          if (text.length() != 18
              || !digits(text, 0, 10)
              || text.charAt(10) != ' '
              || !digits(text, 11, 16)
              || text.charAt(16) != ' '
              || (text.charAt(17) != 'n' && text.charAt(17) != 'f')) {
            throw new UnsupportedPdfException("Malformed cross-reference entry for " + number);
          }
          long offset = Long.parseLong(text.substring(0, 10));
          long generation = Long.parseLong(text.substring(11, 16));
          if (generation > ReadLimits.MAX_GENERATION) {
            throw new UnsupportedPdfException("Generation out of range for " + number);
          }
          return new Entry(text.charAt(17) == 'n' ? 1 : 0, offset, generation);
        }
      }
      return null;
    }

    @Override
    public List<long[]> ranges() {
      return subsections;
    }

    @Override
    public long highestNumber() {
      long highest = 0;
      for (long[] sub : subsections) {
        if (sub[1] > 0) {
          highest = Math.max(highest, sub[0] + sub[1] - 1);
        }
      }
      return highest;
    }

    private static boolean digits(String text, int from, int to) {
      for (int i = from; i < to; i++) {
        if (text.charAt(i) < '0' || text.charAt(i) > '9') {
          return false;
        }
      }
      return true;
    }
  }

  /** A cross-reference stream (7.5.8), decoded once. */
  private record StreamSection(long offset, Dict trailer, byte[] data, int[] widths, long[] index)
      implements XrefSection {

    static StreamSection of(long offset, Dict dict, byte[] data) throws UnsupportedPdfException {
      if (!(dict.get("W") instanceof List<?> w) || w.size() != 3) {
        throw new UnsupportedPdfException("Cross-reference stream without /W");
      }
      int[] widths = new int[3];
      for (int i = 0; i < 3; i++) {
        if (!(w.get(i) instanceof Num n)) {
          throw new UnsupportedPdfException("Bad /W");
        }
        // 8 bytes would overflow a signed offset; no file needs more than 7
        widths[i] = (int) n.integer(0, 7);
      }
      if (widths[0] + widths[1] + widths[2] == 0) {
        throw new UnsupportedPdfException("Cross-reference stream with empty rows");
      }
      long[] index;
      if (dict.get("Index") instanceof List<?> list) {
        if (list.size() % 2 != 0) {
          throw new UnsupportedPdfException("Bad /Index");
        }
        index = new long[list.size()];
        for (int i = 0; i < list.size(); i += 2) {
          if (!(list.get(i) instanceof Num start) || !(list.get(i + 1) instanceof Num count)) {
            throw new UnsupportedPdfException("Bad /Index");
          }
          if (count.longValue() < 0) {
            // PDFBox reads it as an empty range and numbers its update's objects over the
            // document's own, so the general path would write a copy without its page tree
            throw new DamagedPdfException("Cross-reference stream /Index with a negative count");
          }
          index[i] = start.integer(0, ReadLimits.MAX_OBJECT_NUMBER);
          index[i + 1] = count.integer(0, ReadLimits.MAX_OBJECT_NUMBER + 1L - index[i]);
        }
      } else if (dict.get("Size") instanceof Num size) {
        index = new long[] {0, size.integer(0, ReadLimits.MAX_OBJECT_NUMBER + 1L)};
      } else {
        throw new UnsupportedPdfException("Cross-reference stream without /Size");
      }
      return new StreamSection(offset, dict, data, widths, index);
    }

    @Override
    public Entry entry(int number) throws UnsupportedPdfException {
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
          if (type == 1 && third > ReadLimits.MAX_GENERATION) {
            throw new UnsupportedPdfException("Generation out of range for " + number);
          }
          return new Entry((int) Math.min(type, 3), second, third);
        }
        row += index[i + 1];
      }
      return null;
    }

    @Override
    public List<long[]> ranges() {
      List<long[]> ranges = new ArrayList<>();
      for (int i = 0; i + 1 < index.length; i += 2) {
        ranges.add(new long[] {index[i], index[i + 1]});
      }
      return ranges;
    }

    @Override
    public long highestNumber() {
      long highest = 0;
      for (int i = 0; i + 1 < index.length; i += 2) {
        if (index[i + 1] > 0) {
          highest = Math.max(highest, index[i] + index[i + 1] - 1);
        }
      }
      return highest;
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
    private final ReadLimits limits;
    private final Map<Integer, Long> offsets = new HashMap<>();

    ObjectStream(PdfReader reader, Dict dict, byte[] data, ReadLimits limits)
        throws UnsupportedPdfException {
      this.data = data;
      this.limits = limits;
      if (!(reader.resolve(dict.get("N")) instanceof Num n)
          || !(reader.resolve(dict.get("First")) instanceof Num f)) {
        throw new UnsupportedPdfException("Object stream without /N or /First");
      }
      this.first = f.integer(0, data.length);
      // each pair takes at least four bytes ("1 0 "), which bounds /N by the data itself
      long count = n.integer(0, data.length / 4 + 1);
      PdfParser header = new PdfParser(Bytes.of(data), 0, limits);
      Set<Long> starts = new HashSet<>();
      for (long i = 0; i < count; i++) {
        int number = (int) header.integer(ReadLimits.MAX_OBJECT_NUMBER);
        long offset = header.integer(data.length - first);
        if (!starts.add(offset)) {
          // each object has its own place; many numbers on one would each be parsed and kept
          throw new UnsupportedPdfException("Objects of an object stream share one offset");
        }
        offsets.putIfAbsent(number, offset);
      }
    }

    Object object(int number) throws UnsupportedPdfException {
      Long offset = offsets.get(number);
      if (offset == null) {
        throw new UnsupportedPdfException("Object " + number + " is not in its object stream");
      }
      return new PdfParser(Bytes.of(data), first + offset, limits).value();
    }
  }
}
