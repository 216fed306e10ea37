package vn.lienthong.signing.internal.pdf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import vn.lienthong.signing.internal.pdf.PdfValues.Dict;
import vn.lienthong.signing.internal.pdf.PdfValues.Name;
import vn.lienthong.signing.internal.pdf.PdfValues.Num;
import vn.lienthong.signing.internal.pdf.PdfValues.Ref;
import vn.lienthong.signing.internal.pdf.PdfValues.Str;

/**
 * The incremental update (ISO 32000-1 7.5.6) that adds one PAdES signature to a PDF: the signature
 * dictionary with its /Contents placeholder and /ByteRange, the signature field and widget on the
 * page, the form that lists it, and a cross-reference section of the same kind as the file's. The
 * original bytes are never touched, so earlier signatures stay valid, and nothing depends on the
 * size of the document: this is what makes signing a 1000-page scan cost about as much as hashing
 * it. The update is a pure function of the document and the request, so the two steps of a two-step
 * signature build the same bytes in different processes.
 */
public final class SignatureIncrement {

  /** SubFilter of PAdES baseline signatures (ETSI EN 319 142-1, 5.3). */
  private static final String SUB_FILTER = "ETSI.CAdES.detached";

  private static final int BYTE_RANGE_WIDTH = 4 * 11 + 3;

  /** Far beyond any page (ISO 32000-1 Annex C: 14,400 units a side at most). */
  private static final double MAX_COORDINATE = 1e6;

  private static final DateTimeFormatter PDF_DATE =
      DateTimeFormatter.ofPattern("'D:'yyyyMMddHHmmss");

  /** What the signature dictionary says; {@code contentsBytes} is the room kept for the CMS. */
  public record Request(
      Instant signingTime,
      ZoneOffset zone,
      String reason,
      String location,
      String application,
      int contentsBytes,
      Visible visible) {}

  /**
   * A visible signature: its box on a page, in points from the page's top-left corner (or top-right
   * when {@code fromRight}), and the appearance PDFBox drew for the box's size.
   */
  public record Visible(
      int pageIndex,
      float left,
      float top,
      float width,
      float height,
      boolean fromRight,
      org.apache.pdfbox.cos.COSStream appearance) {}

  private final byte[] bytes;
  private final int contentsStart;
  private final int contentsEnd;

  private SignatureIncrement(byte[] bytes, int contentsStart, int contentsEnd) {
    this.bytes = bytes;
    this.contentsStart = contentsStart;
    this.contentsEnd = contentsEnd;
  }

  /** The bytes to append to the document; /Contents is a placeholder until {@link #embed}. */
  public byte[] bytes() {
    return bytes;
  }

  /** Feeds the signed bytes of the update to the digest (the document's own bytes come first). */
  public void digestUpdate(MessageDigest digest) {
    digest.update(bytes, 0, contentsStart);
    digest.update(bytes, contentsEnd, bytes.length - contentsEnd);
  }

  /** Writes the CMS into the placeholder, in hex, padded with zeros. */
  public void embed(byte[] cms) {
    int room = (contentsEnd - contentsStart - 2) / 2;
    if (cms.length > room) {
      throw new IllegalStateException(
          "The signature (" + cms.length + " bytes) does not fit its placeholder (" + room + ")");
    }
    byte[] hex = HexFormat.of().withUpperCase().formatHex(cms).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(hex, 0, bytes, contentsStart + 1, hex.length);
    Arrays.fill(bytes, contentsStart + 1 + hex.length, contentsEnd - 1, (byte) '0');
  }

  public static SignatureIncrement build(PdfReader pdf, Request request)
      throws UnsupportedPdfException {
    Dict trailer = pdf.trailer();
    if (pdf.encrypted()) {
      throw new UnsupportedPdfException("Encrypted");
    }
    if (!(trailer.get("Root") instanceof Ref rootRef)) {
      throw new UnsupportedPdfException("No catalog reference");
    }
    int[] next = {pdf.nextObjectNumber()};
    Dict catalog = pdf.catalog();

    Map<Integer, Change> changed = new TreeMap<>();
    Ref signature = Ref.of(next[0]++);
    Ref widget = Ref.of(next[0]++);

    // An invisible signature's widget goes on page 1, as PDFBox and DSS put it.
    Visible visible = request.visible();
    PdfReader.Page page = pdf.page(visible != null ? visible.pageIndex() : 0);
    // The page gets its own copy of /Annots: an indirect array may be shared by other pages, which
    // must not show the widget too.
    Object annots = pdf.resolve(page.dict().get("Annots"));
    List<Object> pageAnnots;
    if (annots instanceof List<?> list) {
      pageAnnots = PdfValues.appended(objects(list), widget);
    } else if (annots == null || annots == PdfValues.Null.NULL) {
      pageAnnots = List.of(widget);
    } else {
      throw new UnsupportedPdfException("/Annots is not an array");
    }
    rewrite(changed, page.ref(), page.dict().copy().put("Annots", pageAnnots));

    // The form lists the field; SigFlags 3: signatures exist, append only (12.7.2).
    Object formValue = catalog.get("AcroForm");
    Dict form;
    Ref formRef = null;
    if (formValue instanceof Ref ref) {
      form = pdf.dict(ref, "/AcroForm").copy();
      formRef = ref;
    } else if (formValue instanceof Dict direct) {
      form = direct.copy();
    } else if (formValue == null) {
      form = new Dict();
      formRef = Ref.of(next[0]++);
      rewrite(changed, rootRef, catalog.copy().put("AcroForm", formRef));
    } else {
      throw new UnsupportedPdfException("/AcroForm is neither a dictionary nor a reference");
    }
    if (form.has("XFA")) {
      throw new UnsupportedPdfException("XFA form");
    }
    Object fieldsValue = form.get("Fields");
    List<Object> fields;
    if (fieldsValue instanceof Ref fieldsRef) {
      if (!(pdf.resolve(fieldsRef) instanceof List<?> list)) {
        throw new UnsupportedPdfException("/Fields is not an array");
      }
      fields = objects(list);
      rewrite(changed, fieldsRef, PdfValues.appended(fields, widget));
    } else if (fieldsValue instanceof List<?> list) {
      fields = objects(list);
      form.put("Fields", PdfValues.appended(fields, widget));
    } else {
      fields = List.of();
      form.put("Fields", List.of(widget));
    }
    long flags = pdf.resolve(form.get("SigFlags")) instanceof Num n ? n.integer(0, 0xFFFFFFFFL) : 0;
    form.put("SigFlags", Num.of(flags | 3));
    if (formRef != null) {
      rewrite(changed, formRef, form);
    } else {
      rewrite(changed, rootRef, catalog.copy().put("AcroForm", form));
    }

    Dict widgetDict =
        new Dict()
            .put("Type", new Name("Annot"))
            .put("Subtype", new Name("Widget"))
            .put("FT", new Name("Sig"))
            .put("F", Num.of(132)) // print + locked (12.5.3)
            .put("T", Str.text(fieldName(pdf, fields)))
            .put("V", signature)
            .put("P", page.ref());
    if (visible == null) {
      widgetDict.put("Rect", List.of(Num.of(0), Num.of(0), Num.of(0), Num.of(0)));
    } else {
      widgetDict.put("Rect", rect(pdf, page, visible));
      CosObjects appearance = new CosObjects(() -> next[0]++);
      try {
        Ref normal = appearance.stream(visible.appearance());
        widgetDict.put("AP", new Dict().put("N", normal));
      } catch (java.io.IOException e) {
        throw new UnsupportedPdfException("Cannot write the appearance: " + e.getMessage());
      }
      appearance.objects().forEach((n, value) -> changed.put(n, new Change(0, value)));
    }
    changed.put(widget.number(), new Change(0, widgetDict));

    Dict signatureDict =
        new Dict()
            .put("Type", new Name("Sig"))
            .put("Filter", new Name("Adobe.PPKLite"))
            .put("SubFilter", new Name(SUB_FILTER))
            .put("M", Str.text(pdfDate(request.signingTime(), request.zone())));
    if (request.reason() != null) {
      signatureDict.put("Reason", Str.text(request.reason()));
    }
    if (request.location() != null) {
      signatureDict.put("Location", Str.text(request.location()));
    }
    if (request.application() != null) {
      signatureDict.put(
          "Prop_Build",
          new Dict().put("App", new Dict().put("Name", Name.of(request.application()))));
    }

    // the new objects, and a cross-reference stream's own number, must be numbers a PDF can hold
    int last = next[0] - 1 + (pdf.usesXrefStreams() ? 1 : 0);
    if (last > ReadLimits.MAX_OBJECT_NUMBER) {
      throw new UnsupportedPdfException("No object numbers left for a signature (" + last + ")");
    }
    return write(pdf, request, trailer, next[0], changed, signature, signatureDict);
  }

  /** The new version of an object: new objects have generation 0, rewritten ones keep theirs. */
  private record Change(int generation, Object value) {}

  private static SignatureIncrement write(
      PdfReader pdf,
      Request request,
      Dict trailer,
      int next,
      Map<Integer, Change> changed,
      Ref signature,
      Dict signatureDict) {
    long base = pdf.size();
    ByteArrayOutputStream buffer = new ByteArrayOutputStream(2 * request.contentsBytes() + 4096);
    PdfWriter out = new PdfWriter(buffer);
    int last = pdf.lastByte();
    if (last != '\n' && last != '\r') {
      out.ascii("\n");
    }
    Map<Integer, Long> offsets = new TreeMap<>();
    Map<Integer, Integer> generations = new TreeMap<>();

    offsets.put(signature.number(), base + out.size());
    // /Contents and then /ByteRange come last in the dictionary; the fixed-width room of
    // /ByteRange is filled once the length of the whole update is known.
    out.ascii(signature.number() + " 0 obj\n").entries(signatureDict).ascii("/Contents ");
    int contentsStart = out.size();
    out.ascii("<");
    byte[] zeros = new byte[2 * request.contentsBytes()];
    Arrays.fill(zeros, (byte) '0');
    buffer.writeBytes(zeros);
    out.ascii(">");
    int contentsEnd = out.size();
    out.ascii("/ByteRange [");
    int byteRangeAt = out.size();
    out.ascii(" ".repeat(BYTE_RANGE_WIDTH)).ascii("]>>\nendobj\n");

    for (Map.Entry<Integer, Change> e : changed.entrySet()) {
      int generation = e.getValue().generation();
      offsets.put(e.getKey(), base + out.size());
      generations.put(e.getKey(), generation);
      out.ascii(e.getKey() + " " + generation + " obj\n")
          .value(e.getValue().value())
          .ascii("\nendobj\n");
    }
    int generationWidth = generations.values().stream().anyMatch(g -> g > 0xff) ? 2 : 1;

    Dict newTrailer = new Dict();
    newTrailer.put("Root", trailer.get("Root"));
    if (trailer.has("Info")) {
      newTrailer.put("Info", trailer.get("Info"));
    }
    newTrailer.put("ID", fileId(trailer, base, request));
    newTrailer.put("Prev", Num.of(pdf.startXref()));

    long xrefOffset = base + out.size();
    if (pdf.usesXrefStreams()) {
      int xrefNumber = next++;
      offsets.put(xrefNumber, xrefOffset);
      boolean wide = xrefOffset > 0xFFFFFFFFL;
      int offsetWidth = wide ? 8 : 4;
      ByteArrayOutputStream rows = new ByteArrayOutputStream();
      List<Object> index = new ArrayList<>();
      for (int[] run : runs(offsets.keySet())) {
        index.add(Num.of(run[0]));
        index.add(Num.of(run[1]));
        for (int n = run[0]; n < run[0] + run[1]; n++) {
          rows.write(1);
          long offset = offsets.get(n);
          for (int i = offsetWidth - 1; i >= 0; i--) {
            rows.write((int) (offset >>> (8 * i)) & 0xff);
          }
          int generation = generations.getOrDefault(n, 0);
          for (int i = generationWidth - 1; i >= 0; i--) {
            rows.write(generation >>> (8 * i) & 0xff);
          }
        }
      }
      Dict xref = new Dict().put("Type", new Name("XRef")).put("Size", Num.of(next));
      xref.entries().putAll(newTrailer.entries());
      xref.put("Index", index);
      xref.put("W", List.of(Num.of(1), Num.of(offsetWidth), Num.of(generationWidth)));
      xref.put("Length", Num.of(rows.size()));
      out.ascii(xrefNumber + " 0 obj\n").value(xref).ascii("\nstream\n");
      buffer.writeBytes(rows.toByteArray());
      out.ascii("\nendstream\nendobj\n");
    } else {
      out.ascii("xref\n");
      for (int[] run : runs(offsets.keySet())) {
        out.ascii(run[0] + " " + run[1] + "\n");
        for (int n = run[0]; n < run[0] + run[1]; n++) {
          out.ascii(
              String.format(
                  Locale.ROOT, "%010d %05d n\r\n", offsets.get(n), generations.getOrDefault(n, 0)));
        }
      }
      Dict trailerDict = new Dict().put("Size", Num.of(next));
      trailerDict.entries().putAll(newTrailer.entries());
      out.ascii("trailer\n").value(trailerDict).ascii("\n");
    }
    out.ascii("startxref\n" + xrefOffset + "\n%%EOF\n");

    byte[] bytes = buffer.toByteArray();
    long a = base + contentsStart;
    long b = base + contentsEnd;
    String range = "0 " + a + " " + b + " " + (base + bytes.length - b);
    byte[] rangeBytes = range.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(rangeBytes, 0, bytes, byteRangeAt, rangeBytes.length);
    return new SignatureIncrement(bytes, contentsStart, contentsEnd);
  }

  /**
   * The widget's rectangle in default user space: the page's crop box (inherited entries included),
   * measured from its top edge. Rotated pages go the general way.
   */
  private static List<Object> rect(PdfReader pdf, PdfReader.Page page, Visible visible)
      throws UnsupportedPdfException {
    Object rotate = pdf.resolve(pdf.inherited(page.dict(), "Rotate"));
    if (rotate instanceof Num n && n.integer(-3600, 3600) % 360 != 0) {
      throw new UnsupportedPdfException("Rotated page");
    }
    Object box = pdf.resolve(pdf.inherited(page.dict(), "CropBox"));
    if (!(box instanceof List<?>)) {
      box = pdf.resolve(pdf.inherited(page.dict(), "MediaBox"));
    }
    if (!(box instanceof List<?> corners) || corners.size() != 4) {
      throw new UnsupportedPdfException("Page without a usable box");
    }
    double[] c = new double[4];
    for (int i = 0; i < 4; i++) {
      if (!(pdf.resolve(corners.get(i)) instanceof Num n)) {
        throw new UnsupportedPdfException("Page box with a non-number");
      }
      c[i] = Double.parseDouble(n.text());
      if (!(Math.abs(c[i]) <= MAX_COORDINATE)) {
        throw new UnsupportedPdfException("Page box coordinate " + n.text() + " out of range");
      }
    }
    double left = Math.min(c[0], c[2]);
    double right = Math.max(c[0], c[2]);
    double top = Math.max(c[1], c[3]);
    double x =
        visible.fromRight() ? right - visible.left() - visible.width() : left + visible.left();
    double y = top - visible.top() - visible.height();
    return List.of(real(x), real(y), real(x + visible.width()), real(y + visible.height()));
  }

  private static Num real(double value) {
    return new Num(
        java.math.BigDecimal.valueOf(value)
            .setScale(3, java.math.RoundingMode.HALF_UP)
            .stripTrailingZeros()
            .toPlainString());
  }

  /** A PDF date (7.9.4): D:YYYYMMDDHHmmSS+07'00'. */
  static String pdfDate(Instant time, ZoneOffset zone) {
    int seconds = zone.getTotalSeconds();
    int minutes = Math.abs(seconds) / 60;
    String offset =
        seconds == 0
            ? "Z"
            : String.format(
                Locale.ROOT, "%s%02d'%02d'", seconds < 0 ? "-" : "+", minutes / 60, minutes % 60);
    return PDF_DATE.format(time.atOffset(zone)) + offset;
  }

  /**
   * Records the new version of an existing object, under its number and generation. Two changes to
   * one object (a page that is also the form, a /Fields array shared with /Annots) are beyond this
   * writer: the general path takes such files.
   */
  private static void rewrite(Map<Integer, Change> changed, Ref ref, Object value)
      throws UnsupportedPdfException {
    if (changed.putIfAbsent(ref.number(), new Change(ref.generation(), value)) != null) {
      throw new UnsupportedPdfException("Object " + ref.number() + " would change twice");
    }
  }

  /** Consecutive object numbers as {first, count} runs, for /Index and table subsections. */
  private static List<int[]> runs(Set<Integer> numbers) {
    List<int[]> runs = new ArrayList<>();
    for (int n : numbers) {
      int[] last = runs.isEmpty() ? null : runs.get(runs.size() - 1);
      if (last != null && last[0] + last[1] == n) {
        last[1]++;
      } else {
        runs.add(new int[] {n, 1});
      }
    }
    return runs;
  }

  /**
   * The file identifier: the original first part, and a second part that is new for this revision
   * (14.4) but deterministic, so both steps of a two-step signature agree.
   */
  private static List<Object> fileId(Dict trailer, long base, Request request) {
    byte[] first = null;
    if (trailer.get("ID") instanceof List<?> id && !id.isEmpty() && id.get(0) instanceof Str s) {
      first = s.bytes();
    }
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      if (first != null) {
        md.update(first);
      }
      md.update(Long.toString(base).getBytes(StandardCharsets.US_ASCII));
      md.update(request.signingTime().toString().getBytes(StandardCharsets.US_ASCII));
      byte[] second = Arrays.copyOf(md.digest(), 16);
      return List.of(new Str(first != null ? first : second), new Str(second));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A unique top-level field name: Signature1, Signature2, ... */
  private static String fieldName(PdfReader pdf, List<Object> fields)
      throws UnsupportedPdfException {
    Set<String> taken = new HashSet<>();
    for (Object field : fields) {
      if (pdf.resolve(field) instanceof Dict dict && dict.get("T") instanceof Str name) {
        taken.add(name.text());
      }
    }
    for (int i = 1; ; i++) {
      if (!taken.contains("Signature" + i)) {
        return "Signature" + i;
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Object> objects(List<?> list) {
    return (List<Object>) list;
  }
}
