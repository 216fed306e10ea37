package vn.lienthong.domain.document;

import java.text.Normalizer;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stamp of a state-secret classification (dấu chỉ độ mật: "MẬT", "TỐI MẬT", "TUYỆT MẬT", Law on
 * Protection of State Secrets 2018, art. 8, and Circular 24/2020/TT-BCA) on a document's first
 * page. A stamp stands alone: the words in capitals, by themselves on their line or set apart from
 * the text beside them, as the stamp's box prints them. The same words inside text are no stamp:
 * "mật khẩu", "mật độ dân cư", "QUY CHẾ BẢO VỆ BÍ MẬT NHÀ NƯỚC".
 */
public final class ClassificationStamp {

  private static final Pattern STAMP =
      Pattern.compile("^[\\s\\p{Punct}]*(TUYỆT\\s+MẬT|TỐI\\s+MẬT|MẬT)[\\s\\p{Punct}]*$");

  private ClassificationStamp() {}

  /**
   * The highest classification stamped among {@code segments}: the pieces of the page's text, each
   * a run of words with no wide gap inside (a stamp's box is its own piece).
   */
  public static Optional<Classification> find(List<String> segments) {
    Classification found = null;
    for (String segment : segments) {
      Matcher m = STAMP.matcher(Normalizer.normalize(segment, Normalizer.Form.NFC));
      if (m.matches()) {
        Classification c =
            switch (m.group(1).replaceAll("\\s+", " ")) {
              case "TUYỆT MẬT" -> Classification.TOP_SECRET;
              case "TỐI MẬT" -> Classification.SECRET;
              default -> Classification.CONFIDENTIAL;
            };
        if (found == null || c.compareTo(found) > 0) {
          found = c;
        }
      }
    }
    return Optional.ofNullable(found);
  }
}
