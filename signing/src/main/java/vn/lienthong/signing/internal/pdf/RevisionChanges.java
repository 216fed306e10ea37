package vn.lienthong.signing.internal.pdf;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
 * catalog's entries, the document information. Later signatures that DSS found intact, each with
 * its own field and one widget written in its own revision, document timestamps and the DSS/VRI
 * validation data are what PAdES lets follow a signature; they are not changes.
 *
 * <p>The comparison is structural: two objects are the same when their values are, following
 * references on both sides (an object the later revision rewrote identically is no change; one
 * whose bytes are untouched can still reach a changed one). Cost grows with the number of objects
 * reachable from the catalog, never with the bytes of images, and is bounded.
 */
public final class RevisionChanges {

  private static final Logger LOG = LoggerFactory.getLogger(RevisionChanges.class);

  /** Pairs of objects compared per signature; beyond it the change is "not analysed". */
  private static final int MAX_COMPARISONS = 2_000_000;

  private static final int MAX_DEPTH = 200;
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

  /**
   * Entries of an annotation that point elsewhere in the document and are compared there: a
   * widget's field (/Parent, /Kids) by the field tree, the page (/P) by the page tree, a pop-up's
   * annotation (/Parent) where it is on its page.
   */
  private static final Set<String> WIDGET_LINKS = Set.of("Parent", "Kids", "P");

  /** What a later signature may set when it signs a field that was empty: its value, its look. */
  private static final Set<String> SIGNING_SETS = Set.of("V", "AP", "AS");

  /** The signatures and document timestamps of the document, as DSS judged them. */
  public record Signatures(Set<List<Long>> intact, Set<List<Long>> passed) {

    /** Each of {@code ranges} intact and passed: for tests and fuzzing. */
    public static Signatures allOf(Set<List<Long>> ranges) {
      return new Signatures(ranges, ranges);
    }
  }

  private final PdfReader before;
  private final PdfReader after;
  private final long signedEnd;
  private final Signatures signatures;
  private final Map<String, ChangeAfterSigning> changes = new LinkedHashMap<>();
  private final Map<Long, RevisionChanges> laterRevisions = new HashMap<>();
  private final Map<Integer, Integer> claims = new HashMap<>();
  private boolean regeneratedAppearances;
  private int forbiddingPermission;

  // the comparison's memory: results known for good, pairs being compared now (assumed the same
  // while they are), and results that hold only if a pair still being compared turns out the same
  private final Map<Pair, Boolean> known = new HashMap<>();
  private final Map<Pair, Integer> comparing = new HashMap<>();
  private final List<Pair> tentative = new ArrayList<>();
  private int lowest = Integer.MAX_VALUE;
  private int comparisons;

  private record Pair(Ref a, Ref b) {}

  private RevisionChanges(
      PdfReader before, PdfReader after, long signedEnd, Signatures signatures) {
    this.before = before;
    this.after = after;
    this.signedEnd = signedEnd;
    this.signatures = signatures;
  }

  /**
   * The changes after the signature whose /ByteRange is {@code byteRange}, in {@code document} (a
   * reader of the whole file), given which signatures and document timestamps DSS found intact
   * (signed bytes and signature value) and which it passed.
   */
  public static List<ChangeAfterSigning> after(
      PdfReader document, List<Long> byteRange, Signatures signatures) {
    try {
      return afterOrThrow(document, byteRange, signatures);
    } catch (RuntimeException | StackOverflowError e) {
      // a case the comparison should have handled (the fuzz tests look for them): the signature
      // cannot pass on a comparison that did not finish
      LOG.warn("Comparing revisions failed: {}", e.toString());
      return List.of(new ChangeAfterSigning(Kind.NOT_ANALYSED, null, e.getClass().getSimpleName()));
    }
  }

  /** As {@link #after}, but a RuntimeException of the comparison itself propagates (fuzz tests). */
  public static List<ChangeAfterSigning> afterOrThrow(
      PdfReader document, List<Long> byteRange, Signatures signatures) {
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
    RevisionChanges comparison = new RevisionChanges(before, document, end, signatures);
    comparison.compare(byteRange);
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

  /** One part that cannot be read leaves the others compared, so a display change still shows. */
  private interface Part {
    void compare() throws UnsupportedPdfException;
  }

  private void part(String name, Part part) {
    try {
      part.compare();
    } catch (UnsupportedPdfException e) {
      add(Kind.NOT_ANALYSED, null, name + ": " + e.getMessage());
      // what was assumed while the part was being compared held for nothing
      comparing.clear();
      tentative.clear();
      lowest = Integer.MAX_VALUE;
    }
  }

  private void compare(List<Long> byteRange) {
    part("permissions", () -> forbiddingPermission = permissionOf(byteRange));
    part("form", () -> regeneratedAppearances = redrawn(before) || redrawn(after));
    part("pages", this::comparePages);
    part("form", () -> compareForm(form(before), form(after)));
    part("catalog", this::compareCatalog);
    part(
        "document information",
        () -> {
          if (!same(before.trailer().get("Info"), after.trailer().get("Info"))) {
            add(Kind.DOCUMENT_INFORMATION_CHANGED, null, null);
          }
        });
    if (after.encrypted() != before.encrypted()) {
      add(Kind.PERMISSIONS_CHANGED, null, "Encrypt");
    }
  }

  private static Object form(PdfReader pdf) throws UnsupportedPdfException {
    return pdf.resolve(pdf.catalog().get("AcroForm"));
  }

  /** NeedAppearances: the viewer draws the fields again from their values and the form's fonts. */
  private static boolean redrawn(PdfReader pdf) throws UnsupportedPdfException {
    return form(pdf) instanceof Dict form
        && pdf.resolve(form.get("NeedAppearances")) == Boolean.TRUE;
  }

  private void compareCatalog() throws UnsupportedPdfException {
    Dict catalogBefore = before.catalog();
    Dict catalogAfter = after.catalog();
    for (String key : keys(catalogBefore, catalogAfter)) {
      switch (key) {
        case "Pages", "AcroForm" -> {
          // compared page by page and field by field
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
      int pageNumber = j + 1;
      PdfReader.Page later = pagesAfter.get(j);
      part("page " + pageNumber, () -> comparePage(page, later, pageNumber));
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
        continue; // the tree is walked from its root; annotations one by one below
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
    List<Object> orderBefore = new ArrayList<>();
    for (Map.Entry<Object, Object> e : annotsBefore.entrySet()) {
      Object later = annotsAfter.get(e.getKey());
      if (later == null) {
        add(Kind.ANNOTATION_REMOVED, page, subtype(before, e.getValue()));
        continue;
      }
      orderBefore.add(e.getKey());
      Dict was = before.resolve(e.getValue()) instanceof Dict d ? d : null;
      boolean wasEmptySignature =
          was != null && isSignatureWidget(before, was) && value(before, was) == null;
      if (wasEmptySignature && signedLater(after, later)) {
        // a later signature signed this empty field: it may set the value and the look, which
        // stays inside the field's rectangle, and nothing else
        if (!sameAnnotation(e.getValue(), later, SIGNING_SETS)) {
          add(Kind.SIGNATURE_CHANGED, page, fieldName(after, after.dict(later, "A widget")));
        }
      } else if (!sameAnnotation(e.getValue(), later, Set.of())) {
        add(
            was != null && isSignatureField(before, was)
                ? Kind.SIGNATURE_CHANGED
                : Kind.ANNOTATION_CHANGED,
            page,
            subtype(after, later));
      }
    }
    List<Object> orderAfter = new ArrayList<>(annotsAfter.keySet());
    orderAfter.retainAll(orderBefore);
    if (!orderAfter.equals(orderBefore)) {
      // annotations are drawn in their order: one moved above another shows differently
      add(Kind.ANNOTATION_CHANGED, page, "order");
    }
    for (Map.Entry<Object, Object> e : annotsAfter.entrySet()) {
      if (annotsBefore.containsKey(e.getKey())) {
        continue;
      }
      Object annot = e.getValue();
      Dict dict = after.resolve(annot) instanceof Dict d ? d : null;
      if (dict == null || !isSignatureWidget(after, dict)) {
        add(Kind.ANNOTATION_ADDED, page, subtype(after, annot));
      } else if (value(after, dict) == null) {
        add(
            visible(dict)
                ? Kind.VISIBLE_EMPTY_SIGNATURE_FIELD_ADDED
                : Kind.EMPTY_SIGNATURE_FIELD_ADDED,
            page,
            fieldName(after, dict));
      } else if (!signedLater(after, annot)) {
        // a widget that claims a signature DSS did not find intact (or passed, when the widget
        // can be seen), or that its signature did not write, paints what it likes
        add(Kind.ANNOTATION_ADDED, page, "signature widget of no valid later signature");
      }
    }
  }

  /**
   * Whether an annotation is the same. Its links to its page (/P) and to its parent (a widget's
   * field, a pop-up's annotation) are compared where those are, and so are a widget's field entries
   * (a text field and its widget are often one dictionary, and a value changed without a new
   * appearance does not change what the page shows), as are the entries {@code allowed} to change.
   */
  private boolean sameAnnotation(Object x, Object y, Set<String> allowed)
      throws UnsupportedPdfException {
    if (!(before.resolve(x) instanceof Dict a) || !(after.resolve(y) instanceof Dict b)) {
      return same(x, y);
    }
    boolean widget = a.isName("Subtype", "Widget") && b.isName("Subtype", "Widget");
    for (String key : keys(a, b)) {
      if (WIDGET_LINKS.contains(key) || allowed.contains(key)) {
        continue;
      }
      if (widget && FIELD_KEYS.contains(key)) {
        continue;
      }
      if (!same(a.get(key), b.get(key))) {
        return false;
      }
    }
    return true;
  }

  /** The page's annotations by object number (direct ones by position). */
  private static Map<Object, Object> annotations(PdfReader pdf, PdfReader.Page page)
      throws UnsupportedPdfException {
    Map<Object, Object> annots = new LinkedHashMap<>();
    if (pdf.resolve(page.dict().get("Annots")) instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        Object annot = list.get(i);
        annots.putIfAbsent(annot instanceof Ref ref ? (Object) ref.number() : "direct " + i, annot);
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
            // with appearances redrawn by the viewer, the form's fonts and defaults are shown
            add(
                regeneratedAppearances ? Kind.FORM_APPEARANCE_CHANGED : Kind.FORM_DEFAULTS_CHANGED,
                null,
                key);
          }
        }
      }
    }
  }

  private void compareFields(Object fieldsBefore, Object fieldsAfter)
      throws UnsupportedPdfException {
    Map<Object, Object> a = fields(before, fieldsBefore);
    Map<Object, Object> b = fields(after, fieldsAfter);
    for (Map.Entry<Object, Object> e : a.entrySet()) {
      Dict field = before.dict(e.getValue(), "A field");
      String name = fieldName(before, field);
      Object laterItem = b.get(e.getKey());
      if (laterItem == null) {
        add(Kind.FORM_FIELD_REMOVED, null, name);
        continue;
      }
      Dict later = after.dict(laterItem, "A field");
      if (isSignatureField(before, field)) {
        Object was = before.resolve(field.get("V"));
        Object now = after.resolve(later.get("V"));
        if (isNull(was) && !isNull(now)) {
          if (!signedLater(after, laterItem)) {
            add(Kind.FORM_FIELD_CHANGED, null, name);
          } else if (forbiddingPermission == 1 && !isTimestamp(now)) {
            add(Kind.FORBIDDEN_BY_CERTIFICATION, null, name);
          }
        } else if (!same(field.get("V"), later.get("V"))) {
          add(Kind.SIGNATURE_CHANGED, null, name);
        }
      } else if (!same(field.get("V"), later.get("V"))) {
        // a value shows when the viewer redraws fields (NeedAppearances), else only its widget's
        // appearance shows, which the page comparison looks at
        add(
            regeneratedAppearances ? Kind.FORM_APPEARANCE_CHANGED : Kind.FORM_FIELD_VALUE_CHANGED,
            null,
            name);
      }
      for (String key : FIELD_KEYS) {
        if (!key.equals("V") && !same(field.get(key), later.get(key))) {
          add(key.equals("AA") ? Kind.ACTION_CHANGED : Kind.FORM_FIELD_CHANGED, null, name);
        }
      }
      if (!kidsOnlyGrew(field, later)) {
        add(Kind.FORM_FIELD_CHANGED, null, name);
      }
    }
    for (Map.Entry<Object, Object> e : b.entrySet()) {
      if (a.containsKey(e.getKey())) {
        continue;
      }
      Dict field = after.dict(e.getValue(), "A field");
      String name = fieldName(after, field);
      if (!isSignatureField(after, field)) {
        add(Kind.FORM_FIELD_ADDED, null, name);
      } else if (isNull(after.resolve(field.get("V")))) {
        if (field.has("T")) {
          add(Kind.EMPTY_SIGNATURE_FIELD_ADDED, null, name);
        }
      } else if (!signedLater(after, e.getValue())) {
        add(Kind.FORM_FIELD_ADDED, null, name);
      } else if (forbiddingPermission == 1 && !isTimestamp(after.resolve(field.get("V")))) {
        add(Kind.FORBIDDEN_BY_CERTIFICATION, null, name);
      }
    }
  }

  /**
   * A document timestamp (ETSI EN 319 142-1 5.4.3): like validation data, what PAdES lets follow
   * even a certification that allows no changes.
   */
  private static boolean isTimestamp(Object signature) {
    return signature instanceof Dict d && d.isName("Type", "DocTimeStamp");
  }

  /**
   * The field's kids are the same objects, in the same order, with perhaps new ones after them:
   * each kid is compared as a field of its own, so only which kids there are matters here.
   */
  private boolean kidsOnlyGrew(Dict field, Dict later) throws UnsupportedPdfException {
    List<Object> was = kidKeys(before, field);
    List<Object> now = kidKeys(after, later);
    return now.size() >= was.size() && now.subList(0, was.size()).equals(was);
  }

  private static List<Object> kidKeys(PdfReader pdf, Dict field) throws UnsupportedPdfException {
    List<Object> keys = new ArrayList<>();
    if (pdf.resolve(field.get("Kids")) instanceof List<?> kids) {
      for (int i = 0; i < kids.size(); i++) {
        keys.add(kids.get(i) instanceof Ref ref ? (Object) ref.number() : "direct " + i);
      }
    }
    return keys;
  }

  /**
   * Every node of the form's field tree, by object number: a parent's value or flags are inherited
   * by its kids, so they are compared as much as a terminal field's.
   */
  private static Map<Object, Object> fields(PdfReader pdf, Object roots)
      throws UnsupportedPdfException {
    return FieldTree.nodes(pdf, roots);
  }

  // ------------------------------------------------------------------ signatures

  /** A signature field, by its own /FT or the one it inherits (12.7.3.1). */
  private static boolean isSignatureField(PdfReader pdf, Dict dict) throws UnsupportedPdfException {
    Object type = inheritedField(pdf, dict, "FT");
    return type instanceof Name name && name.raw().equals("Sig");
  }

  private static boolean isSignatureWidget(PdfReader pdf, Dict dict)
      throws UnsupportedPdfException {
    return dict.isName("Subtype", "Widget") && isSignatureField(pdf, dict);
  }

  /** The field's value (its signature dictionary), or null when the field is empty. */
  private static Object value(PdfReader pdf, Dict dict) throws UnsupportedPdfException {
    Object value = pdf.resolve(inheritedField(pdf, dict, "V"));
    return isNull(value) ? null : value;
  }

  private static Object inheritedField(PdfReader pdf, Dict dict, String key)
      throws UnsupportedPdfException {
    Dict node = dict;
    for (int depth = 0; depth < ReadLimits.MAX_NESTING && node != null; depth++) {
      if (node.has(key)) {
        return node.get(key);
      }
      node = pdf.resolve(node.get("Parent")) instanceof Dict parent ? parent : null;
    }
    return null;
  }

  /**
   * Whether the field or widget holds a signature of a later revision that the document may have:
   * DSS found it intact (and passed it, when the widget can be seen: a visible widget of a failed
   * signature paints over the page), its signature dictionary is claimed by this one widget only,
   * and the widget was written in that signature's own revision and not changed since, so its
   * signer signed what it shows. A document timestamp's widget is the same kind of thing.
   */
  private boolean signedLater(PdfReader pdf, Object fieldOrWidget) throws UnsupportedPdfException {
    if (!(pdf.resolve(fieldOrWidget) instanceof Dict dict)
        || !(inheritedField(pdf, dict, "V") instanceof Ref signatureRef)
        || !(pdf.object(signatureRef) instanceof Dict signature)
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
    boolean visible = dict.isName("Subtype", "Widget") && visible(dict);
    if (end <= signedEnd
        || !signatures.intact().contains(numbers)
        || visible && !signatures.passed().contains(numbers)) {
      return false;
    }
    if (dict.isName("Subtype", "Widget")) {
      if (!(fieldOrWidget instanceof Ref widget) || !writtenBy(widget, end)) {
        return false;
      }
      // one widget per signature: a second widget claiming it is an annotation like any other
      Integer claimed = claims.putIfAbsent(signatureRef.number(), widget.number());
      return claimed == null || claimed == widget.number();
    }
    return true;
  }

  /**
   * The widget exists in the revision ending at {@code end} as it is in the whole document (a later
   * update may write it again, as PDFBox does when it adds validation data, but not change it).
   */
  private boolean writtenBy(Ref widget, long end) throws UnsupportedPdfException {
    RevisionChanges since = laterRevisions.get(end);
    if (since == null) {
      since = new RevisionChanges(after.revision(end), after, end, signatures);
      laterRevisions.put(end, since);
    }
    return since.before.object(widget) instanceof Dict
        && since.sameAnnotation(widget, widget, Set.of());
  }

  /**
   * The DocMDP permission of the signature being judged when it certifies the document (1: no
   * changes, not even another signature), or 0 when it does not; a /Lock of its own field with
   * permission 1 counts the same (PDF 2.0).
   */
  private int permissionOf(List<Long> byteRange) throws UnsupportedPdfException {
    Dict catalog = before.catalog();
    if (before.resolve(catalog.get("Perms")) instanceof Dict perms
        && before.resolve(perms.get("DocMDP")) instanceof Dict certification
        && numbers(before, certification.get("ByteRange")).equals(byteRange)
        && before.resolve(certification.get("Reference")) instanceof List<?> references) {
      for (Object reference : references) {
        if (before.resolve(reference) instanceof Dict r
            && r.isName("TransformMethod", "DocMDP")
            && before.resolve(r.get("TransformParams")) instanceof Dict params) {
          return params.get("P") instanceof Num p ? (int) p.integer(0, 3) : 2;
        }
      }
    }
    if (before.resolve(catalog.get("AcroForm")) instanceof Dict form) {
      for (Object item : fields(before, form.get("Fields")).values()) {
        Dict field = before.dict(item, "A field");
        if (before.resolve(field.get("V")) instanceof Dict signature
            && numbers(before, signature.get("ByteRange")).equals(byteRange)
            && before.resolve(field.get("Lock")) instanceof Dict lock
            && before.resolve(lock.get("P")) instanceof Num p
            && p.integer(0, 3) == 1) {
          return 1;
        }
      }
    }
    return 0;
  }

  private static List<Long> numbers(PdfReader pdf, Object array) throws UnsupportedPdfException {
    List<Long> numbers = new ArrayList<>();
    if (pdf.resolve(array) instanceof List<?> list) {
      for (Object n : list) {
        numbers.add(pdf.resolve(n) instanceof Num num ? num.integer(0, Long.MAX_VALUE) : -1L);
      }
    }
    return numbers;
  }

  /** A widget with an area and an appearance; one that cannot be read as hidden counts as seen. */
  private boolean visible(Dict widget) throws UnsupportedPdfException {
    if (!widget.has("AP")) {
      return false;
    }
    if (!(after.resolve(widget.get("Rect")) instanceof List<?> rect) || rect.size() != 4) {
      return true;
    }
    BigDecimal[] c = new BigDecimal[4];
    for (int i = 0; i < 4; i++) {
      if (!(after.resolve(rect.get(i)) instanceof Num n)) {
        return true;
      }
      c[i] = numeric(n);
      if (c[i] == null) {
        return true;
      }
    }
    return c[2].subtract(c[0]).signum() != 0 && c[3].subtract(c[1]).signum() != 0;
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

  /**
   * Structural equality through references (a bisimulation): a pair being compared is assumed the
   * same when a cycle leads back to it. A "same" that leaned on such an assumption is kept only
   * once the assumed pair turns out the same too (the way Tarjan's algorithm closes a strongly
   * connected component); a difference is final at once.
   */
  private boolean same(Object x, Object y, int depth) throws UnsupportedPdfException {
    if (depth > MAX_DEPTH) {
      throw new UnsupportedPdfException("Objects nested too deep to compare");
    }
    if (Thread.currentThread().isInterrupted()) {
      throw new UnsupportedPdfException("Interrupted");
    }
    if (x instanceof Ref rx && y instanceof Ref ry) {
      Pair pair = new Pair(rx, ry);
      Boolean result = known.get(pair);
      if (result != null) {
        return result;
      }
      Integer level = comparing.get(pair);
      if (level != null) {
        lowest = Math.min(lowest, level);
        return true;
      }
      if (++comparisons > MAX_COMPARISONS) {
        throw new LimitExceededException("More than " + MAX_COMPARISONS + " objects to compare");
      }
      int mine = comparing.size();
      comparing.put(pair, mine);
      int outerLowest = lowest;
      lowest = Integer.MAX_VALUE;
      int mark = tentative.size();
      boolean same;
      try {
        same =
            rx.equals(ry) && untouched(rx.number())
                // the same bytes in both revisions: only the objects it refers to can differ
                ? referencesSame(after.object(ry), depth)
                : sameValue(before.object(rx), after.object(ry), depth);
      } finally {
        comparing.remove(pair);
      }
      int leanedOn = lowest;
      if (!same) {
        known.put(pair, false);
        tentative.subList(mark, tentative.size()).clear();
        leanedOn = Integer.MAX_VALUE;
      } else if (leanedOn >= mine) {
        known.put(pair, true);
        for (Pair settled : tentative.subList(mark, tentative.size())) {
          known.put(settled, true);
        }
        tentative.subList(mark, tentative.size()).clear();
        leanedOn = Integer.MAX_VALUE;
      } else {
        tentative.add(pair);
      }
      lowest = Math.min(outerLowest, leanedOn);
      return same;
    }
    Object vx = x instanceof Ref rx ? before.object(rx) : x;
    Object vy = y instanceof Ref ry ? after.object(ry) : y;
    return sameValue(vx, vy, depth);
  }

  /**
   * The cross-reference entry of {@code number} is the same in both revisions and points at the
   * object's own bytes (7.5.8.3). An object inside an object stream is not: what it reads as also
   * depends on its stream's /N and /First, which may be indirect, so such objects are compared by
   * value.
   */
  private boolean untouched(int number) throws UnsupportedPdfException {
    PdfReader.Entry a = before.entry(number);
    return a != null && a.type() == 1 && a.equals(after.entry(number));
  }

  private boolean referencesSame(Object value, int depth) throws UnsupportedPdfException {
    if (value instanceof Ref ref) {
      return same(ref, ref, depth + 1);
    }
    if (value instanceof Dict dict) {
      for (Object entry : dict.entries().values()) {
        if (!referencesSame(entry, depth + 1)) {
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
        if (!same(a.get(key), b.get(key), depth + 1)) {
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
      if (a.text().equals(b.text())) {
        return true;
      }
      BigDecimal na = numeric(a);
      BigDecimal nb = numeric(b);
      return na != null && nb != null && na.compareTo(nb) == 0;
    }
    if (x instanceof Str a && y instanceof Str b) {
      return Arrays.equals(a.bytes(), b.bytes());
    }
    return x.equals(y);
  }

  private static boolean isNull(Object value) {
    return value == null || value == Null.NULL;
  }

  /** The number's value; null when it is none (the parser lets no such number through). */
  private static BigDecimal numeric(Num n) {
    try {
      return new BigDecimal(n.text().startsWith("+") ? n.text().substring(1) : n.text());
    } catch (NumberFormatException e) {
      return null;
    }
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
