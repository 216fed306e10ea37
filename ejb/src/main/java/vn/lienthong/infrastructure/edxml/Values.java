package vn.lienthong.infrastructure.edxml;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The checks the records share: text is stripped, blank optional text is absent (null), and text
 * must be XML 1.0 characters (a control character would make the written package ill-formed).
 */
final class Values {
  private Values() {}

  static String required(String value, String element) {
    String v = optional(value, element);
    if (v == null) {
      throw EdXmlException.missing(element);
    }
    return v;
  }

  static String optional(String value, String element) {
    if (value == null) {
      return null;
    }
    String v = value.strip();
    if (v.isEmpty()) {
      return null;
    }
    requireXmlChars(v, element);
    return v;
  }

  static <T> T required(T value, String element) {
    if (value == null) {
      throw EdXmlException.missing(element);
    }
    return value;
  }

  /** An unmodifiable copy; no null entries. */
  static <T> List<T> list(List<T> values, String element) {
    if (values == null || values.isEmpty()) {
      return List.of();
    }
    List<T> copy = new ArrayList<>(values.size());
    for (T v : values) {
      copy.add(required(v, element));
    }
    return Collections.unmodifiableList(copy);
  }

  /** Non-blank texts, stripped; blank entries are dropped (empty {@code <Place/>} elements). */
  static List<String> texts(List<String> values, String element) {
    if (values == null || values.isEmpty()) {
      return List.of();
    }
    List<String> copy = new ArrayList<>(values.size());
    for (String v : values) {
      String t = optional(v, element);
      if (t != null) {
        copy.add(t);
      }
    }
    return Collections.unmodifiableList(copy);
  }

  static void requireXmlChars(String value, String element) {
    for (int i = 0; i < value.length(); ) {
      int c = value.codePointAt(i);
      boolean allowed =
          c == 0x9
              || c == 0xA
              || c == 0xD
              || (c >= 0x20 && c <= 0xD7FF)
              || (c >= 0xE000 && c <= 0xFFFD)
              || (c >= 0x10000 && c <= 0x10FFFF);
      if (!allowed) {
        throw new EdXmlException(
            "phần tử " + element + " có ký tự không hợp lệ (U+" + String.format("%04X", c) + ")");
      }
      i += Character.charCount(c);
    }
  }

  static int range(int value, int min, int max, String element) {
    if (value < min || value > max) {
      throw new EdXmlException(
          "phần tử " + element + " phải từ " + min + " đến " + max + ", không phải " + value);
    }
    return value;
  }
}
