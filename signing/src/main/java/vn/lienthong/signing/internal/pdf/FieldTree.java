package vn.lienthong.signing.internal.pdf;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.lienthong.signing.internal.pdf.PdfValues.Dict;
import vn.lienthong.signing.internal.pdf.PdfValues.Ref;

/** The nodes of a form's field tree (ISO 32000-1 12.7.3.1), each once, in a bounded walk. */
final class FieldTree {

  private static final int MAX_FIELDS = 100_000;

  private FieldTree() {}

  /**
   * Every node under {@code roots} (the form's /Fields), parents and kids alike, as the value the
   * tree holds (a reference, or a direct dictionary), keyed by object number ("direct n" for a
   * direct one).
   */
  static Map<Object, Object> nodes(PdfReader pdf, Object roots) throws UnsupportedPdfException {
    Map<Object, Object> nodes = new LinkedHashMap<>();
    if (!(pdf.resolve(roots) instanceof List<?> list)) {
      return nodes;
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
        throw new LimitExceededException("More than " + MAX_FIELDS + " form fields");
      }
      if (!(pdf.resolve(item) instanceof Dict field)) {
        continue;
      }
      nodes.put(item instanceof Ref ref ? (Object) ref.number() : "direct " + direct++, item);
      if (pdf.resolve(field.get("Kids")) instanceof List<?> kids) {
        kids.forEach(todo::push);
      }
    }
    return nodes;
  }
}
