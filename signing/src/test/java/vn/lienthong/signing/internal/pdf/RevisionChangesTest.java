package vn.lienthong.signing.internal.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import vn.lienthong.signing.validation.ChangeAfterSigning;

/**
 * The comparison of revisions on hand-written documents, one trick each (from a review that looked
 * for ways a later revision could change what a page shows and still pass): a resource named like a
 * back pointer, an object reached first through the document information, a name spelled with #xx
 * escapes, a parent field's value, an empty signature field with an indirect rectangle, an
 * annotation that claims a later signature, an unreadable object beside a real change, an object
 * stream whose /First is redefined, an empty signature field signed later that also grows. The
 * signature is a placeholder dictionary: what is tested is the comparison, not the cryptography.
 */
class RevisionChangesTest {

  static String stream(String dict, String data) {
    return "<< " + dict + " /Length " + data.length() + " >>\nstream\n" + data + "\nendstream";
  }

  static String doc(Map<Integer, String> objects, String trailerExtra) {
    StringBuilder out = new StringBuilder("%PDF-1.7\n");
    Map<Integer, Integer> offsets = new TreeMap<>();
    for (var e : objects.entrySet()) {
      offsets.put(e.getKey(), out.length());
      out.append(e.getKey()).append(" 0 obj\n").append(e.getValue()).append("\nendobj\n");
    }
    int max = offsets.keySet().stream().mapToInt(i -> i).max().orElse(0);
    int xref = out.length();
    out.append("xref\n0 ").append(max + 1).append("\n0000000000 65535 f\r\n");
    for (int n = 1; n <= max; n++) {
      Integer off = offsets.get(n);
      out.append(off == null ? "0000000000 00000 f\r\n" : String.format("%010d 00000 n\r\n", off));
    }
    out.append("trailer\n<< /Size ")
        .append(max + 1)
        .append(" /Root 1 0 R ")
        .append(trailerExtra)
        .append(" >>\nstartxref\n")
        .append(xref)
        .append("\n%%EOF\n");
    return out.toString();
  }

  static long startxref(String pdf) {
    int at = pdf.lastIndexOf("startxref");
    return Long.parseLong(pdf.substring(at + 9).trim().split("\\s+")[0]);
  }

  static String update(String base, Map<Integer, String> objects, String trailerExtra) {
    StringBuilder out = new StringBuilder(base);
    Map<Integer, Integer> offsets = new TreeMap<>();
    for (var e : objects.entrySet()) {
      offsets.put(e.getKey(), out.length());
      out.append(e.getKey()).append(" 0 obj\n").append(e.getValue()).append("\nendobj\n");
    }
    int xref = out.length();
    out.append("xref\n");
    for (var e : offsets.entrySet()) {
      out.append(e.getKey())
          .append(" 1\n")
          .append(String.format("%010d 00000 n\r\n", e.getValue()));
    }
    int size = 200;
    out.append("trailer\n<< /Size ")
        .append(size)
        .append(" /Root 1 0 R /Prev ")
        .append(startxref(base))
        .append(" ")
        .append(trailerExtra)
        .append(" >>\nstartxref\n")
        .append(xref)
        .append("\n%%EOF\n");
    return out.toString();
  }

  static List<Long> range(String signed) {
    int a = signed.indexOf("<0000>");
    int b = a + 6;
    return List.of(0L, (long) a, (long) b, (long) (signed.length() - b));
  }

  static Map<Integer, String> base(String pageExtra, String content) {
    Map<Integer, String> o = new TreeMap<>();
    o.put(1, "<< /Type /Catalog /Pages 2 0 R >>");
    o.put(2, "<< /Type /Pages /Kids [3 0 R] /Count 1 >>");
    o.put(
        3,
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R "
            + pageExtra
            + " >>");
    o.put(4, stream("", content));
    o.put(9, "<< /Type /Sig /Contents <0000> >>");
    return o;
  }

  static String docXrefStream(
      Map<Integer, String> objects, Map<Integer, int[]> type2, String trailerExtra) {
    StringBuilder out = new StringBuilder("%PDF-1.7\n");
    Map<Integer, int[]> entries = new TreeMap<>(type2);
    for (var e : objects.entrySet()) {
      entries.put(e.getKey(), new int[] {1, out.length(), 0});
      out.append(e.getKey()).append(" 0 obj\n").append(e.getValue()).append("\nendobj\n");
    }
    int xrefNumber = 99;
    int xref = out.length();
    entries.put(xrefNumber, new int[] {1, xref, 0});
    int max = 99;
    ByteArrayOutputStream rows = new ByteArrayOutputStream();
    for (int n = 0; n <= max; n++) {
      int[] e = entries.getOrDefault(n, new int[] {0, 0, n == 0 ? 65535 : 0});
      rows.write(e[0]);
      for (int i = 3; i >= 0; i--) rows.write(e[1] >>> (8 * i) & 0xff);
      rows.write(e[2] >>> 8 & 0xff);
      rows.write(e[2] & 0xff);
    }
    String data = rows.toString(StandardCharsets.ISO_8859_1);
    out.append(xrefNumber)
        .append(" 0 obj\n<< /Type /XRef /Size 100 /W [1 4 2] /Root 1 0 R ")
        .append(trailerExtra)
        .append(" /Length ")
        .append(data.length())
        .append(" >>\nstream\n")
        .append(data)
        .append("\nendstream\nendobj\nstartxref\n")
        .append(xref)
        .append("\n%%EOF\n");
    return out.toString();
  }

  /** The changes after the placeholder signature of {@code signed}, in {@code changed}. */
  static List<ChangeAfterSigning> changes(
      String signed, String changed, Set<List<Long>> laterSignatures) throws Exception {
    try (PdfReader document = PdfReader.of(changed.getBytes(StandardCharsets.ISO_8859_1))) {
      return RevisionChanges.afterOrThrow(
          document, range(signed), RevisionChanges.Signatures.allOf(laterSignatures));
    }
  }

  static List<String> described(List<ChangeAfterSigning> changes) {
    return changes.stream().map(ChangeAfterSigning::description).toList();
  }

  static boolean fails(List<ChangeAfterSigning> changes) {
    return changes.stream().anyMatch(ChangeAfterSigning::altersDisplay);
  }

  static final String FORM = "/Type /XObject /Subtype /Form /BBox [0 0 200 200]";

  @Test
  void aResourceNamedParentOrPIsComparedLikeAnyOther() throws Exception {
    for (String name : List.of("Parent", "X1")) {
      Map<Integer, String> o =
          base("/Resources << /XObject << /" + name + " 6 0 R >> >>", "/" + name + " Do");
      o.put(6, stream(FORM, "BT (ORIGINAL) Tj ET"));
      String signed = doc(o, "");
      String changed = update(signed, Map.of(6, stream(FORM, "BT (FORGED!!) Tj ET")), "");
      assertThat(described(changes(signed, changed, Set.of())))
          .as(name)
          .containsExactly("page fonts or images changed on page 1");
    }
    Map<Integer, String> p =
        base("/Resources << /XObject << /Subtype /Foo /P 6 0 R >> >>", "/P Do");
    p.put(6, stream(FORM, "BT (ORIGINAL) Tj ET"));
    String signed = doc(p, "");
    String changed = update(signed, Map.of(6, stream(FORM, "BT (FORGED!!) Tj ET")), "");
    assertThat(fails(changes(signed, changed, Set.of()))).isTrue();
  }

  @Test
  void anObjectFirstReachedThroughTheInformationStillFailsThePageThatDrawsIt() throws Exception {
    // the information dictionary reaches A, the page draws B, B draws A: a cycle back to A while
    // A is being compared must not leave B "the same" once A turns out changed
    Map<Integer, String> o = base("/Resources << /XObject << /B 8 0 R >> >>", "/B Do");
    String a = FORM + " /Resources << /XObject << /B 8 0 R >> >>";
    o.put(7, stream(a, "BT (ORIGINAL) Tj ET"));
    o.put(8, stream(FORM + " /Resources << /XObject << /A 7 0 R >> >>", "/A Do"));
    o.put(10, "<< /Producer (x) /X 7 0 R >>");
    String signed = doc(o, "/Info 10 0 R");
    String changed = update(signed, Map.of(7, stream(a, "BT (FORGED!!) Tj ET")), "/Info 10 0 R");
    assertThat(described(changes(signed, changed, Set.of())))
        .contains("page fonts or images changed on page 1", "document information changed");
  }

  @Test
  void namesSpelledWithEscapesAreTheNamesTheySpell() throws Exception {
    Map<Integer, String> o = base("/Resources << >>", "BT (ORIGINAL) Tj ET");
    o.put(6, stream("", "BT (FORGED!!) Tj ET"));
    String signed = doc(o, "");
    String page = "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Resources << >> ";
    String contents = update(signed, Map.of(3, page + "/Cont#65nts 6 0 R >>"), "");
    assertThat(described(changes(signed, contents, Set.of())))
        .contains("page content changed on page 1");
    String annots =
        update(
            signed,
            Map.of(
                3,
                page
                    + "/Contents 4 0 R /Annot#73 [<< /Type /Annot /Subtype /FreeText /Rect [0 0 200 200]"
                    + " /Contents (PAID) /DA (/Helv 40 Tf 0 g) >>] >>"),
            "");
    assertThat(described(changes(signed, annots, Set.of())))
        .containsExactly("annotation added on page 1 (FreeText)");
    String action =
        update(
            signed,
            Map.of(
                1, "<< /Type /Catalog /Pages 2 0 R /Open#41ction << /S /JavaScript /JS (1) >> >>"),
            "");
    assertThat(described(changes(signed, action, Set.of())))
        .containsExactly("JavaScript or an action added or changed (OpenAction)");
  }

  @Test
  void aParentFieldsValueAndFlagsAreComparedToo() throws Exception {
    Map<Integer, String> o = base("/Annots [21 0 R] /Resources << >>", "BT ET");
    o.put(1, "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [20 0 R] >> >>");
    o.put(20, "<< /T (soTien) /FT /Tx /V (1000000) /Kids [21 0 R] >>");
    o.put(
        21,
        "<< /T (a) /Parent 20 0 R /Type /Annot /Subtype /Widget /Rect [0 0 100 20] /P 3 0 R >>");
    String signed = doc(o, "");
    String value =
        update(signed, Map.of(20, "<< /T (soTien) /FT /Tx /V (9000000) /Kids [21 0 R] >>"), "");
    assertThat(described(changes(signed, value, Set.of())))
        .containsExactly("form field value changed (soTien)");
    String flags =
        update(
            signed,
            Map.of(
                20,
                "<< /T (soTien) /FT /Tx /V (1000000) /Ff 4096 /DA (/Helv 40 Tf) /Kids [21 0 R] >>"),
            "");
    assertThat(described(changes(signed, flags, Set.of())))
        .containsExactly("form field changed (soTien)");
  }

  @Test
  void anEmptySignatureFieldWithAnIndirectRectangleAndAnOpaqueLookIsSeen() throws Exception {
    Map<Integer, String> o = base("/Resources << >>", "BT (ORIGINAL) Tj ET");
    o.put(1, "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [] >> >>");
    String signed = doc(o, "");
    Map<Integer, String> u = new TreeMap<>();
    u.put(1, "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [30 0 R] >> >>");
    u.put(
        3,
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << >> /Annots [30 0 R] >>");
    u.put(
        30,
        "<< /Type /Annot /Subtype /Widget /FT /Sig /T (s) /Rect 31 0 R /AP << /N 32 0 R >> /P 3 0 R /F 4 >>");
    u.put(31, "[0 0 200 200]");
    u.put(32, stream(FORM, "1 g 0 0 200 200 re f 0 g BT (FORGED) Tj ET"));
    List<ChangeAfterSigning> changes = changes(signed, update(signed, u, ""), Set.of());
    assertThat(described(changes)).contains("visible empty signature field added on page 1 (s)");
    assertThat(fails(changes)).isTrue();
  }

  @Test
  void anAnnotationThatClaimsALaterSignatureIsAnAnnotation() throws Exception {
    Map<Integer, String> o = base("/Resources << >>", "BT (ORIGINAL) Tj ET");
    o.put(1, "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [] >> >>");
    String signed = doc(o, "");
    Map<Integer, String> u = new TreeMap<>();
    u.put(1, "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [30 0 R] >> >>");
    u.put(
        3,
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << >> /Annots [30 0 R 33 0 R] >>");
    u.put(
        30,
        "<< /Type /Annot /Subtype /Widget /FT /Sig /T (s2) /V 34 0 R /Rect [0 0 0 0] /P 3 0 R >>");
    u.put(
        33,
        "<< /Type /Annot /Subtype /FreeText /FT /Sig /V 34 0 R /Rect [0 0 200 200] /Contents (PAID IN FULL) /DA (/Helv 30 Tf 0 g) >>");
    u.put(34, "<< /Type /Sig /Contents <1111> /ByteRange [0 AAAAA BBBBB CCCCC] >>");
    String later = update(signed, u, "");
    List<Long> laterRange = placeRange(later);
    String fixed = withRange(later, laterRange);
    assertThat(described(changes(signed, fixed, Set.of(laterRange))))
        .containsExactly("annotation added on page 1 (FreeText)");
  }

  @Test
  void anUnreadableObjectLeavesTheRealChangeFound() throws Exception {
    Map<Integer, String> o = base("/Resources << >>", "BT (ORIGINAL) Tj ET");
    String signed = doc(o, "");
    Map<Integer, String> u = new TreeMap<>();
    u.put(4, stream("", "BT (FORGED!!) Tj ET"));
    String changed = update(signed, u, "/Info 41 0 R");
    // object 41 is listed at an offset where no object is
    changed =
        changed.replace(
            "trailer\n<< /Size 200", "41 1\n0000000005 00000 n\r\ntrailer\n<< /Size 200");
    List<ChangeAfterSigning> changes = changes(signed, changed, Set.of());
    assertThat(described(changes)).contains("page content changed on page 1");
    assertThat(changes).anyMatch(c -> c.kind() == ChangeAfterSigning.Kind.NOT_ANALYSED);
  }

  @Test
  void anObjectInAStreamWhoseFirstIsRedefinedIsComparedByValue() throws Exception {
    Map<Integer, String> o = base("/Resources << >>", "BT (ORIGINAL) Tj ET");
    o.put(
        3,
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 14 0 R /Resources << >> >>");
    o.put(6, stream("", "BT (FORGED!!) Tj ET"));
    String header = "14 0 ";
    String body = "[4 0 R]      [6 0 R]";
    o.put(21, Integer.toString(header.length()));
    o.put(20, stream("/Type /ObjStm /N 1 /First 21 0 R", header + body));
    String signed = docXrefStream(o, Map.of(14, new int[] {2, 20, 0}), "");
    String changed =
        update(signed, Map.of(21, Integer.toString(header.length() + body.indexOf("[6"))), "");
    assertThat(described(changes(signed, changed, Set.of())))
        .contains("page content changed on page 1");
  }

  @Test
  void objectStreamsThatNameEachOtherEndInAnAnswer() throws Exception {
    Map<Integer, String> o = base("/Resources << >>", "BT (ORIGINAL) Tj ET");
    o.put(1, "<< /Type /Catalog /Pages 2 0 R /Foo 40 0 R >>");
    o.put(10, "<< /Producer (a) >>");
    String signed =
        docXrefStream(
            o, Map.of(40, new int[] {2, 41, 0}, 41, new int[] {2, 40, 0}), "/Info 10 0 R");
    String changed = update(signed, Map.of(10, "<< /Producer (b) >>"), "/Info 10 0 R");
    assertThat(described(changes(signed, changed, Set.of())))
        .contains("document information changed");
  }

  @Test
  void signingAnEmptyFieldLaterMaySetItsValueAndLookButNothingElse() throws Exception {
    Map<Integer, String> o = new TreeMap<>();
    o.put(1, "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [12 0 R] >> >>");
    o.put(2, "<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>");
    o.put(
        3,
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << >> /Annots [12 0 R] >>");
    o.put(4, stream("", "BT (page one) Tj ET"));
    o.put(
        5,
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 6 0 R /Resources << /XObject << /B 8 0 R >> >> >>");
    o.put(6, stream("", "/B Do"));
    String look =
        "/Type /XObject /Subtype /Form /BBox [0 0 50 20] /Resources << /XObject << /B 8 0 R >> >>";
    o.put(30, stream(look, "BT (sign here) Tj ET"));
    o.put(8, stream(FORM + " /Resources << /XObject << /Z 30 0 R >> >>", "/Z Do"));
    o.put(
        12,
        "<< /Type /Annot /Subtype /Widget /FT /Sig /T (chuKy2) /Rect [0 0 50 20] /AP << /N 30 0 R >> /P 3 0 R /F 4 >>");
    o.put(9, "<< /Type /Sig /Contents <0000> >>");
    String signed = doc(o, "");
    String widget = "<< /Type /Annot /Subtype /Widget /FT /Sig /T (chuKy2) /V 34 0 R /Rect ";
    String rest = " /AP << /N 30 0 R >> /P 3 0 R /F 4 >>";
    String sig = "<< /Type /Sig /Contents <1111> /ByteRange [0 AAAAA BBBBB CCCCC] >>";

    // the value only: the later signature signs the field it was left
    String plain = update(signed, Map.of(12, widget + "[0 0 50 20]" + rest, 34, sig), "");
    List<Long> plainRange = placeRange(plain);
    assertThat(changes(signed, withRange(plain, plainRange), Set.of(plainRange))).isEmpty();

    // and the widget grown to the whole page
    String grown = update(signed, Map.of(12, widget + "[0 0 200 200]" + rest, 34, sig), "");
    List<Long> grownRange = placeRange(grown);
    assertThat(described(changes(signed, withRange(grown, grownRange), Set.of(grownRange))))
        .containsExactly("signature field changed on page 1 (chuKy2)");

    // and its old look, which page 2 draws too, rewritten
    String redrawn =
        update(
            signed,
            Map.of(
                12,
                widget + "[0 0 50 20]" + rest,
                34,
                sig,
                30,
                stream(look, "BT (FORGED AMOUNT) Tj ET")),
            "");
    List<Long> redrawnRange = placeRange(redrawn);
    assertThat(described(changes(signed, withRange(redrawn, redrawnRange), Set.of(redrawnRange))))
        .contains("page fonts or images changed on page 2");
  }

  @Test
  void aVisibleWidgetOfALaterSignatureThatDidNotPassIsAnAnnotation() throws Exception {
    // the "sneaky signature": intact bytes, any certificate, a widget over the whole page
    Map<Integer, String> o = base("/Resources << >>", "BT (ORIGINAL) Tj ET");
    o.put(1, "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [] >> >>");
    String signed = doc(o, "");
    Map<Integer, String> u = new TreeMap<>();
    u.put(1, "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [30 0 R] >> >>");
    u.put(
        3,
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << >> /Annots [30 0 R] >>");
    u.put(
        30,
        "<< /Type /Annot /Subtype /Widget /FT /Sig /T (s2) /V 34 0 R /Rect [0 0 200 200] /AP << /N 32 0 R >> /P 3 0 R >>");
    u.put(32, stream(FORM, "1 g 0 0 200 200 re f 0 g BT (PAID) Tj ET"));
    u.put(34, "<< /Type /Sig /Contents <1111> /ByteRange [0 AAAAA BBBBB CCCCC] >>");
    String later = update(signed, u, "");
    List<Long> range = placeRange(later);
    String fixed = withRange(later, range);
    try (PdfReader document = PdfReader.of(fixed.getBytes(StandardCharsets.ISO_8859_1))) {
      var intactOnly = new RevisionChanges.Signatures(Set.of(range), Set.of());
      assertThat(described(RevisionChanges.afterOrThrow(document, range(signed), intactOnly)))
          .contains("annotation added on page 1 (signature widget of no valid later signature)");
      var passed = new RevisionChanges.Signatures(Set.of(range), Set.of(range));
      assertThat(RevisionChanges.afterOrThrow(document, range(signed), passed)).isEmpty();
    }
  }

  @Test
  void aValueChangedWhereTheViewerRedrawsFieldsIsShown() throws Exception {
    Map<Integer, String> o = base("/Annots [20 0 R] /Resources << >>", "BT ET");
    o.put(
        1,
        "<< /Type /Catalog /Pages 2 0 R /AcroForm << /Fields [20 0 R] /NeedAppearances true >> >>");
    o.put(
        20,
        "<< /T (soTien) /FT /Tx /V (1000000) /Type /Annot /Subtype /Widget /Rect [0 0 100 20] /P 3 0 R >>");
    String signed = doc(o, "");
    String changed =
        update(
            signed,
            Map.of(
                20,
                "<< /T (soTien) /FT /Tx /V (9000000) /Type /Annot /Subtype /Widget /Rect [0 0 100 20] /P 3 0 R >>"),
            "");
    List<ChangeAfterSigning> changes = changes(signed, changed, Set.of());
    assertThat(described(changes)).containsExactly("form appearance settings changed (soTien)");
    assertThat(fails(changes)).isTrue();
  }

  @Test
  void aSignatureAfterACertificationThatAllowsNoChangeIsForbidden() throws Exception {
    Map<Integer, String> o = base("/Resources << >>", "BT (ORIGINAL) Tj ET");
    o.put(
        1,
        "<< /Type /Catalog /Pages 2 0 R /Perms << /DocMDP 9 0 R >> /AcroForm << /Fields [] >> >>");
    o.put(
        9,
        "<< /Type /Sig /Contents <0000> /ByteRange [0 RANGE1 RANGE2 RANGE3] /Reference [<< /TransformMethod /DocMDP /TransformParams << /P 1 >> >>] >>");
    String draft = doc(o, "");
    List<Long> own = range(draft);
    // the placeholders are as wide as the numbers put in them: no offset moves
    String signed =
        draft
            .replace("RANGE1", String.format("%06d", own.get(1)))
            .replace("RANGE2", String.format("%06d", own.get(2)))
            .replace("RANGE3", String.format("%06d", own.get(3)));
    Map<Integer, String> u = new TreeMap<>();
    u.put(
        1,
        "<< /Type /Catalog /Pages 2 0 R /Perms << /DocMDP 9 0 R >> /AcroForm << /Fields [30 0 R] >> >>");
    u.put(
        3,
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Resources << >> /Annots [30 0 R] >>");
    u.put(
        30,
        "<< /Type /Annot /Subtype /Widget /FT /Sig /T (s2) /V 34 0 R /Rect [0 0 0 0] /P 3 0 R >>");
    u.put(34, "<< /Type /Sig /Contents <1111> /ByteRange [0 AAAAA BBBBB CCCCC] >>");
    String later = update(signed, u, "");
    List<Long> laterRange = placeRange(later);
    assertThat(described(changes(signed, withRange(later, laterRange), Set.of(laterRange))))
        .contains("signature added where the certification allows no change (s2)");
  }

  @Test
  void annotationsDrawnInAnotherOrderAreAChange() throws Exception {
    Map<Integer, String> o = base("/Annots [20 0 R 21 0 R] /Resources << >>", "BT ET");
    o.put(20, "<< /Type /Annot /Subtype /Square /Rect [0 0 100 100] /C [1 0 0] /P 3 0 R >>");
    o.put(21, "<< /Type /Annot /Subtype /Square /Rect [50 50 150 150] /C [0 0 1] /P 3 0 R >>");
    String signed = doc(o, "");
    String changed =
        update(
            signed,
            Map.of(
                3,
                "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] /Contents 4 0 R /Annots [21 0 R 20 0 R] /Resources << >> >>"),
            "");
    assertThat(described(changes(signed, changed, Set.of())))
        .containsExactly("annotation changed on page 1 (order)");
  }

  /** The byte range of the placeholder signature <1111> written with five-digit fields. */
  static List<Long> placeRange(String later) {
    int width = later.contains("AAAAA") ? 5 : 4;
    int a = later.indexOf("<1111>");
    int b = a + 6;
    long c = later.length() - b;
    if (Long.toString(c).length() > width || Integer.toString(b).length() > width) {
      throw new IllegalStateException("the placeholder is too narrow");
    }
    return List.of(0L, (long) a, (long) b, c);
  }

  static String withRange(String later, List<Long> range) {
    int width = later.contains("AAAAA") ? 5 : 4;
    String format = "%0" + width + "d";
    String letters = width == 5 ? "AAAAA" : "AAAA";
    return later
        .replace(letters, String.format(format, range.get(1)))
        .replace(letters.replace('A', 'B'), String.format(format, range.get(2)))
        .replace(letters.replace('A', 'C'), String.format(format, range.get(3)));
  }
}
