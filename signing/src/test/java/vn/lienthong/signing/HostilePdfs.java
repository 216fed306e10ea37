package vn.lienthong.signing;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.Deflater;
import vn.lienthong.signing.internal.pdf.PdfReader;
import vn.lienthong.signing.internal.pdf.PdfValues;
import vn.lienthong.signing.internal.pdf.UnsupportedPdfException;

/**
 * Hand-written PDFs for the hostile-input tests, made by code so that no binary file is checked in:
 * a minimal document (catalog 1, pages 2, page 3 with a MediaBox, content stream 4 that shows text
 * in Helvetica 5) written as text with a correct cross-reference table or stream, knobs to make
 * each part lie, and incremental updates appended to any PDF. Bytes and text are ISO-8859-1, so
 * binary stream data survives as one char per byte.
 */
public final class HostilePdfs {

  /** The text page 1 of {@link #minimal()} shows. */
  public static final String PAGE_TEXT = "Hostile input page 1";

  private HostilePdfs() {}

  /** Catalog 1, pages 2, page 3, content 4, Helvetica 5: the smallest PDF a viewer shows. */
  public static Pdf minimal() {
    return new Pdf()
        .put(1, "<< /Type /Catalog /Pages 2 0 R >>")
        .put(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>")
        .put(3, page(2, 4))
        .put(4, contentStream(PAGE_TEXT))
        .put(5, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>");
  }

  /** Pages 2 lists itself before its one page. */
  public static byte[] pageTreeCycle() {
    return minimal().put(2, "<< /Type /Pages /Kids [2 0 R 3 0 R] /Count 1 >>").table();
  }

  /** Page 3 holds an array nested {@code depth} deep. */
  public static byte[] nestedInPage(int depth) {
    return minimal()
        .put(3, page(2, 4).replace("/Contents", "/Deep " + nestedArray(depth) + " /Contents"))
        .table();
  }

  /** The catalog holds an array nested {@code depth} deep. */
  public static byte[] nestedInCatalog(int depth) {
    return minimal()
        .put(1, "<< /Type /Catalog /Pages 2 0 R /Deep " + nestedArray(depth) + " >>")
        .table();
  }

  /**
   * Catalog /Perms /DocMDP names a certification signature whose transform allows no change (the
   * signature itself is a placeholder: the permission is what counts).
   */
  public static byte[] certifiedNoChanges() {
    return certified(1);
  }

  /** Certified with DocMDP permission {@code p} (1 no changes, 2 form filling and signing). */
  public static byte[] certified(int p) {
    return minimal()
        .put(1, "<< /Type /Catalog /Pages 2 0 R /Perms << /DocMDP 6 0 R >> >>")
        .put(
            6,
            "<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /ETSI.CAdES.detached"
                + " /Reference [<< /Type /SigRef /TransformMethod /DocMDP"
                + " /TransformParams << /Type /TransformParams /P "
                + p
                + " /V /1.2 >> >>]"
                + " /Contents <00> /ByteRange [0 0 0 0] >>")
        .table();
  }

  /**
   * A signed PDF (one signature field, written as text, as our writer does) with an update that
   * gives that field the /Lock dictionary {@code lock}.
   */
  public static byte[] withLock(byte[] signed, String lock) {
    int field;
    int size;
    try (PdfReader pdf = PdfReader.of(signed)) {
      PdfValues.Dict form = pdf.dict(pdf.catalog().get("AcroForm"), "The form");
      field = ((PdfValues.Ref) ((List<?>) pdf.resolve(form.get("Fields"))).get(0)).number();
      size = pdf.nextObjectNumber();
    } catch (UnsupportedPdfException e) {
      throw new IllegalArgumentException(e);
    }
    String body = lastBody(signed, field);
    if (!body.startsWith("<<") || !body.contains("/V ")) {
      throw new IllegalArgumentException("object " + field + " is no signed field: " + body);
    }
    Updates updates = new Updates(signed, size);
    updates.append(Map.of(field, "<</Lock " + lock + body.substring(2)), "");
    return updates.bytes();
  }

  /** An A4 page under {@code parent} showing content {@code content} with font 5 as /F1. */
  public static String page(int parent, int content) {
    return "<< /Type /Page /Parent "
        + parent
        + " 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 5 0 R >> >> /Contents "
        + content
        + " 0 R >>";
  }

  /** A content stream that shows {@code text} (ASCII, no parentheses) near the top of the page. */
  public static String contentStream(String text) {
    return stream("", "BT /F1 24 Tf 72 720 Td (" + text + ") Tj ET");
  }

  /** An empty array inside {@code depth - 1} more: "[[[...]]]". */
  public static String nestedArray(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }

  /** A stream object's body: the dictionary entries given, its /Length, and the data. */
  public static String stream(String entries, String data) {
    return "<< "
        + entries
        + (entries.isEmpty() ? "" : " ")
        + "/Length "
        + data.length()
        + " >>\nstream\n"
        + data
        + "\nendstream";
  }

  /** Flate-compressed bytes (java.util.zip), as text. */
  public static String deflate(byte[] data) {
    return deflatePadded(data, 0, (byte) 0);
  }

  /**
   * {@code head}, then {@code zeros} zero bytes, Flate-compressed without ever holding the zeros: a
   * few hundred KB that inflate to hundreds of MB.
   */
  public static String deflateWithZeros(byte[] head, long zeros) {
    return deflatePadded(head, zeros, (byte) 0);
  }

  private static String deflatePadded(byte[] head, long padding, byte fill) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[64 * 1024];
    byte[] block = new byte[1024 * 1024];
    Arrays.fill(block, fill);
    deflater.setInput(head);
    drain(deflater, out, buffer);
    for (long left = padding; left > 0; left -= block.length) {
      deflater.setInput(block, 0, (int) Math.min(block.length, left));
      drain(deflater, out, buffer);
    }
    deflater.finish();
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    return latin1(out.toByteArray());
  }

  private static void drain(Deflater deflater, ByteArrayOutputStream out, byte[] buffer) {
    while (!deflater.needsInput()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
  }

  public static String latin1(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  public static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  /** One cross-reference stream row for /W [1 4 2]. */
  public static byte[] row(int type, long second, int third) {
    return new byte[] {
      (byte) type,
      (byte) (second >>> 24),
      (byte) (second >>> 16),
      (byte) (second >>> 8),
      (byte) second,
      (byte) (third >>> 8),
      (byte) third
    };
  }

  /** The offset the last startxref of a file names. */
  public static long startXref(byte[] pdf) {
    Matcher m = Pattern.compile("startxref\\s+(\\d+)").matcher(latin1(pdf));
    long found = -1;
    while (m.find()) {
      found = Long.parseLong(m.group(1));
    }
    if (found < 0) {
      throw new IllegalArgumentException("no startxref");
    }
    return found;
  }

  /**
   * The same file with its last startxref replaced by {@code offset} (e.g. one that is no xref).
   */
  public static byte[] withStartXref(byte[] pdf, String offset) {
    String text = latin1(pdf);
    int at = text.lastIndexOf("startxref") + "startxref".length();
    while (Character.isWhitespace(text.charAt(at))) {
      at++;
    }
    int end = at;
    while (Character.isDigit(text.charAt(end))) {
      end++;
    }
    return bytes(text.substring(0, at) + offset + text.substring(end));
  }

  /** The same file with the /Size of its last trailer written as {@code size}. */
  public static byte[] withLastSize(byte[] pdf, String size) {
    String text = latin1(pdf);
    Matcher m = Pattern.compile("/Size (\\d+)").matcher(text);
    int start = -1;
    int end = -1;
    while (m.find()) {
      start = m.start(1);
      end = m.end(1);
    }
    if (start < 0) {
      throw new IllegalArgumentException("no /Size");
    }
    return bytes(text.substring(0, start) + size + text.substring(end));
  }

  /**
   * The body of the newest version of object {@code number} in a file written as text (what is
   * between "N G obj" and "endobj"), to append a changed copy of it.
   */
  public static String lastBody(byte[] pdf, int number) {
    String text = latin1(pdf);
    Matcher m = Pattern.compile("(?<![0-9])" + number + " (\\d+) obj\\s").matcher(text);
    int start = -1;
    while (m.find()) {
      start = m.end();
    }
    if (start < 0) {
      throw new IllegalArgumentException("no object " + number);
    }
    return text.substring(start, text.indexOf("endobj", start)).trim();
  }

  // ------------------------------------------------------------------------------------------

  /** A document as numbered objects, written with a cross-reference table or stream. */
  public static final class Pdf {
    private final TreeMap<Integer, Integer> generations = new TreeMap<>();
    private final TreeMap<Integer, String> bodies = new TreeMap<>();
    private final Map<Integer, Integer> xrefGenerations = new HashMap<>();
    private final Map<Integer, List<Integer>> objectStreams = new LinkedHashMap<>();
    private final Map<Integer, String> objectStreamLengths = new HashMap<>();
    private final Map<Integer, Long> objectStreamPadding = new HashMap<>();
    private final Map<Integer, long[]> entries = new HashMap<>();
    private String size;
    private String subsection;
    private String trailer = "";
    private String index;
    private long xrefPadding;
    private final Map<Integer, Long> offsets = new TreeMap<>();

    public Pdf put(int number, String body) {
      return put(number, 0, body);
    }

    /** Object {@code number}, written as "number generation obj". */
    public Pdf put(int number, int generation, String body) {
      bodies.put(number, body);
      generations.put(number, generation);
      return this;
    }

    /** Extra trailer entries (or, for a cross-reference stream, stream dictionary entries). */
    public Pdf trailer(String entries) {
      trailer = trailer + " " + entries;
      return this;
    }

    /** The /Size as written, instead of the true one. */
    public Pdf size(String text) {
      size = text;
      return this;
    }

    /** The generation the table lists for an object, instead of the one it is written with. */
    public Pdf xrefGeneration(int number, int generation) {
      xrefGenerations.put(number, generation);
      return this;
    }

    /** The table's subsection header as written ("0 -5"), instead of "0 N". */
    public Pdf subsection(String header) {
      subsection = header;
      return this;
    }

    /** Cross-reference stream files: these objects go inside object stream {@code stream}. */
    public Pdf objectStream(int stream, Integer... members) {
      objectStreams.put(stream, List.of(members));
      return this;
    }

    /** The object stream's /Length as written ("7 0 R"), instead of the true one. */
    public Pdf objectStreamLength(int stream, String length) {
      objectStreamLengths.put(stream, length);
      return this;
    }

    /** Spaces after the objects of an object stream (it decodes to that much more). */
    public Pdf objectStreamPadding(int stream, long spaces) {
      objectStreamPadding.put(stream, spaces);
      return this;
    }

    /** A cross-reference stream row as written, instead of the true one. */
    public Pdf entry(int number, int type, long second, long third) {
      entries.put(number, new long[] {type, second, third});
      return this;
    }

    /** The cross-reference stream's /Index array as written ("[0 -5]"). */
    public Pdf index(String text) {
      index = text;
      return this;
    }

    /** Zero bytes after the rows of the cross-reference stream (it decodes to that much more). */
    public Pdf xrefPadding(long zeros) {
      xrefPadding = zeros;
      return this;
    }

    /** Where each object began in the last file written. */
    public Map<Integer, Long> offsets() {
      return offsets;
    }

    private int highest() {
      int highest = bodies.isEmpty() ? 0 : bodies.lastKey();
      for (int s : objectStreams.keySet()) {
        highest = Math.max(highest, s);
      }
      return highest;
    }

    /** The file with a classic cross-reference table (7.5.4). */
    public byte[] table() {
      StringBuilder out = new StringBuilder("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
      offsets.clear();
      for (Map.Entry<Integer, String> e : bodies.entrySet()) {
        offsets.put(e.getKey(), (long) out.length());
        out.append(e.getKey())
            .append(' ')
            .append(generations.get(e.getKey()))
            .append(" obj\n")
            .append(e.getValue())
            .append("\nendobj\n");
      }
      int count = highest() + 1;
      long xref = out.length();
      out.append("xref\n")
          .append(subsection != null ? subsection : "0 " + count)
          .append("\n0000000000 65535 f\r\n");
      for (int n = 1; n < count; n++) {
        if (offsets.containsKey(n)) {
          int generation = xrefGenerations.getOrDefault(n, generations.get(n));
          out.append(String.format(Locale.ROOT, "%010d %05d n\r\n", offsets.get(n), generation));
        } else {
          out.append("0000000000 00001 f\r\n");
        }
      }
      out.append("trailer\n<< /Size ")
          .append(size != null ? size : Integer.toString(count))
          .append(" /Root 1 0 R")
          .append(trailer)
          .append(" >>\nstartxref\n")
          .append(xref)
          .append("\n%%EOF\n");
      return bytes(out.toString());
    }

    /**
     * The file with a cross-reference stream (7.5.8), object {@code number}, rows 1 4 2 bytes wide,
     * Flate-compressed; objects named in {@link #objectStream} go inside object streams.
     */
    public byte[] xrefStream(int number) {
      StringBuilder out = new StringBuilder("%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
      offsets.clear();
      Map<Integer, long[]> rows = new TreeMap<>();
      Map<Integer, Integer> packed = new HashMap<>();
      objectStreams.forEach(
          (stream, members) -> members.forEach(member -> packed.put(member, stream)));
      for (Map.Entry<Integer, String> e : bodies.entrySet()) {
        if (packed.containsKey(e.getKey())) {
          continue;
        }
        offsets.put(e.getKey(), (long) out.length());
        rows.put(e.getKey(), new long[] {1, out.length(), generations.get(e.getKey())});
        out.append(e.getKey())
            .append(' ')
            .append(generations.get(e.getKey()))
            .append(" obj\n")
            .append(e.getValue())
            .append("\nendobj\n");
      }
      for (Map.Entry<Integer, List<Integer>> e : objectStreams.entrySet()) {
        StringBuilder header = new StringBuilder();
        StringBuilder objects = new StringBuilder();
        for (int i = 0; i < e.getValue().size(); i++) {
          int member = e.getValue().get(i);
          header.append(member).append(' ').append(objects.length()).append(' ');
          objects.append(bodies.get(member)).append('\n');
          rows.put(member, new long[] {2, e.getKey(), i});
        }
        byte[] plain = bytes(header.toString() + objects);
        String data =
            objectStreamPadding.containsKey(e.getKey())
                ? deflatePadded(plain, objectStreamPadding.get(e.getKey()), (byte) ' ')
                : deflate(plain);
        offsets.put(e.getKey(), (long) out.length());
        rows.put(e.getKey(), new long[] {1, out.length(), 0});
        out.append(e.getKey())
            .append(" 0 obj\n<< /Type /ObjStm /N ")
            .append(e.getValue().size())
            .append(" /First ")
            .append(header.length())
            .append(" /Filter /FlateDecode /Length ")
            .append(objectStreamLengths.getOrDefault(e.getKey(), Integer.toString(data.length())))
            .append(" >>\nstream\n")
            .append(data)
            .append("\nendstream\nendobj\n");
      }
      long xref = out.length();
      rows.put(number, new long[] {1, xref, 0});
      rows.put(0, new long[] {0, 0, 65535});
      rows.putAll(entries);
      int count = Math.max(number, highest()) + 1;
      ByteArrayOutputStream table = new ByteArrayOutputStream();
      for (int n = 0; n < count; n++) {
        long[] row = rows.getOrDefault(n, new long[] {0, 0, 1});
        table.write((int) row[0]);
        for (int i = 3; i >= 0; i--) {
          table.write((int) (row[1] >>> (8 * i)) & 0xff);
        }
        table.write((int) (row[2] >>> 8) & 0xff);
        table.write((int) row[2] & 0xff);
      }
      String data =
          xrefPadding > 0
              ? deflateWithZeros(table.toByteArray(), xrefPadding)
              : deflate(table.toByteArray());
      out.append(number)
          .append(" 0 obj\n<< /Type /XRef /Size ")
          .append(size != null ? size : Integer.toString(count))
          .append(index != null ? " /Index " + index : "")
          .append(" /W [1 4 2] /Root 1 0 R")
          .append(trailer)
          .append(" /Filter /FlateDecode /Length ")
          .append(data.length())
          .append(" >>\nstream\n")
          .append(data)
          .append("\nendstream\nendobj\nstartxref\n")
          .append(xref)
          .append("\n%%EOF\n");
      return bytes(out.toString());
    }
  }

  // ------------------------------------------------------------------------------------------

  /** Incremental updates (7.5.6) appended to a PDF, each with a cross-reference table. */
  public static final class Updates {
    private final StringBuilder out;
    private long lastXref;
    private int size;

    /** Updates to {@code pdf}, whose objects are numbered below {@code size}. */
    public Updates(byte[] pdf, int size) {
      this.out = new StringBuilder(latin1(pdf));
      if (out.charAt(out.length() - 1) != '\n') {
        out.append('\n');
      }
      this.lastXref = startXref(pdf);
      this.size = size;
    }

    /** Appends the objects (number to body, generation 0) and a table whose /Prev is the last. */
    public long append(Map<Integer, String> objects, String trailerEntries) {
      return append(objects, trailerEntries, Long.toString(lastXref));
    }

    /** As {@link #append(Map, String)} with /Prev written as {@code prev} (null: none). */
    public long append(Map<Integer, String> objects, String trailerEntries, String prev) {
      Map<Integer, Long> written = new TreeMap<>();
      for (Map.Entry<Integer, String> e : new TreeMap<>(objects).entrySet()) {
        written.put(e.getKey(), (long) out.length());
        out.append(e.getKey()).append(" 0 obj\n").append(e.getValue()).append("\nendobj\n");
        size = Math.max(size, e.getKey() + 1);
      }
      long xref = out.length();
      out.append("xref\n0 1\n0000000000 65535 f\r\n");
      written.forEach(
          (number, offset) ->
              out.append(number)
                  .append(" 1\n")
                  .append(String.format(Locale.ROOT, "%010d 00000 n\r\n", offset)));
      out.append("trailer\n<< /Size ").append(size).append(" /Root 1 0 R");
      if (prev != null) {
        out.append(" /Prev ").append(prev);
      }
      out.append(trailerEntries.isEmpty() ? "" : " " + trailerEntries)
          .append(" >>\nstartxref\n")
          .append(xref)
          .append("\n%%EOF\n");
      lastXref = xref;
      return xref;
    }

    /** Where the next thing appended will begin. */
    public long position() {
      return out.length();
    }

    public byte[] bytes() {
      return HostilePdfs.bytes(out.toString());
    }
  }
}
