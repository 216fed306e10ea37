package vn.lienthong.signing.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A minimal JSON codec for flat objects whose values are strings or arrays of strings: the shape of
 * our serialized values. Small on purpose, so this module does not impose a JSON library on the
 * server (which has JSON-B) or on the local signing agent.
 */
public final class FlatJson {

  private FlatJson() {}

  public static String write(Map<String, ?> values) {
    StringBuilder out = new StringBuilder("{");
    boolean first = true;
    for (Map.Entry<String, ?> entry : values.entrySet()) {
      if (entry.getValue() == null) {
        continue;
      }
      if (!first) {
        out.append(',');
      }
      first = false;
      quote(out, entry.getKey());
      out.append(':');
      if (entry.getValue() instanceof List<?> list) {
        out.append('[');
        for (int i = 0; i < list.size(); i++) {
          if (i > 0) {
            out.append(',');
          }
          quote(out, String.valueOf(list.get(i)));
        }
        out.append(']');
      } else {
        quote(out, String.valueOf(entry.getValue()));
      }
    }
    return out.append('}').toString();
  }

  /**
   * Values are String or List&lt;String&gt;. Throws IllegalArgumentException on malformed input.
   */
  public static Map<String, Object> read(String json) {
    Parser p = new Parser(json);
    Map<String, Object> values = new LinkedHashMap<>();
    p.skip();
    p.expect('{');
    p.skip();
    if (p.peek() == '}') {
      p.pos++;
      return values;
    }
    while (true) {
      p.skip();
      String key = p.string();
      p.skip();
      p.expect(':');
      p.skip();
      if (p.peek() == '[') {
        p.pos++;
        List<String> list = new ArrayList<>();
        p.skip();
        if (p.peek() == ']') {
          p.pos++;
        } else {
          while (true) {
            p.skip();
            list.add(p.string());
            p.skip();
            char c = p.next();
            if (c == ']') {
              break;
            }
            if (c != ',') {
              throw new IllegalArgumentException("Expected , or ] at " + p.pos);
            }
          }
        }
        values.put(key, list);
      } else {
        values.put(key, p.string());
      }
      p.skip();
      char c = p.next();
      if (c == '}') {
        break;
      }
      if (c != ',') {
        throw new IllegalArgumentException("Expected , or } at " + p.pos);
      }
    }
    p.skip();
    if (p.pos != json.length()) {
      throw new IllegalArgumentException("Trailing characters at " + p.pos);
    }
    return values;
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
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static final class Parser {
    final String s;
    int pos;

    Parser(String s) {
      this.s = s;
    }

    char peek() {
      if (pos >= s.length()) {
        throw new IllegalArgumentException("Unexpected end of JSON");
      }
      return s.charAt(pos);
    }

    char next() {
      char c = peek();
      pos++;
      return c;
    }

    void expect(char c) {
      if (next() != c) {
        throw new IllegalArgumentException("Expected " + c + " at " + (pos - 1));
      }
    }

    void skip() {
      while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
        pos++;
      }
    }

    String string() {
      expect('"');
      StringBuilder out = new StringBuilder();
      while (true) {
        char c = next();
        if (c == '"') {
          return out.toString();
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
            if (pos + 4 > s.length()) {
              throw new IllegalArgumentException("Bad escape at " + pos);
            }
            out.append((char) Integer.parseInt(s.substring(pos, pos + 4), 16));
            pos += 4;
          }
          default -> throw new IllegalArgumentException("Bad escape at " + pos);
        }
      }
    }
  }
}
