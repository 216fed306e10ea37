package vn.lienthong.signing.fuzz;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * A structure-aware mutator for PDF files: it knows tokens (numbers, names, keywords, brackets),
 * stream data, cross-reference tables and streams, and the keys the reader trusts (/Length, /Size,
 * /Prev, /Index, /W, /N, /First, /Count, /Kids, startxref...). Each mutation says what it did.
 * Edits that change the length of the file are usually followed by fixing the offsets of the
 * cross-reference tables and streams, startxref and /Prev, so that the reader gets past them to the
 * mutated object. Deterministic for a given {@link Random}.
 */
final class PdfMutator {

  /** One mutated input: what was done, and the bytes. */
  record Mutant(String description, byte[] bytes) {}

  private static final String[] NUMBERS = {
    "-1",
    "0",
    "1",
    "2147483647",
    "2147483648",
    "4294967296",
    "9223372036854775807",
    "9223372036854775808",
    "99999999999999999999",
    "8388607",
    "8388608",
    "65535",
    "65536",
    "1.5",
    "-0",
    "+2",
    "1e5",
    "00000000000000000000001"
  };

  private static final String[] KEYWORDS = {
    "obj",
    "R",
    "endobj",
    "stream",
    "endstream",
    "xref",
    "trailer",
    "startxref",
    "null",
    "true",
    "n",
    "f"
  };

  private static final String[] KEYS = {
    "Length",
    "Size",
    "Prev",
    "Index",
    "W",
    "N",
    "First",
    "Count",
    "Kids",
    "Root",
    "Pages",
    "Annots",
    "AcroForm",
    "Fields",
    "Parent",
    "XRefStm",
    "Type",
    "Filter",
    "DecodeParms",
    "Predictor",
    "Columns",
    "MediaBox",
    "CropBox",
    "Rotate",
    "Contents",
    "ByteRange",
    "V",
    "FT",
    "Perms",
    "Lock",
    "Reference",
    "TransformParams",
    "P",
    "Info",
    "Encrypt",
    "Resources",
    "Subtype"
  };

  private static final String[] VALUES = {
    "[]",
    "[0]",
    "[0 0 0]",
    "[1 2]",
    "[1 0 0]",
    "[0 0 1]",
    "[7 7 7]",
    "[8 8 8]",
    "[-1 2 1]",
    "[0 99999999]",
    "[8388607 1]",
    "[0 2147483647]",
    "[1 4 2 0]",
    "[0 1 2]",
    "[1 0 R]",
    "[1 0 R 1 0 R]",
    "1 0 R",
    "0 0 R",
    "99999 0 R",
    "8388608 0 R",
    "1 65536 R",
    "/FlateDecode",
    "/XRef",
    "/ObjStm",
    "/Pages",
    "/Page",
    "/Sig",
    "null",
    "true",
    "(text)",
    "<FEFF00>",
    "<<>>",
    "<</Predictor 12/Columns 0>>",
    "<</Predictor 12/Columns 5>>",
    "<</Predictor 2>>",
    "<</Type/Pages/Kids[1 0 R]/Count 1>>",
    "[/FlateDecode /FlateDecode]",
    "[0 0 595 842 0]",
    "[0 0 1e400 842]",
    "90"
  };

  private static final Pattern TABLE_ENTRY = Pattern.compile("(\\d{10}) (\\d{5}) ([nf])");
  private static final Pattern STARTXREF = Pattern.compile("startxref(\\s+)(\\d+)");
  private static final Pattern PREV = Pattern.compile("/(Prev|XRefStm)(\\s+)(\\d+)");

  private final Random random;

  PdfMutator(Random random) {
    this.random = random;
  }

  /** One to three mutations of {@code seed}. */
  Mutant mutate(byte[] seed) {
    byte[] bytes = seed;
    StringBuilder description = new StringBuilder();
    int count = 1 + (random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0);
    for (int i = 0; i < count; i++) {
      Mutant one = mutateOnce(bytes);
      bytes = one.bytes();
      description.append(i > 0 ? "; " : "").append(one.description());
    }
    return new Mutant(description.toString(), bytes);
  }

  private Mutant mutateOnce(byte[] bytes) {
    List<Token> tokens = tokens(bytes);
    if (tokens.isEmpty() || bytes.length < 16) {
      return truncate(bytes);
    }
    int kind = random.nextInt(14);
    return switch (kind) {
      case 0, 1 -> replaceNumber(bytes, tokens);
      case 2 -> duplicateOrDelete(bytes, tokens);
      case 3 -> swapKeyword(bytes, tokens);
      case 4 -> nest(bytes, tokens);
      case 5 -> corruptStream(bytes, tokens);
      case 6 -> truncate(bytes);
      case 7 -> cutXref(bytes, tokens);
      case 8, 9, 10 -> replaceKeyValue(bytes, tokens);
      case 11 -> startXref(bytes);
      case 12 -> mutateInsideStream(bytes, tokens);
      default -> bytes(bytes, tokens);
    };
  }

  // ------------------------------------------------------------------ the mutations

  private Mutant replaceNumber(byte[] bytes, List<Token> tokens) {
    Token token = pick(tokens, Kind.NUMBER);
    if (token == null) {
      return truncate(bytes);
    }
    String value = random.nextBoolean() ? NUMBERS[random.nextInt(NUMBERS.length)] : near(token);
    return edit(
        bytes, token.start, token.end, value, "number " + token.text + " -> " + value, true);
  }

  private String near(Token token) {
    try {
      long n = Long.parseLong(token.text);
      long[] choices = {n - 1, n + 1, n * 2, n + 20, -n, n / 2};
      return Long.toString(choices[random.nextInt(choices.length)]);
    } catch (NumberFormatException e) {
      return "-" + token.text;
    }
  }

  private Mutant duplicateOrDelete(byte[] bytes, List<Token> tokens) {
    Token token = tokens.get(random.nextInt(tokens.size()));
    if (random.nextBoolean()) {
      return edit(
          bytes, token.end, token.end, " " + token.text, "duplicate '" + token.text + "'", true);
    }
    return edit(bytes, token.start, token.end, "", "delete '" + token.text + "'", true);
  }

  private Mutant swapKeyword(byte[] bytes, List<Token> tokens) {
    Token token = pick(tokens, Kind.KEYWORD);
    if (token == null) {
      return truncate(bytes);
    }
    String to =
        token.text.equals("obj")
            ? "R"
            : token.text.equals("R") ? "obj" : KEYWORDS[random.nextInt(KEYWORDS.length)];
    return edit(bytes, token.start, token.end, to, token.text + " -> " + to, true);
  }

  private Mutant nest(byte[] bytes, List<Token> tokens) {
    Token token = tokens.get(random.nextInt(tokens.size()));
    int[] depths = {63, 64, 65, 66, 200, 5000, 100_000};
    int depth = depths[random.nextInt(depths.length)];
    String[][] shapes = {{"[", "]"}, {"<<", ">>"}, {"<</A ", ">>"}, {"[<</K ", ">>]"}};
    String[] shape = shapes[random.nextInt(shapes.length)];
    boolean closed = random.nextBoolean();
    String text = shape[0].repeat(depth) + "0" + (closed ? shape[1].repeat(depth) : "");
    return edit(
        bytes,
        token.start,
        token.end,
        text,
        "nest " + depth + " x " + shape[0] + (closed ? " closed" : " open"),
        true);
  }

  private Mutant corruptStream(byte[] bytes, List<Token> tokens) {
    Token stream = pick(tokens, Kind.DATA);
    if (stream == null || stream.end <= stream.start) {
      return truncate(bytes);
    }
    byte[] copy = bytes.clone();
    int length = stream.end - stream.start;
    String what;
    switch (random.nextInt(4)) {
      case 0 -> {
        int n = 1 + random.nextInt(8);
        for (int i = 0; i < n; i++) {
          copy[stream.start + random.nextInt(length)] ^= (byte) (1 << random.nextInt(8));
        }
        what = n + " bits flipped";
      }
      case 1 -> {
        int from = stream.start + random.nextInt(length);
        Arrays.fill(copy, from, stream.end, (byte) 0);
        what = "zeros from " + (from - stream.start);
      }
      case 2 -> {
        for (int i = stream.start; i < stream.end; i++) {
          copy[i] = (byte) random.nextInt(256);
        }
        what = "random bytes";
      }
      default -> {
        // a zlib header with a preset dictionary, or one that claims another method
        copy[stream.start] = 0x78;
        if (length > 1) {
          copy[stream.start + 1] = (byte) (random.nextBoolean() ? 0xBB : 0x20);
        }
        what = "bad zlib header";
      }
    }
    return new Mutant("stream at " + stream.start + ": " + what, copy);
  }

  private Mutant truncate(byte[] bytes) {
    int at = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
    return new Mutant("truncate at " + at, Arrays.copyOf(bytes, at));
  }

  /** The file cut inside a cross-reference section, with or without its tail kept. */
  private Mutant cutXref(byte[] bytes, List<Token> tokens) {
    List<Token> xrefs = new ArrayList<>();
    for (Token t : tokens) {
      if (t.text.equals("xref") || t.text.equals("/XRef")) {
        xrefs.add(t);
      }
    }
    if (xrefs.isEmpty()) {
      return truncate(bytes);
    }
    Token xref = xrefs.get(random.nextInt(xrefs.size()));
    int cut = Math.min(bytes.length, xref.start + random.nextInt(400));
    if (random.nextBoolean()) {
      return new Mutant("cut in the xref at " + cut, Arrays.copyOf(bytes, cut));
    }
    int to = Math.min(bytes.length, cut + 1 + random.nextInt(60));
    return edit(bytes, cut, to, "", "slice " + cut + ".." + to + " of the xref removed", false);
  }

  private Mutant replaceKeyValue(byte[] bytes, List<Token> tokens) {
    List<Integer> keys = new ArrayList<>();
    String wanted = KEYS[random.nextInt(KEYS.length)];
    for (int i = 0; i + 1 < tokens.size(); i++) {
      Token t = tokens.get(i);
      if (t.kind == Kind.NAME && t.text.substring(1).equals(wanted)) {
        keys.add(i);
      }
    }
    if (keys.isEmpty()) {
      return replaceNumber(bytes, tokens);
    }
    int at = keys.get(random.nextInt(keys.size()));
    int start = tokens.get(at + 1).start;
    int end = valueEnd(tokens, at + 1);
    String value =
        random.nextInt(3) == 0
            ? NUMBERS[random.nextInt(NUMBERS.length)]
            : VALUES[random.nextInt(VALUES.length)];
    return edit(bytes, start, end, value, "/" + wanted + " -> " + value, true);
  }

  private Mutant startXref(byte[] bytes) {
    List<int[]> found = new ArrayList<>();
    Matcher m = STARTXREF.matcher(latin1(bytes));
    while (m.find()) {
      if (m.group(2).length() <= 18) {
        found.add(new int[] {m.start(2), m.end(2)});
      }
    }
    if (found.isEmpty()) {
      return truncate(bytes);
    }
    int[] chosen = found.get(random.nextInt(found.size()));
    long offset = Long.parseLong(latin1(bytes, chosen[0], chosen[1]));
    String[] choices = {
      Long.toString(offset + 1 + random.nextInt(10)),
      Long.toString(Math.max(0, offset - 1 - random.nextInt(10))),
      Long.toString(bytes.length),
      Long.toString(random.nextInt(Math.max(1, bytes.length))),
      NUMBERS[random.nextInt(NUMBERS.length)]
    };
    String value = choices[random.nextInt(choices.length)];
    return edit(bytes, chosen[0], chosen[1], value, "startxref " + offset + " -> " + value, false);
  }

  /** Inflates a Flate stream, mutates what it holds, and deflates it into the same room. */
  private Mutant mutateInsideStream(byte[] bytes, List<Token> tokens) {
    Token stream = pick(tokens, Kind.DATA);
    if (stream == null) {
      return truncate(bytes);
    }
    byte[] raw = Arrays.copyOfRange(bytes, stream.start, stream.end);
    byte[] decoded = inflate(raw);
    if (decoded == null || decoded.length == 0) {
      return corruptStream(bytes, tokens);
    }
    List<Token> inner = tokens(decoded);
    Mutant changed;
    if (!inner.isEmpty() && random.nextBoolean()) {
      changed =
          switch (random.nextInt(4)) {
            case 0 -> replaceNumber(decoded, inner);
            case 1 -> duplicateOrDelete(decoded, inner);
            case 2 -> replaceKeyValue(decoded, inner);
            default -> swapKeyword(decoded, inner);
          };
    } else {
      byte[] copy = decoded.clone();
      int n = 1 + random.nextInt(4);
      for (int i = 0; i < n; i++) {
        copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
      }
      changed = new Mutant(n + " decoded bytes changed", copy);
    }
    byte[] encoded = deflate(changed.bytes());
    if (encoded.length > raw.length) {
      return corruptStream(bytes, tokens);
    }
    byte[] copy = bytes.clone();
    System.arraycopy(encoded, 0, copy, stream.start, encoded.length);
    Arrays.fill(copy, stream.start + encoded.length, stream.end, (byte) 0);
    return new Mutant("inside the stream at " + stream.start + ": " + changed.description(), copy);
  }

  private Mutant bytes(byte[] bytes, List<Token> tokens) {
    Token token = tokens.get(random.nextInt(tokens.size()));
    byte[] junk = new byte[1 + random.nextInt(8)];
    random.nextBytes(junk);
    String text = new String(junk, StandardCharsets.ISO_8859_1);
    return edit(bytes, token.start, token.start, text, "junk before '" + token.text + "'", true);
  }

  // ------------------------------------------------------------------ edits and offsets

  /**
   * Replaces bytes {@code start..end} with {@code text}; when the length changes, usually moves the
   * offsets after the edit in the tables, cross-reference streams, startxref and /Prev.
   */
  private Mutant edit(
      byte[] bytes, int start, int end, String text, String description, boolean fixOffsets) {
    byte[] insert = text.getBytes(StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + insert.length);
    out.write(bytes, 0, start);
    out.writeBytes(insert);
    out.write(bytes, end, bytes.length - end);
    byte[] result = out.toByteArray();
    int delta = insert.length - (end - start);
    if (fixOffsets && delta != 0 && random.nextInt(5) != 0) {
      result = moveOffsets(result, start, delta);
    }
    return new Mutant(description, result);
  }

  /** Offsets beyond {@code at} moved by {@code delta}, where the file writes them. */
  static byte[] moveOffsets(byte[] bytes, long at, int delta) {
    String text = latin1(bytes);
    StringBuilder out = new StringBuilder(text.length());
    // classic tables: 10-digit offsets of in-use entries
    Matcher m = TABLE_ENTRY.matcher(text);
    int last = 0;
    while (m.find()) {
      long offset = Long.parseLong(m.group(1));
      out.append(text, last, m.start());
      if (m.group(3).equals("n") && offset > at && offset + delta >= 0) {
        out.append(String.format(java.util.Locale.ROOT, "%010d", offset + delta))
            .append(text, m.end(1), m.end());
      } else {
        out.append(m.group());
      }
      last = m.end();
    }
    out.append(text, last, text.length());
    text = out.toString();
    text = moveNumbers(text, STARTXREF, 2, at, delta);
    text = moveNumbers(text, PREV, 3, at, delta);
    byte[] result = text.getBytes(StandardCharsets.ISO_8859_1);
    moveStreamOffsets(result, at, delta);
    return result;
  }

  private static String moveNumbers(String text, Pattern pattern, int group, long at, int delta) {
    Matcher m = pattern.matcher(text);
    StringBuilder out = new StringBuilder(text.length());
    int last = 0;
    while (m.find()) {
      String digits = m.group(group);
      if (digits.length() > 18) {
        continue;
      }
      long value = Long.parseLong(digits);
      out.append(text, last, m.start(group));
      out.append(value > at ? Long.toString(value + delta) : digits);
      last = m.end(group);
    }
    out.append(text, last, text.length());
    return out.toString();
  }

  /**
   * Offsets in cross-reference streams written as PDFBox and our writer do (/W [1 n m], Flate, no
   * predictor), re-encoded in place when they still fit the stream's room.
   */
  private static void moveStreamOffsets(byte[] bytes, long at, int delta) {
    String text = latin1(bytes);
    Matcher w = Pattern.compile("/W\\s*\\[\\s*1\\s+(\\d)\\s+(\\d)\\s*\\]").matcher(text);
    while (w.find()) {
      int dictStart = text.lastIndexOf("obj", w.start());
      int streamAt = text.indexOf("stream", w.end());
      if (dictStart < 0
          || streamAt < 0
          || text.substring(dictStart, streamAt).contains("Predictor")
          || !text.substring(dictStart, streamAt).contains("/XRef")) {
        continue;
      }
      Matcher length =
          Pattern.compile("/Length\\s+(\\d+)").matcher(text.substring(dictStart, streamAt));
      if (!length.find()) {
        continue;
      }
      if (length.group(1).length() > 9) {
        continue;
      }
      int n = Integer.parseInt(length.group(1));
      int data = streamAt + "stream".length();
      if (data < bytes.length && bytes[data] == '\r') {
        data++;
      }
      if (data < bytes.length && bytes[data] == '\n') {
        data++;
      }
      if ((long) data + n > bytes.length) {
        continue;
      }
      byte[] rows = inflate(Arrays.copyOfRange(bytes, data, data + n));
      int second = w.group(1).charAt(0) - '0';
      int third = w.group(2).charAt(0) - '0';
      int width = 1 + second + third;
      if (rows == null || second == 0 || rows.length % width != 0) {
        continue;
      }
      for (int r = 0; r + width <= rows.length; r += width) {
        if (rows[r] != 1) {
          continue;
        }
        long offset = 0;
        for (int i = 0; i < second; i++) {
          offset = offset << 8 | (rows[r + 1 + i] & 0xff);
        }
        long moved = offset + delta;
        if (offset > at && moved >= 0 && moved < 1L << (8 * second)) {
          for (int i = second - 1; i >= 0; i--) {
            rows[r + 1 + i] = (byte) (moved >>> (8 * (second - 1 - i)));
          }
        }
      }
      byte[] encoded = deflate(rows);
      if (encoded.length <= n) {
        System.arraycopy(encoded, 0, bytes, data, encoded.length);
        Arrays.fill(bytes, data + encoded.length, data + n, (byte) 0);
      }
    }
  }

  // ------------------------------------------------------------------ tokens

  enum Kind {
    NUMBER,
    NAME,
    KEYWORD,
    DELIMITER,
    STRING,
    DATA
  }

  record Token(Kind kind, int start, int end, String text) {}

  /** The file's tokens; a stream's data is one DATA token (its /Length as written, if direct). */
  static List<Token> tokens(byte[] bytes) {
    List<Token> tokens = new ArrayList<>();
    int i = 0;
    int n = bytes.length;
    while (i < n && tokens.size() < 200_000) {
      int c = bytes[i] & 0xff;
      if (c == 0 || c == 9 || c == 10 || c == 12 || c == 13 || c == 32) {
        i++;
      } else if (c == '%') {
        while (i < n && bytes[i] != '\n' && bytes[i] != '\r') {
          i++;
        }
      } else if (c == '(') {
        int start = i++;
        int depth = 1;
        while (i < n && depth > 0) {
          if (bytes[i] == '\\') {
            i++;
          } else if (bytes[i] == '(') {
            depth++;
          } else if (bytes[i] == ')') {
            depth--;
          }
          i++;
        }
        tokens.add(new Token(Kind.STRING, start, Math.min(i, n), "(...)"));
      } else if (c == '<' && i + 1 < n && bytes[i + 1] != '<') {
        int start = i;
        while (i < n && bytes[i] != '>') {
          i++;
        }
        i = Math.min(n, i + 1);
        tokens.add(new Token(Kind.STRING, start, i, "<...>"));
      } else if (c == '<' || c == '>') {
        int end = Math.min(n, i + (i + 1 < n && bytes[i + 1] == c ? 2 : 1));
        tokens.add(new Token(Kind.DELIMITER, i, end, latin1(bytes, i, end)));
        i = end;
      } else if (c == '[' || c == ']' || c == '{' || c == '}' || c == ')') {
        tokens.add(new Token(Kind.DELIMITER, i, i + 1, String.valueOf((char) c)));
        i++;
      } else {
        int start = i;
        i++;
        while (i < n && regular(bytes[i] & 0xff)) {
          i++;
        }
        String text = latin1(bytes, start, i);
        Kind kind =
            c == '/'
                ? Kind.NAME
                : text.matches("[+-]?[0-9]*\\.?[0-9]+") ? Kind.NUMBER : Kind.KEYWORD;
        tokens.add(new Token(kind, start, i, text));
        if (text.equals("stream")) {
          int data = i;
          if (data < n && bytes[data] == '\r') {
            data++;
          }
          if (data < n && bytes[data] == '\n') {
            data++;
          }
          int end = indexOf(bytes, "endstream", data);
          if (end < 0) {
            break;
          }
          int dataEnd = end;
          while (dataEnd > data && (bytes[dataEnd - 1] == '\n' || bytes[dataEnd - 1] == '\r')) {
            dataEnd--;
          }
          tokens.add(new Token(Kind.DATA, data, dataEnd, "<data>"));
          i = end;
        }
      }
    }
    return tokens;
  }

  private static boolean regular(int c) {
    return !(c == 0 || c == 9 || c == 10 || c == 12 || c == 13 || c == 32)
        && "()<>[]{}/%".indexOf(c) < 0;
  }

  /** Where the value starting at token {@code i} ends: a reference, an array or a dictionary. */
  private static int valueEnd(List<Token> tokens, int i) {
    Token first = tokens.get(i);
    if (first.text.equals("[") || first.text.equals("<<")) {
      String close = first.text.equals("[") ? "]" : ">>";
      int depth = 0;
      for (int j = i; j < tokens.size(); j++) {
        Token t = tokens.get(j);
        if (t.text.equals(first.text)) {
          depth++;
        } else if (t.text.equals(close) && --depth == 0) {
          return t.end;
        }
      }
      return first.end;
    }
    if (first.kind == Kind.NUMBER
        && i + 2 < tokens.size()
        && tokens.get(i + 1).kind == Kind.NUMBER
        && tokens.get(i + 2).text.equals("R")) {
      return tokens.get(i + 2).end;
    }
    return first.end;
  }

  private Token pick(List<Token> tokens, Kind kind) {
    List<Token> of = new ArrayList<>();
    for (Token t : tokens) {
      if (t.kind == kind) {
        of.add(t);
      }
    }
    return of.isEmpty() ? null : of.get(random.nextInt(of.size()));
  }

  private static int indexOf(byte[] bytes, String what, int from) {
    byte[] needle = what.getBytes(StandardCharsets.ISO_8859_1);
    outer:
    for (int i = Math.max(0, from); i + needle.length <= bytes.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (bytes[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static String latin1(byte[] bytes) {
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  private static String latin1(byte[] bytes, int from, int to) {
    return new String(bytes, from, to - from, StandardCharsets.ISO_8859_1);
  }

  /** At most 4 MB inflated, or null when the data is not zlib. */
  static byte[] inflate(byte[] data) {
    Inflater inflater = new Inflater();
    try {
      inflater.setInput(data);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      while (!inflater.finished() && out.size() < 4 << 20) {
        int n = inflater.inflate(buffer);
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          break;
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    } catch (DataFormatException e) {
      return null;
    } finally {
      inflater.end();
    }
  }

  static byte[] deflate(byte[] data) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
    try {
      deflater.setInput(data);
      deflater.finish();
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buffer = new byte[8192];
      while (!deflater.finished()) {
        out.write(buffer, 0, deflater.deflate(buffer));
      }
      return out.toByteArray();
    } finally {
      deflater.end();
    }
  }
}
