package vn.lienthong.signing.internal.pdf;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.lienthong.signing.internal.pdf.PdfValues.Dict;
import vn.lienthong.signing.internal.pdf.PdfValues.Name;
import vn.lienthong.signing.internal.pdf.PdfValues.Null;
import vn.lienthong.signing.internal.pdf.PdfValues.Num;
import vn.lienthong.signing.internal.pdf.PdfValues.Ref;
import vn.lienthong.signing.internal.pdf.PdfValues.Str;
import vn.lienthong.signing.internal.pdf.PdfValues.Stream;
import vn.lienthong.signing.validation.ChangeAfterSigning;
import vn.lienthong.signing.validation.ChangeAfterSigning.Kind;

/**
 * What the revisions after a signature changed (ISO 32000-1 7.5.6, 12.8): the document as the
 * signature's byte range ends is compared, object by object, with the document as it is now, and
 * every difference is named: pages, their content and resources, annotations, form fields, the
 * catalog's entries, the document information. Later signatures that are intact (DSS checked them)
 * with their own fields and widgets, document timestamps and the DSS/VRI validation data are what
 * PAdES lets follow a signature; they are not changes.
 *
 * <p>The comparison is structural: two objects are the same when their values are, following
 * references on both sides (an object the later revision rewrote identically is no change; one
 * whose bytes are untouched can still reach a changed one). Cost grows with the number of objects
 * reachable from the catalog, never with the bytes of images, and is bounded.
 */
public final class RevisionChanges {

  /** Pairs of objects compared per signature; beyond it the change is "not analysed". */
  private static final int MAX_COMPARISONS = 2_000_000;

  private static final int MAX_DEPTH = 200;
  private static final int MAX_FIELDS = 100_000;
  private static final int MAX_GAP_BYTES = 4 * 1024 * 1024;
  private static final int STREAM_CHUNK = 256 * 1024;

  /** Page attributes that change what the page shows (7.7.3.3, Table 30). */
  private static final Set<String> DISPLAY_PAGE_KEYS =
      Set.of(
          "Type",
          "MediaBox",
          "CropBox",
          "BleedBox",
          "TrimBox",
          "ArtBox",
          "BoxColorInfo",
          "Rotate",
          "Group",
          "UserUnit",
          "VP");

  /** Attributes a page may inherit from its tree nodes (7.7.3.4). */
  private static final List<String> INHERITED =
      List.of("Resources", "MediaBox", "CropBox", "Rotate");

  /** Entries of a field dictionary (12.7.3); a merged field/widget also has annotation entries. */
  private static final Set<String> FIELD_KEYS =
      Set.of(
          "FT", "T", "TU", "TM", "Ff", "V", "DV", "AA", "DA", "Q", "DS", "RV", "Opt", "TI", "I",
          "MaxLen", "Lock", "SV");

  private final PdfReader before;
  private final PdfReader after;
  private final long signedEnd;
  private final Set<List<Long>> intactSignatures;
  private final Map<Long, Boolean> memo = new HashMap<>();
  private final Map<String, ChangeAfterSigning> changes = new LinkedHashMap<>();
  private int comparisons;

  private RevisionChanges(
      PdfReader before, PdfReader after, long signedEnd, Set<List<Long>> intactSignatures) {
    this.before = before;
    this.after = after;
    this.signedEnd = signedEnd;
    this.intactSignatures = intactSignatures;
  }

  /**
   * The changes after the signature whose /ByteRange is {@code byteRange}, in {@code document} (a
   * reader of the whole file). {@code intactSignatures} are the byte ranges of the signatures and
   * document timestamps whose signed bytes and signature value DSS found intact.
   */
  public static List<ChangeAfterSigning> after(
      PdfReader document, List<Long> byteRange, Set<List<Long>> intactSignatures) {
    long end = revisionEnd(document, byteRange);
    if (end < 0) {
      return List.of(ChangeAfterSigning.of(Kind.BYTE_RANGE_INVALID));
    }
    if (onlyWhitespaceAfter(document, end)) {
      return List.of();
    }
    PdfReader before;
    try {
      before = document.revision(end);
    } catch (UnsupportedPdfException e) {
      return List.of(ChangeAfterSigning.of(Kind.BYTE_RANGE_INVALID));
    }
    if (!document.sectionOffsets().contains(before.startXref())) {
      // the newest cross-reference does not lead back to the signed one: what the document shows
      // is built from other sections than the ones that were signed
      return List.of(ChangeAfterSigning.of(Kind.REVISION_NOT_IN_HISTORY));
    }
    RevisionChanges comparison = new RevisionChanges(before, document, end, intactSignatures);
    try {
      comparison.compare();
    } catch (UnsupportedPdfException | RuntimeException e) {
      comparison.add(Kind.NOT_ANALYSED, null, e.getMessage());
    }
    return List.copyOf(comparison.changes.values());
  }

  /**
   * Where the signed revision ends, or -1 when the byte range is not [0, a, b, c] with the gap
   * holding exactly the /Contents hex string and the end just after a %%EOF marker: a signature
   * that leaves bytes outside its range inside its own revision does not sign what is shown.
   */
  static long revisionEnd(PdfReader document, List<Long> range) {
    if (range == null || range.size() != 4 || range.get(0) != 0) {
      return -1;
    }
    long a = range.get(1);
    long b = range.get(2);
    long c = range.get(3);
    if (a <= 0 || b <= a + 1 || c < 0 || b + c > document.size() || b - a > MAX_GAP_BYTES) {
      return -1;
    }
    byte[] gap = document.bytes(a, (int) (b - a));
    if (gap.length != b - a || gap[0] != '<' || gap[gap.length - 1] != '>') {
      return -1;
    }
    for (int i = 1; i < gap.length - 1; i++) {
      if (Character.digit(gap[i], 16) < 0 && !PdfParser.isWhitespace(gap[i])) {
        return -1;
      }
    }
    long end = b + c;
    int tail = (int) Math.min(1024, end);
    String text =
        new String(document.bytes(end - tail, tail), StandardCharsets.ISO_8859_1).stripTrailing();
    return text.endsWith("%%EOF") ? end : -1;
  }

  private static boolean onlyWhitespaceAfter(PdfReader document, long end) {
    long rest = document.size() - end;
    if (rest > 1024) {
      return false;
    }
    for (byte x : document.bytes(end, (int) rest)) {
      if (!PdfParser.isWhitespace(x & 0xff)) {
        return false;
      }
    }
    return true;
  }

  // ------------------------------------------------------------------ the document's parts

  private void compare() throws UnsupportedPdfException {
    if (!same(before.trailer().get("Info"), after.trailer().get("Info"))) {
      add(Kind.DOCUMENT_INFORMATION_CHANGED, null, null);
    }
    if (after.encrypted() != before.encrypted()) {
      add(Kind.PERMISSIONS_CHANGED, null, "Encrypt");
    }
    Dict catalogBefore = before.catalog();
    Dict catalogAfter = after.catalog();
    comparePages();
    compareForm(
        before.resolve(catalogBefore.get("AcroForm")), after.resolve(catalogAfter.get("AcroForm")));
    for (String key : keys(catalogBefore, catalogAfter)) {
      switch (key) {
        case "Pages", "AcroForm" -> {
          // compared above, page by page and field by field
        }
        case "DSS", "Extensions" -> {
          // validation data (ETSI EN 319 142-1 5.4) and the extension level it declares
        }
        case "Names" -> compareNames(catalogBefore.get(key), catalogAfter.get(key));
        default -> {
          if (!same(catalogBefore.get(key), catalogAfter.get(key))) {
            add(catalogKind(key), null, key);
          }
        }
      }
    }
  }

  private static Kind catalogKind(String key) {
    return switch (key) {
      case "OpenAction", "AA" -> Kind.ACTION_CHANGED;
      case "OCProperties" -> Kind.LAYERS_CHANGED;
      case "Collection", "NeedsRendering", "Type" -> Kind.DOCUMENT_VIEW_CHANGED;
      case "Metadata" -> Kind.METADATA_CHANGED;
      case "Perms" -> Kind.PERMISSIONS_CHANGED;
      default -> Kind.CATALOG_CHANGED;
    };
  }

  private void compareNames(Object namesBefore, Object namesAfter) throws UnsupportedPdfException {
    Dict a = before.resolve(namesBefore) instanceof Dict d ? d : new Dict();
    Dict b = after.resolve(namesAfter) instanceof Dict d ? d : new Dict();
    for (String key : keys(a, b)) {
      if (!same(a.get(key), b.get(key))) {
        add(
            switch (key) {
              case "JavaScript" -> Kind.ACTION_CHANGED;
              case "EmbeddedFiles" -> Kind.ATTACHMENT_CHANGED;
              default -> Kind.CATALOG_CHANGED;
            },
            null,
            "Names/" + key);
      }
    }
  }

  private void comparePages() throws UnsupportedPdfException {
    List<PdfReader.Page> pagesBefore = before.pages();
    List<PdfReader.Page> pagesAfter = after.pages();
    Map<Integer, Integer> indexAfter = new HashMap<>();
    for (int j = 0; j < pagesAfter.size(); j++) {
      indexAfter.put(pagesAfter.get(j).ref().number(), j);
    }
    Set<Integer> kept = new HashSet<>();
    int lastIndex = -1;
    boolean reordered = false;
    for (int i = 0; i < pagesBefore.size(); i++) {
      PdfReader.Page page = pagesBefore.get(i);
      Integer j = indexAfter.get(page.ref().number());
      if (j == null) {
        add(Kind.PAGE_REMOVED, i + 1, null);
        continue;
      }
      kept.add(page.ref().number());
      reordered |= j < lastIndex;
      lastIndex = j;
      comparePage(page, pagesAfter.get(j), j + 1);
    }
    for (int j = 0; j < pagesAfter.size(); j++) {
      if (!kept.contains(pagesAfter.get(j).ref().number())) {
        add(Kind.PAGE_ADDED, j + 1, null);
      }
    }
    if (reordered) {
      add(Kind.PAGES_REORDERED, null, null);
    }
  }

  private void comparePage(PdfReader.Page a, PdfReader.Page b, int page)
      throws UnsupportedPdfException {
    Set<String> keys = keys(a.dict(), b.dict());
    keys.addAll(INHERITED);
    for (String key : keys) {
      if (key.equals("Parent") || key.equals("Annots")) {
        continue;
      }
      Object x = INHERITED.contains(key) ? before.inherited(a.dict(), key) : a.dict().get(key);
      Object y = INHERITED.contains(key) ? after.inherited(b.dict(), key) : b.dict().get(key);
      if (!same(x, y)) {
        Kind kind =
            switch (key) {
              case "Contents" -> Kind.PAGE_CONTENT_CHANGED;
              case "Resources" -> Kind.PAGE_RESOURCES_CHANGED;
              case "AA" -> Kind.ACTION_CHANGED;
              default ->
                  DISPLAY_PAGE_KEYS.contains(key)
                      ? Kind.PAGE_ATTRIBUTES_CHANGED
                      : Kind.PAGE_ENTRY_CHANGED;
            };
        boolean named = kind != Kind.PAGE_CONTENT_CHANGED && kind != Kind.PAGE_RESOURCES_CHANGED;
        add(kind, page, named ? key : null);
      }
    }
    compareAnnotations(a, b, page);
  }

  private void compareAnnotations(PdfReader.Page a, PdfReader.Page b, int page)
      throws UnsupportedPdfException {
    Map<Object, Object> annotsBefore = annotations(before, a);
    Map<Object, Object> annotsAfter = annotations(after, b);
    for (Map.Entry<Object, Object> e : annotsBefore.entrySet()) {
      Object later = annotsAfter.get(e.getKey());
      if (later == null) {
        add(Kind.ANNOTATION_REMOVED, page, subtype(before, e.getValue()));
      } else if (!sameAnnotation(e.getValue(), later)) {
        Dict widget = before.resolve(e.getValue()) instanceof Dict d ? d : null;
        boolean wasEmptySignature =
            widget != null && isSignatureField(before, widget) && value(before, widget) == null;
        if (!(wasEmptySignature && signedLater(after, later))) {
          add(
              widget != null && isSignatureField(before, widget)
                  ? Kind.SIGNATURE_CHANGED
                  : Kind.ANNOTATION_CHANGED,
              page,
              subtype(after, later));
        }
      }
    }
    for (Map.Entry<Object, Object> e : annotsAfter.entrySet()) {
      if (annotsBefore.containsKey(e.getKey())) {
        continue;
      }
      Object annot = e.getValue();
      Dict dict = after.resolve(annot) instanceof Dict d ? d : null;
      if (dict == null || !isSignatureField(after, dict)) {
        add(Kind.ANNOTATION_ADDED, page, subtype(after, annot));
      } else if (value(after, dict) == null) {
        add(
            visible(dict)
                ? Kind.VISIBLE_EMPTY_SIGNATURE_FIELD_ADDED
                : Kind.EMPTY_SIGNATURE_FIELD_ADDED,
            page,
            fieldName(after, dict));
      } else if (!signedLater(after, annot)) {
        // a widget that claims a signature DSS did not find intact paints what it likes
        add(Kind.ANNOTATION_ADDED, page, "unsigned signature widget");
      }
    }
  }

  /**
   * Whether an annotation is the same, leaving a widget's field entries (its value above all) to
   * the comparison of fields: a text field and its widget are often one dictionary, and a value
   * changed without a new appearance does not change what the page shows.
   */
  private boolean sameAnnotation(Object x, Object y) throws UnsupportedPdfException {
    if (before.resolve(x) instanceof Dict a
        && after.resolve(y) instanceof Dict b
        && a.isName("Subtype", "Widget")
        && b.isName("Subtype", "Widget")) {
      for (String key : keys(a, b)) {
        if (!FIELD_KEYS.contains(key)
            && !key.equals("Kids")
            && !backPointer(a, key)
            && !same(a.get(key), b.get(key))) {
          return false;
        }
      }
      return true;
    }
    return same(x, y);
  }

  /** The page's annotations by object number (direct ones by position). */
  private static Map<Object, Object> annotations(PdfReader pdf, PdfReader.Page page)
      throws UnsupportedPdfException {
    Map<Object, Object> annots = new LinkedHashMap<>();
    if (pdf.resolve(page.dict().get("Annots")) instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        Object annot = list.get(i);
        annots.put(annot instanceof Ref ref ? (Object) ref.number() : "direct " + i, annot);
      }
    }
    return annots;
  }

  private void compareForm(Object formBefore, Object formAfter) throws UnsupportedPdfException {
    Dict a = formBefore instanceof Dict d ? d : new Dict();
    Dict b = formAfter instanceof Dict d ? d : new Dict();
    for (String key : keys(a, b)) {
      switch (key) {
        case "Fields" -> compareFields(a.get(key), b.get(key));
        case "SigFlags" -> {
          // set by every signature (12.7.2)
        }
        case "NeedAppearances", "XFA" -> {
          if (!same(a.get(key), b.get(key))) {
            add(Kind.FORM_APPEARANCE_CHANGED, null, key);
          }
        }
        default -> {
          if (!same(a.get(key), b.get(key))) {
            add(Kind.FORM_DEFAULTS_CHANGED, null, key);
          }
        }
      }
    }
  }

  private void compareFields(Object fieldsBefore, Object fieldsAfter)
      throws UnsupportedPdfException {
    Map<Object, Dict> a = fields(before, fieldsBefore);
    Map<Object, Dict> b = fields(after, fieldsAfter);
    for (Map.Entry<Object, Dict> e : a.entrySet()) {
      Dict later = b.get(e.getKey());
      String name = fieldName(before, e.getValue());
      if (later == null) {
        add(Kind.FORM_FIELD_REMOVED, null, name);
        continue;
      }
      Dict field = e.getValue();
      if (isSignatureField(before, field)) {
        Object was = value(before, field);
        Object now = value(after, later);
        if (was == null && now != null) {
          if (!signedLater(after, later)) {
            add(Kind.FORM_FIELD_CHANGED, null, name);
          }
        } else if (!same(was, now)) {
          add(Kind.SIGNATURE_CHANGED, null, name);
        }
      } else if (!same(field.get("V"), later.get("V"))) {
        add(Kind.FORM_FIELD_VALUE_CHANGED, null, name);
      }
      for (String key : FIELD_KEYS) {
        if (!key.equals("V") && !same(field.get(key), later.get(key))) {
          add(key.equals("AA") ? Kind.ACTION_CHANGED : Kind.FORM_FIELD_CHANGED, null, name);
        }
      }
    }
    for (Map.Entry<Object, Dict> e : b.entrySet()) {
      if (a.containsKey(e.getKey())) {
        continue;
      }
      Dict field = e.getValue();
      String name = fieldName(after, field);
      if (!isSignatureField(after, field)) {
        add(Kind.FORM_FIELD_ADDED, null, name);
      } else if (value(after, field) == null) {
        add(Kind.EMPTY_SIGNATURE_FIELD_ADDED, null, name);
      } else if (!signedLater(after, field)) {
        add(Kind.FORM_FIELD_ADDED, null, name);
      }
    }
  }

  /** The terminal fields of the form (12.7.3.1), by object number. */
  private static Map<Object, Dict> fields(PdfReader pdf, Object roots)
      throws UnsupportedPdfException {
    Map<Object, Dict> fields = new LinkedHashMap<>();
    if (!(pdf.resolve(roots) instanceof List<?> list)) {
      return fields;
    }
    Deque<Object> todo = new ArrayDeque<>(list);
    Set<Integer> seen = new HashSet<>();
    int direct = 0;
    while (!todo.isEmpty()) {
      Object item = todo.pop();
      if (item instanceof Ref ref && !seen.add(ref.number())) {
        continue;
      }
      if (seen.size() + direct > MAX_FIELDS) {
        throw new UnsupportedPdfException("More than " + MAX_FIELDS + " form fields");
      }
      if (!(pdf.resolve(item) instanceof Dict field)) {
        continue;
      }
      boolean hasChildFields = false;
      if (pdf.resolve(field.get("Kids")) instanceof List<?> kids) {
        for (Object kid : kids) {
          if (pdf.resolve(kid) instanceof Dict k && k.has("T")) {
            hasChildFields = true;
            todo.push(kid);
          }
        }
      }
      if (!hasChildFields) {
        fields.put(item instanceof Ref ref ? (Object) ref.number() : "direct " + direct++, field);
      }
    }
    return fields;
  }

  // ------------------------------------------------------------------ signatures

  /** A signature field, by its own /FT or the one it inherits (12.7.3.1). */
  private static boolean isSignatureField(PdfReader pdf, Dict dict) throws UnsupportedPdfException {
    Object type = inheritedField(pdf, dict, "FT");
    return type instanceof Name name && name.raw().equals("Sig");
  }

  /** The field's value (its signature dictionary), or null when the field is empty. */
  private static Object value(PdfReader pdf, Dict dict) throws UnsupportedPdfException {
    Object value = pdf.resolve(inheritedField(pdf, dict, "V"));
    return value == null || value == Null.NULL ? null : value;
  }

  private static Object inheritedField(PdfReader pdf, Dict dict, String key)
      throws UnsupportedPdfException {
    Dict node = dict;
    for (int depth = 0; depth < ReadLimits.MAX_NESTING && node != null; depth++) {
      if (node.has(key)) {
        return pdf.resolve(node.get(key));
      }
      node = pdf.resolve(node.get("Parent")) instanceof Dict parent ? parent : null;
    }
    return null;
  }

  /**
   * Whether the field or widget holds a signature of a later revision that DSS found intact: the
   * one kind of new field and widget PAdES lets follow a signature.
   */
  private boolean signedLater(PdfReader pdf, Object fieldOrWidget) throws UnsupportedPdfException {
    if (!(pdf.resolve(fieldOrWidget) instanceof Dict dict)
        || !(value(pdf, dict) instanceof Dict signature)
        || !(pdf.resolve(signature.get("ByteRange")) instanceof List<?> range)) {
      return false;
    }
    List<Long> numbers = new ArrayList<>(4);
    for (Object n : range) {
      if (!(pdf.resolve(n) instanceof Num num)) {
        return false;
      }
      numbers.add(num.integer(0, Long.MAX_VALUE));
    }
    long end = revisionEnd(pdf, numbers);
    return end > signedEnd && intactSignatures.contains(numbers);
  }

  private static boolean visible(Dict widget) {
    if (!(widget.get("Rect") instanceof List<?> rect) || rect.size() != 4) {
      return false;
    }
    try {
      BigDecimal width = number(rect.get(2)).subtract(number(rect.get(0))).abs();
      BigDecimal height = number(rect.get(3)).subtract(number(rect.get(1))).abs();
      return width.signum() > 0 && height.signum() > 0 && widget.has("AP");
    } catch (NumberFormatException | ClassCastException e) {
      return true; // not readable as an invisible one
    }
  }

  private static BigDecimal number(Object value) {
    return new BigDecimal(((Num) value).text());
  }

  private static String subtype(PdfReader pdf, Object annot) throws UnsupportedPdfException {
    return pdf.resolve(annot) instanceof Dict d && d.get("Subtype") instanceof Name n
        ? n.raw()
        : null;
  }

  private static String fieldName(PdfReader pdf, Dict field) throws UnsupportedPdfException {
    List<String> parts = new ArrayList<>();
    Dict node = field;
    for (int depth = 0; depth < ReadLimits.MAX_NESTING && node != null; depth++) {
      if (node.get("T") instanceof Str t) {
        parts.add(0, t.text());
      }
      node = pdf.resolve(node.get("Parent")) instanceof Dict parent ? parent : null;
    }
    return parts.isEmpty() ? null : String.join(".", parts);
  }

  // ------------------------------------------------------------------ structural comparison

  /** Whether value {@code x} of the signed revision and {@code y} of the document are the same. */
  private boolean same(Object x, Object y) throws UnsupportedPdfException {
    return same(x, y, 0);
  }

  private boolean same(Object x, Object y, int depth) throws UnsupportedPdfException {
    if (depth > MAX_DEPTH) {
      throw new UnsupportedPdfException("Objects nested too deep to compare");
    }
    if (Thread.currentThread().isInterrupted()) {
      throw new UnsupportedPdfException("Interrupted");
    }
    if (x instanceof Ref rx && y instanceof Ref ry) {
      long key = (long) rx.number() << 32 | ry.number();
      Boolean known = memo.get(key);
      if (known != null) {
        return known;
      }
      if (++comparisons > MAX_COMPARISONS) {
        throw new UnsupportedPdfException("More than " + MAX_COMPARISONS + " objects to compare");
      }
      memo.put(key, Boolean.TRUE); // assumed while comparing, so cycles end (bisimulation)
      boolean result;
      if (rx.equals(ry) && untouched(rx.number())) {
        // the same bytes in both revisions: only objects it refers to can differ
        result = referencesSame(after.object(ry), depth);
      } else {
        result = sameValue(before.object(rx), after.object(ry), depth);
      }
      memo.put(key, result);
      return result;
    }
    Object vx = x instanceof Ref rx ? before.object(rx) : x;
    Object vy = y instanceof Ref ry ? after.object(ry) : y;
    return sameValue(vx, vy, depth);
  }

  /** The cross-reference entry of {@code number} is the same in both revisions (7.5.8.3). */
  private boolean untouched(int number) throws UnsupportedPdfException {
    PdfReader.Entry a = before.entry(number);
    PdfReader.Entry b = after.entry(number);
    if (a == null || !a.equals(b)) {
      return false;
    }
    // an object inside an object stream changes with its stream
    return a.type() != 2 || a.second() == number || untouched((int) a.second());
  }

  private boolean referencesSame(Object value, int depth) throws UnsupportedPdfException {
    if (value instanceof Ref ref) {
      return same(ref, ref, depth + 1);
    }
    if (value instanceof Dict dict) {
      for (Map.Entry<String, Object> e : dict.entries().entrySet()) {
        if (!backPointer(dict, e.getKey()) && !referencesSame(e.getValue(), depth + 1)) {
          return false;
        }
      }
      return true;
    }
    if (value instanceof Stream stream) {
      return referencesSame(stream.dict(), depth);
    }
    if (value instanceof List<?> list) {
      for (Object item : list) {
        if (!referencesSame(item, depth + 1)) {
          return false;
        }
      }
    }
    return true;
  }

  private boolean sameValue(Object x, Object y, int depth) throws UnsupportedPdfException {
    if (x == null || y == null) {
      return isNull(x) && isNull(y);
    }
    if (x instanceof Dict a && y instanceof Dict b) {
      for (String key : keys(a, b)) {
        if (!backPointer(a, key) && !same(a.get(key), b.get(key), depth + 1)) {
          return false;
        }
      }
      return true;
    }
    if (x instanceof Stream a && y instanceof Stream b) {
      return sameValue(a.dict(), b.dict(), depth) && sameData(a, b);
    }
    if (x instanceof List<?> a && y instanceof List<?> b) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!same(a.get(i), b.get(i), depth + 1)) {
          return false;
        }
      }
      return true;
    }
    if (x instanceof Num a && y instanceof Num b) {
      return a.text().equals(b.text()) || numeric(a).compareTo(numeric(b)) == 0;
    }
    if (x instanceof Str a && y instanceof Str b) {
      return Arrays.equals(a.bytes(), b.bytes());
    }
    return x.equals(y);
  }

  private static boolean isNull(Object value) {
    return value == null || value == Null.NULL;
  }

  private static BigDecimal numeric(Num n) {
    try {
      return new BigDecimal(n.text().startsWith("+") ? n.text().substring(1) : n.text());
    } catch (NumberFormatException e) {
      return BigDecimal.valueOf(Long.MIN_VALUE);
    }
  }

  /**
   * Keys that point back up a tree: a page's or field's /Parent, an annotation's page (/P). The
   * trees are compared from their roots, so these would only lead everywhere again.
   */
  private static boolean backPointer(Dict dict, String key) {
    return key.equals("Parent") || key.equals("P") && (dict.has("Subtype") || dict.has("S"));
  }

  private boolean sameData(Stream a, Stream b) {
    if (a.dataLength() != b.dataLength()) {
      return false;
    }
    if (a.dataOffset() == b.dataOffset()) {
      return true; // the revisions share one file: the same bytes
    }
    for (long done = 0; done < a.dataLength(); done += STREAM_CHUNK) {
      int n = (int) Math.min(STREAM_CHUNK, a.dataLength() - done);
      if (!Arrays.equals(
          before.bytes(a.dataOffset() + done, n), after.bytes(b.dataOffset() + done, n))) {
        return false;
      }
    }
    return true;
  }

  private static Set<String> keys(Dict a, Dict b) {
    Set<String> keys = new LinkedHashSet<>(a.entries().keySet());
    keys.addAll(b.entries().keySet());
    return keys;
  }

  private void add(Kind kind, Integer page, String detail) {
    ChangeAfterSigning change = new ChangeAfterSigning(kind, page, detail);
    changes.putIfAbsent(change.description(), change);
  }
}
