package vn.lienthong.signing.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The module's one JSON codec: a bounded reader (RFC 8259) for what a web page sends the signing
 * agent and for our own serialized values, and a writer. Small on purpose, so this module imposes
 * no JSON library on the server (which has JSON-B) or on the agent.
 *
 * <p>Values read: {@code Map<String, Object>} (keys in order, a repeated key refused), {@code
 * List<Object>}, {@code String}, {@code BigDecimal}, {@code Boolean}, and {@code null}. The body is
 * capped by the caller (the agent: 4 MB); here nesting is capped at {@link #MAX_DEPTH} and the
 * number of values at {@link #MAX_VALUES}, so no input costs more than a pass over it.
 */
public final class Json {

  public static final int MAX_DEPTH = 16;
  public static final int MAX_VALUES = 100_000;

  private final String text;
  private int pos;
  private int values;

  private Json(String text) {
    this.text = text;
  }

  /** Reads one JSON value; anything malformed or beyond the bounds is {@link Malformed}. */
  public static Object read(String text) {
    Json reader = new Json(text);
    reader.skipSpace();
    Object value = reader.value(0);
    reader.skipSpace();
    if (reader.pos != text.length()) {
      throw reader.malformed("còn ký tự thừa sau giá trị JSON");
    }
    return value;
  }

  /** Malformed or too deep, with where it went wrong, in Vietnamese (no input echoed). */
  public static final class Malformed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message);
    }
  }

  private Object value(int depth) {
    if (++values > MAX_VALUES) {
      throw malformed("quá nhiều giá trị");
    }
    char c = peek();
    switch (c) {
      case '{':
        return object(depth + 1);
      case '[':
        return array(depth + 1);
      case '"':
        return string();
      case 't':
        keyword("true");
        return Boolean.TRUE;
      case 'f':
        keyword("false");
        return Boolean.FALSE;
      case 'n':
        keyword("null");
        return null;
      default:
        if (c == '-' || (c >= '0' && c <= '9')) {
          return number();
        }
        throw malformed("ký tự không mong đợi");
    }
  }

  private Map<String, Object> object(int depth) {
    if (depth > MAX_DEPTH) {
      throw malformed("lồng nhau quá sâu");
    }
    pos++; // {
    Map<String, Object> out = new LinkedHashMap<>();
    skipSpace();
    if (peek() == '}') {
      pos++;
      return out;
    }
    while (true) {
      skipSpace();
      if (peek() != '"') {
        throw malformed("thiếu tên trường");
      }
      String key = string();
      skipSpace();
      expect(':');
      skipSpace();
      Object value = value(depth);
      if (out.containsKey(key)) {
        throw malformed("tên trường bị lặp lại");
      }
      out.put(key, value);
      skipSpace();
      char c = next();
      if (c == '}') {
        return out;
      }
      if (c != ',') {
        throw malformed("thiếu , hoặc }");
      }
    }
  }

  private List<Object> array(int depth) {
    if (depth > MAX_DEPTH) {
      throw malformed("lồng nhau quá sâu");
    }
    pos++; // [
    List<Object> out = new ArrayList<>();
    skipSpace();
    if (peek() == ']') {
      pos++;
      return out;
    }
    while (true) {
      skipSpace();
      out.add(value(depth));
      skipSpace();
      char c = next();
      if (c == ']') {
        return out;
      }
      if (c != ',') {
        throw malformed("thiếu , hoặc ]");
      }
    }
  }

  private String string() {
    expect('"');
    StringBuilder out = new StringBuilder();
    while (true) {
      char c = next();
      if (c == '"') {
        return out.toString();
      }
      if (c < 0x20) {
        throw malformed("ký tự điều khiển trong chuỗi");
      }
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char e = next();
      switch (e) {
        case '"', '\\', '/' -> out.append(e);
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'u' -> {
          int code = 0;
          for (int i = 0; i < 4; i++) {
            int digit = Character.digit(next(), 16);
            if (digit < 0) {
              throw malformed("mã \\u không hợp lệ");
            }
            code = code * 16 + digit;
          }
          out.append((char) code);
        }
        default -> throw malformed("ký tự thoát không hợp lệ");
      }
    }
  }

  private BigDecimal number() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
    } else {
      digits();
    }
    if (pos < text.length() && text.charAt(pos) == '.') {
      pos++;
      digits();
    }
    if (pos < text.length() && (text.charAt(pos) == 'e' || text.charAt(pos) == 'E')) {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      digits();
    }
    if (pos - start > 64) {
      throw malformed("số quá dài");
    }
    try {
      return new BigDecimal(text.substring(start, pos));
    } catch (NumberFormatException e) {
      throw malformed("số không hợp lệ"); // an exponent beyond an int
    }
  }

  private void digits() {
    int start = pos;
    while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
      pos++;
    }
    if (pos == start) {
      throw malformed("thiếu chữ số");
    }
  }

  private void keyword(String word) {
    if (!text.startsWith(word, pos)) {
      throw malformed("từ khóa không hợp lệ");
    }
    pos += word.length();
  }

  private char peek() {
    if (pos >= text.length()) {
      throw malformed("kết thúc đột ngột");
    }
    return text.charAt(pos);
  }

  private char next() {
    char c = peek();
    pos++;
    return c;
  }

  private void expect(char c) {
    if (next() != c) {
      throw malformed("thiếu " + c);
    }
  }

  private void skipSpace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private Malformed malformed(String what) {
    return new Malformed(what + " (vị trí " + pos + ")");
  }

  /** Writes maps, lists, strings, numbers, booleans and nulls; a map's null values are left out. */
  public static String write(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value);
    return out.toString();
  }

  private static void write(StringBuilder out, Object value) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (entry.getValue() == null) {
          continue;
        }
        if (!first) {
          out.append(',');
        }
        first = false;
        quote(out, String.valueOf(entry.getKey()));
        out.append(':');
        write(out, entry.getValue());
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(out, list.get(i));
      }
      out.append(']');
    } else if (value instanceof Number || value instanceof Boolean) {
      out.append(value);
    } else {
      quote(out, value.toString());
    }
  }

  private static void quote(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || c == '\u2028' || c == '\u2029') {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }
}
