package vn.lienthong.signing.appearance;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;
import vn.lienthong.signing.InvalidDocumentException;
import vn.lienthong.signing.PdfBoxFiles;
import vn.lienthong.signing.appearance.Appearance.Align;
import vn.lienthong.signing.appearance.Appearance.Mark;
import vn.lienthong.signing.internal.Contained;

/**
 * Where the number and the date of issue go on page 1. Decree 30/2020/NĐ-CP Annex I puts the number
 * and notation (ô 3, "Số: 05/QĐ-UBND") under the organ's name on the left and the place and date (ô
 * 4, "Thạc Gián, ngày 02 tháng 12 năm 2026") under the motto on the right, on one line. A draft
 * leaves the number, the day and the month blank ("Số: /QĐ-UBND", "ngày tháng năm 2026"): they are
 * given at issuance (art. 15-16). The blanks are found in the text of page 1 and each piece is
 * written where its blank is; a blank the drafter already filled is left as it is.
 *
 * <p>A page where no "Số:" is found in its upper half (a scan, a page without the Annex I header)
 * gets the whole line, "Số: …" on the left and "Ngày … tháng … năm …" on the right, in its top
 * margin (Annex I: 20-25 mm, empty on a document laid out by the decree).
 */
public final class IssuanceLine {

  /** The size of the text when the page's own cannot be read (Annex I: size 13 to 14). */
  static final float DEFAULT_SIZE = 13f;

  /** Margins of Annex I, in points: left 30 mm, right 15 mm. */
  static final float LEFT_MARGIN = 85f;

  static final float RIGHT_MARGIN = 43f;

  /** Baseline of the line written in the top margin, from the page's top edge. */
  static final float TOP_MARGIN_BASELINE = 40f;

  /** "số:" with its colon, at a word start; matched on text without diacritics, lower case. */
  private static final Pattern NUMBER = Pattern.compile("(?<![\\p{L}\\d])so\\s*:\\s*");

  private static final Pattern DATE =
      Pattern.compile(
          "(?<![\\p{L}])ngay([\\s._…]*)([^\\s._…]*)\\s*thang([\\s._…]*)([^\\s._…]*)\\s*nam"
              + "([\\s._…]*)(\\d*)");

  private IssuanceLine() {}

  /**
   * The appearance that writes {@code notation} (e.g. {@code 05/QĐ-UBND}) and {@code date} on page
   * 1 of {@code pdf}.
   */
  public static Appearance.NumberAndDate find(Path pdf, String notation, LocalDate date) {
    return Contained.call(
        () -> {
          try (PDDocument document = PdfBoxFiles.open(pdf)) {
            if (document.getNumberOfPages() == 0) {
              throw new InvalidDocumentException(
                  InvalidDocumentException.Reason.DAMAGED, "The document has no page");
            }
            PDPage first = document.getPage(0);
            PDRectangle box = first.getCropBox();
            List<Line> lines =
                first.getRotation() % 360 == 0 ? Lines.of(document) : List.<Line>of();
            return locate(lines, box.getWidth(), box.getHeight(), notation, date);
          } catch (IOException e) {
            throw new InvalidDocumentException(
                InvalidDocumentException.Reason.DAMAGED, "The document cannot be read", e);
          }
        });
  }

  /** The day as Annex I writes it: two digits below 10. */
  static String day(LocalDate date) {
    return String.format("%02d", date.getDayOfMonth());
  }

  /** The month as Annex I writes it: a leading zero for January and February only. */
  static String month(LocalDate date) {
    int m = date.getMonthValue();
    return m < 3 ? "0" + m : Integer.toString(m);
  }

  /** A line of page 1: its text without diacritics, lower case, and each character's glyph. */
  record Line(String folded, List<Glyph> glyphs) {}

  /** A glyph's box, in points from the page's top-left corner; {@code baseline} is its y. */
  record Glyph(float x, float width, float baseline, float size) {}

  static Appearance.NumberAndDate locate(
      List<Line> lines, float pageWidth, float pageHeight, String notation, LocalDate date) {
    List<Mark> marks = new ArrayList<>();
    Glyph numberColon = null;
    for (Line line : lines) {
      Matcher m = NUMBER.matcher(line.folded());
      if (m.find() && line.glyphs().get(m.start()).baseline() < pageHeight / 2) {
        Glyph colon = line.glyphs().get(line.folded().indexOf(':', m.start()));
        float size = size(colon);
        int slash = notation.indexOf('/');
        if (m.end() < line.folded().length() && line.folded().charAt(m.end()) == '/' && slash > 0) {
          // "Số:    /QĐ-UBND": the number goes against the slash
          Glyph s = line.glyphs().get(m.end());
          marks.add(mark(notation.substring(0, slash), s.x() - 0.5f, s, size, Align.RIGHT));
        } else {
          // "Số:" and nothing after it on its side of the line (what follows on the same line
          // is ô 4, well to the right): the whole notation is missing
          float after = colon.x() + colon.width();
          boolean blank =
              m.end() >= line.folded().length()
                  || line.glyphs().get(m.end()).x() - after > 6 * size;
          if (blank) {
            marks.add(mark(notation, after + size / 4, colon, size, Align.LEFT));
          }
        }
        numberColon = colon;
        break;
      }
    }
    if (numberColon == null) {
      return topMargin(pageWidth, notation, date);
    }
    for (Line line : lines) {
      Matcher m = DATE.matcher(line.folded());
      if (!m.find()) {
        continue;
      }
      if (Math.abs(line.glyphs().get(m.start()).baseline() - numberColon.baseline()) > 60f) {
        continue; // not ô 4: some "ngày ... tháng ... năm" of the text further down
      }
      List<Glyph> g = line.glyphs();
      float size = size(g.get(m.start()));
      if (m.group(2).isEmpty()) {
        marks.add(between(day(date), g.get(m.start(1) - 1), g.get(m.end(1)), size));
      }
      if (m.group(4).isEmpty()) {
        marks.add(between(month(date), g.get(m.start(3) - 1), g.get(m.end(3)), size));
      }
      if (m.group(6).isEmpty()) {
        Glyph lastM = g.get(m.start(5) - 1);
        marks.add(
            mark(
                Integer.toString(date.getYear()),
                lastM.x() + lastM.width() + size / 4,
                lastM,
                size,
                Align.LEFT));
      }
      break;
    }
    if (marks.isEmpty()) {
      // every blank already filled in by the drafter: the register's number and date go in the
      // top margin, where they cannot be missed
      return topMargin(pageWidth, notation, date);
    }
    return band(pageWidth, marks);
  }

  private static Mark between(String text, Glyph before, Glyph after, float size) {
    float left = before.x() + before.width();
    float centre = (left + after.x()) / 2;
    return mark(text, centre, before, size, Align.CENTER);
  }

  /** A mark in page coordinates, on the baseline of {@code on}; {@link #band} moves it. */
  private static Mark mark(String text, float x, Glyph on, float size, Align align) {
    return new Mark(text, x, on.baseline(), size, align);
  }

  private static float size(Glyph glyph) {
    float s = glyph.size();
    return s >= 6f && s <= 20f ? s : DEFAULT_SIZE;
  }

  /** The marks (page coordinates) in a band across the page that holds them all. */
  private static Appearance.NumberAndDate band(float pageWidth, List<Mark> onPage) {
    float top = Float.MAX_VALUE;
    float bottom = 0;
    for (Mark m : onPage) {
      top = Math.min(top, m.baseline() - m.size() * 1.1f);
      bottom = Math.max(bottom, m.baseline() + m.size() * 0.35f);
    }
    top = Math.max(0, top);
    List<Mark> marks = new ArrayList<>();
    for (Mark m : onPage) {
      marks.add(new Mark(m.text(), m.x(), m.baseline() - top, m.size(), m.align()));
    }
    return new Appearance.NumberAndDate(new Placement(1, 0, top, pageWidth, bottom - top), marks);
  }

  private static Appearance.NumberAndDate topMargin(
      float pageWidth, String notation, LocalDate date) {
    float size = DEFAULT_SIZE;
    String dateText = "Ngày " + day(date) + " tháng " + month(date) + " năm " + date.getYear();
    Glyph line = new Glyph(0, 0, TOP_MARGIN_BASELINE, size);
    return band(
        pageWidth,
        List.of(
            mark("Số: " + notation, LEFT_MARGIN, line, size, Align.LEFT),
            mark(dateText, pageWidth - RIGHT_MARGIN, line, size, Align.RIGHT)));
  }

  /** Page 1's lines as PDFBox sorts them by position. */
  private static final class Lines extends PDFTextStripper {
    private final List<Line> lines = new ArrayList<>();
    private final StringBuilder folded = new StringBuilder();
    private final List<Glyph> glyphs = new ArrayList<>();
    private Glyph last;

    private Lines() {
      setSortByPosition(true);
      setStartPage(1);
      setEndPage(1);
    }

    static List<Line> of(PDDocument document) throws IOException {
      Lines stripper = new Lines();
      stripper.writeText(document, new StringWriter());
      stripper.endLine();
      return stripper.lines;
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) {
      for (TextPosition p : positions) {
        String f = fold(p.getUnicode());
        Glyph g =
            new Glyph(p.getXDirAdj(), p.getWidthDirAdj(), p.getYDirAdj(), p.getFontSizeInPt());
        for (int i = 0; i < f.length(); i++) {
          folded.append(f.charAt(i));
          glyphs.add(g);
        }
        last = g;
      }
    }

    @Override
    protected void writeWordSeparator() {
      if (last != null) {
        folded.append(' ');
        glyphs.add(new Glyph(last.x() + last.width(), 0, last.baseline(), last.size()));
      }
    }

    @Override
    protected void writeLineSeparator() {
      endLine();
    }

    private void endLine() {
      if (!glyphs.isEmpty()) {
        lines.add(new Line(folded.toString(), List.copyOf(glyphs)));
      }
      folded.setLength(0);
      glyphs.clear();
      last = null;
    }
  }

  /** Without diacritics, lower case: "Số" and "SỐ" and a decomposed "Số" all read "so". */
  static String fold(String text) {
    String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); i++) {
      char c = decomposed.charAt(i);
      if (Character.getType(c) == Character.NON_SPACING_MARK) {
        continue;
      }
      out.append(c == 'đ' || c == 'Đ' ? 'd' : c);
    }
    return out.toString().toLowerCase(Locale.ROOT);
  }
}
