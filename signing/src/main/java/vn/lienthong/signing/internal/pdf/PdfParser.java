package vn.lienthong.signing.internal.pdf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import vn.lienthong.signing.internal.pdf.PdfValues.Dict;
import vn.lienthong.signing.internal.pdf.PdfValues.Name;
import vn.lienthong.signing.internal.pdf.PdfValues.Null;
import vn.lienthong.signing.internal.pdf.PdfValues.Num;
import vn.lienthong.signing.internal.pdf.PdfValues.Ref;
import vn.lienthong.signing.internal.pdf.PdfValues.Str;

/** Reads PDF objects (ISO 32000-1 clause 7.3) from a position in some bytes. */
final class PdfParser {

  private final Bytes in;
  private final ReadLimits limits;
  private long pos;

  PdfParser(Bytes in, long position, ReadLimits limits) {
    this.in = in;
    this.pos = position;
    this.limits = limits;
  }

  /** A parser for a few values written by us or by PDFBox: the usual bounds, a fresh count. */
  PdfParser(Bytes in, long position) {
    this(in, position, new ReadLimits());
  }

  long position() {
    return pos;
  }

  void seek(long position) {
    pos = position;
  }

  static boolean isWhitespace(int c) {
    return c == 0 || c == 9 || c == 10 || c == 12 || c == 13 || c == 32;
  }

  static boolean isDelimiter(int c) {
    return c == '(' || c == ')' || c == '<' || c == '>' || c == '[' || c == ']' || c == '{'
        || c == '}' || c == '/' || c == '%';
  }

  private static boolean isRegular(int c) {
    return c >= 0 && !isWhitespace(c) && !isDelimiter(c);
  }

  void skipWhitespace() {
    while (true) {
      int c = in.at(pos);
      if (isWhitespace(c)) {
        pos++;
      } else if (c == '%') {
        while (c != '\n' && c != '\r' && c != -1) {
          c = in.at(++pos);
        }
      } else {
        return;
      }
    }
  }

  /** A run of regular characters (a keyword or number), after whitespace. */
  String token() throws UnsupportedPdfException {
    skipWhitespace();
    return regularRun();
  }

  void expect(String keyword) throws UnsupportedPdfException {
    String token = token();
    if (!token.equals(keyword)) {
      throw new UnsupportedPdfException(
          "Expected '" + keyword + "' at " + pos + ", found '" + token + "'");
    }
  }

  /** A non-negative integer no larger than {@code max}: an offset, a count, an object number. */
  long integer(long max) throws UnsupportedPdfException {
    String token = token();
    if (!isUnsignedInteger(token, 19)) {
      throw new UnsupportedPdfException("Expected a number at " + pos + ", found '" + token + "'");
    }
    long value;
    try {
      value = Long.parseLong(token);
    } catch (NumberFormatException e) {
      value = -1; // 19 digits above 2^63 - 1
    }
    if (value < 0 || value > max) {
      throw new UnsupportedPdfException("Number " + token + " at " + pos + " is out of range");
    }
    return value;
  }

  Object value() throws UnsupportedPdfException {
    return value(0);
  }

  private Object value(int depth) throws UnsupportedPdfException {
    if (depth > ReadLimits.MAX_NESTING) {
      // not the general path: PDFBox gives up at 500 levels and reads the object as null, and a
      // page it cannot read becomes an empty page in the copy it signs
      throw new LimitExceededException(
          "Objects nested more than " + ReadLimits.MAX_NESTING + " deep");
    }
    limits.value();
    skipWhitespace();
    int c = in.at(pos);
    switch (c) {
      case '/':
        pos++;
        return new Name(Name.canonical(regularRun()));
      case '[':
        pos++;
        List<Object> array = new ArrayList<>();
        while (true) {
          skipWhitespace();
          int d = in.at(pos);
          if (d == ']') {
            pos++;
            return array;
          }
          if (d == -1) {
            throw new UnsupportedPdfException("Unterminated array");
          }
          array.add(value(depth + 1));
        }
      case '<':
        if (in.at(pos + 1) == '<') {
          pos += 2;
          return dictionaryBody(depth);
        }
        pos++;
        return hexString();
      case '(':
        pos++;
        return literalString();
      case -1:
        throw new UnsupportedPdfException("Unexpected end of data");
      default:
        break;
    }
    String token = token();
    switch (token) {
      case "true":
        return Boolean.TRUE;
      case "false":
        return Boolean.FALSE;
      case "null":
        return Null.NULL;
      default:
        break;
    }
    if (token.isEmpty() || !isNumber(token)) {
      throw new UnsupportedPdfException("Unexpected '" + token + (char) in.at(pos) + "' at " + pos);
    }
    if (isUnsignedInteger(token, 9)) {
      long mark = pos;
      String generation = token();
      if (isUnsignedInteger(generation, 9)) {
        String r = token();
        if (r.equals("R")) {
          // a reference to an object no file can hold is the null object (7.3.10)
          int number = Integer.parseInt(token);
          int gen = Integer.parseInt(generation);
          return number <= ReadLimits.MAX_OBJECT_NUMBER && gen <= ReadLimits.MAX_GENERATION
              ? new Ref(number, gen)
              : Null.NULL;
        }
      }
      pos = mark;
    }
    return new Num(token);
  }

  private Dict dictionaryBody(int depth) throws UnsupportedPdfException {
    Dict dict = new Dict();
    while (true) {
      skipWhitespace();
      int c = in.at(pos);
      if (c == '>' && in.at(pos + 1) == '>') {
        pos += 2;
        return dict;
      }
      if (c != '/') {
        throw new UnsupportedPdfException("Expected a name in a dictionary at " + pos);
      }
      pos++;
      String key = Name.canonical(regularRun());
      dict.put(key, value(depth + 1));
    }
  }

  private String regularRun() throws UnsupportedPdfException {
    StringBuilder run = new StringBuilder();
    int c;
    while (isRegular(c = in.at(pos))) {
      if (run.length() == ReadLimits.MAX_TOKEN_CHARS) {
        throw new UnsupportedPdfException("A name or number longer than the limit at " + pos);
      }
      run.append((char) c);
      pos++;
    }
    return run.toString();
  }

  private void checkString(ByteArrayOutputStream bytes) throws UnsupportedPdfException {
    if (bytes.size() > ReadLimits.MAX_STRING_BYTES) {
      throw new UnsupportedPdfException("A string longer than the limit at " + pos);
    }
  }

  private Str hexString() throws UnsupportedPdfException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int high = -1;
    while (true) {
      int c = in.at(pos++);
      if (c == '>') {
        break;
      }
      if (c == -1) {
        throw new UnsupportedPdfException("Unterminated hex string");
      }
      if (isWhitespace(c)) {
        continue;
      }
      checkString(bytes);
      int digit = Character.digit(c, 16);
      if (digit < 0) {
        throw new UnsupportedPdfException("Bad hex string at " + pos);
      }
      if (high < 0) {
        high = digit;
      } else {
        bytes.write(high << 4 | digit);
        high = -1;
      }
    }
    if (high >= 0) {
      bytes.write(high << 4);
    }
    limits.string(bytes.size());
    return new Str(bytes.toByteArray());
  }

  private Str literalString() throws UnsupportedPdfException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int depth = 1;
    while (true) {
      int c = in.at(pos++);
      checkString(bytes);
      switch (c) {
        case -1 -> throw new UnsupportedPdfException("Unterminated string");
        case '(' -> {
          depth++;
          bytes.write(c);
        }
        case ')' -> {
          if (--depth == 0) {
            limits.string(bytes.size());
            return new Str(bytes.toByteArray());
          }
          bytes.write(c);
        }
        case '\\' -> escape(bytes);
        case '\r' -> {
          // an end of line in a string is a line feed (7.3.4.2)
          if (in.at(pos) == '\n') {
            pos++;
          }
          bytes.write('\n');
        }
        default -> bytes.write(c);
      }
    }
  }

  private void escape(ByteArrayOutputStream bytes) {
    int c = in.at(pos++);
    switch (c) {
      case 'n' -> bytes.write('\n');
      case 'r' -> bytes.write('\r');
      case 't' -> bytes.write('\t');
      case 'b' -> bytes.write('\b');
      case 'f' -> bytes.write('\f');
      case '\r' -> {
        if (in.at(pos) == '\n') {
          pos++;
        }
      }
      case '\n' -> {
        // a line continuation
      }
      default -> {
        if (c >= '0' && c <= '7') {
          int value = c - '0';
          for (int i = 0; i < 2 && in.at(pos) >= '0' && in.at(pos) <= '7'; i++) {
            value = value * 8 + in.at(pos++) - '0';
          }
          bytes.write(value & 0xff);
        } else if (c != -1) {
          bytes.write(c);
        }
      }
    }
  }

  private static boolean isNumber(String token) {
    boolean digit = false;
    boolean point = false;
    for (int i = 0; i < token.length(); i++) {
      char c = token.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c == '.' && !point) {
        point = true;
      } else if (!((c == '+' || c == '-') && i == 0)) {
        return false;
      }
    }
    return digit;
  }

  /** Digits only, at most {@code maxDigits} of them (so the value fits the type it is read as). */
  private static boolean isUnsignedInteger(String token, int maxDigits) {
    if (token.isEmpty() || token.length() > maxDigits) {
      return false;
    }
    for (int i = 0; i < token.length(); i++) {
      if (token.charAt(i) < '0' || token.charAt(i) > '9') {
        return false;
      }
    }
    return true;
  }

  /** The bytes of a keyword at the current position, for error messages. */
  String peek(int length) {
    byte[] bytes = new byte[length];
    int n = 0;
    for (; n < length && in.at(pos + n) >= 0; n++) {
      bytes[n] = (byte) in.at(pos + n);
    }
    return new String(bytes, 0, n, StandardCharsets.ISO_8859_1);
  }
}
