package vn.lienthong.domain;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Vietnamese text folding for codes and user names. */
public final class Text {
  private static final Pattern NOT_WORD = Pattern.compile("[^A-Z0-9]+");
  private static final Pattern EDGE_UNDERSCORE = Pattern.compile("^_|_$");

  private Text() {}

  /**
   * Folds Vietnamese to plain ASCII: diacritics removed, đ/Đ to d/D. "Thạc Gián" becomes "Thac
   * Gian", "QLĐT" becomes "QLDT".
   */
  public static String ascii(String s) {
    String decomposed = Normalizer.normalize(s, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue;
      }
      out.append(
          switch (c) {
            case 'đ' -> 'd';
            case 'Đ' -> 'D';
            default -> c;
          });
    }
    return out.toString();
  }

  /** A token for matching enum-like input: ASCII, upper case, words joined by underscores. */
  public static String token(String s) {
    String upper = NOT_WORD.matcher(ascii(s.trim()).toUpperCase(Locale.ROOT)).replaceAll("_");
    return EDGE_UNDERSCORE.matcher(upper).replaceAll("");
  }

  /**
   * Reads an enum constant as people write it: its code or any of its names, compared as {@link
   * #token tokens}, so "Thượng khẩn", "thuong khan" and VERY_URGENT are the same.
   */
  public static <E extends Enum<E>> Optional<E> parse(
      Class<E> type, String value, Function<E, Stream<String>> names) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String wanted = token(value);
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(wanted)
          || names.apply(e).anyMatch(n -> n != null && token(n).equals(wanted))) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
