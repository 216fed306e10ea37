package vn.lienthong.signing.internal.pdf;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The PDF object model of the incremental writer: just enough to read the objects a signature
 * touches (trailer, catalog, form, page tree) and to write them back unchanged except for the
 * entries we add. Dictionaries are {@link Dict}, arrays {@code List<Object>}, booleans {@code
 * Boolean}; names, numbers and strings keep their exact bytes so a rewritten object says what the
 * original said.
 */
public final class PdfValues {

  private PdfValues() {}

  /**
   * A name, without the slash, in one canonical spelling: escaped with #xx exactly where a name
   * cannot hold a byte as is (7.3.5). {@code /Cont#65nts} is read as {@code Contents}, as every
   * reader takes it, so no spelling slips past a comparison by name.
   */
  public record Name(String raw) {

    /** A name for any text: UTF-8, with #xx for what a name cannot hold as is (7.3.5). */
    public static Name of(String text) {
      return new Name(escaped(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The name as a file spells it, escapes decoded and written again the canonical way. */
    static String canonical(String spelled) {
      if (spelled.indexOf('#') < 0) {
        return spelled;
      }
      java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream(spelled.length());
      for (int i = 0; i < spelled.length(); i++) {
        char c = spelled.charAt(i);
        int high = i + 2 < spelled.length() ? Character.digit(spelled.charAt(i + 1), 16) : -1;
        int low = i + 2 < spelled.length() ? Character.digit(spelled.charAt(i + 2), 16) : -1;
        if (c == '#' && high >= 0 && low >= 0) {
          bytes.write(high << 4 | low);
          i += 2;
        } else {
          bytes.write(c);
        }
      }
      return escaped(bytes.toByteArray());
    }

    private static String escaped(byte[] bytes) {
      StringBuilder raw = new StringBuilder();
      for (byte b : bytes) {
        int c = b & 0xff;
        if (c > 0x20 && c < 0x7f && c != '#' && "()<>[]{}/%".indexOf(c) < 0) {
          raw.append((char) c);
        } else {
          raw.append('#').append(String.format(java.util.Locale.ROOT, "%02X", c));
        }
      }
      return raw.toString();
    }

    @Override
    public String toString() {
      return "/" + raw;
    }
  }

  /** A number as written (integer or real). */
  public record Num(String text) {
    public long longValue() {
      try {
        return Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
      } catch (NumberFormatException e) {
        return (long) Double.parseDouble(text);
      }
    }

    /**
     * The value as an integer between {@code min} and {@code max}: where a count, an offset or an
     * object number is meant, a real or an absurd number (2^80) is refused, never wrapped around.
     */
    public long integer(long min, long max) throws UnsupportedPdfException {
      String digits = text.startsWith("+") ? text.substring(1) : text;
      try {
        long value = Long.parseLong(digits);
        if (value >= min && value <= max) {
          return value;
        }
      } catch (NumberFormatException e) {
        // a real, or more digits than a long holds
      }
      throw new UnsupportedPdfException("Number " + text + " is not an integer in range");
    }

    public static Num of(long value) {
      return new Num(Long.toString(value));
    }
  }

  /** A string's decoded bytes (literal or hex in the file; always written as hex). */
  public record Str(byte[] bytes) {
    /** A text string per ISO 32000-1 7.9.2.2: UTF-16BE with its BOM, or PDFDocEncoding. */
    public String text() {
      if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff) {
        return new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE);
      }
      return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    /** ASCII text as is, anything else as UTF-16BE with a BOM (Vietnamese needs it). */
    public static Str text(String value) {
      boolean ascii = value.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
      if (ascii) {
        return new Str(value.getBytes(StandardCharsets.US_ASCII));
      }
      byte[] utf16 = value.getBytes(StandardCharsets.UTF_16BE);
      byte[] bytes = new byte[utf16.length + 2];
      bytes[0] = (byte) 0xfe;
      bytes[1] = (byte) 0xff;
      System.arraycopy(utf16, 0, bytes, 2, utf16.length);
      return new Str(bytes);
    }
  }

  /** An indirect reference. */
  public record Ref(int number, int generation) {
    public static Ref of(int number) {
      return new Ref(number, 0);
    }
  }

  /** An object body written as is (made by {@link CosObjects}). */
  public record Raw(byte[] bytes) {}

  /** The null object. */
  public enum Null {
    NULL
  }

  /**
   * A stream: its dictionary and where its still-encoded data lies in the file (read on demand, so
   * that comparing revisions of a 200 MB scan does not load its images).
   */
  public record Stream(Dict dict, long dataOffset, long dataLength) {}

  /** A dictionary that keeps its key order. */
  public static final class Dict {
    private final Map<String, Object> entries = new LinkedHashMap<>();

    public Object get(String key) {
      return entries.get(key);
    }

    public Dict put(String key, Object value) {
      entries.put(key, value);
      return this;
    }

    public boolean has(String key) {
      return entries.containsKey(key);
    }

    public Map<String, Object> entries() {
      return entries;
    }

    public Dict copy() {
      Dict copy = new Dict();
      copy.entries.putAll(entries);
      return copy;
    }

    public boolean isName(String key, String name) {
      return entries.get(key) instanceof Name n && n.raw().equals(name);
    }
  }

  /** A copy of the array with one more element. */
  public static List<Object> appended(List<Object> array, Object element) {
    List<Object> copy = new java.util.ArrayList<>(array);
    copy.add(element);
    return copy;
  }
}
