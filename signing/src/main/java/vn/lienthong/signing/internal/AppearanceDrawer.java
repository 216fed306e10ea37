package vn.lienthong.signing.internal;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.common.PDStream;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAppearanceStream;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;
import vn.lienthong.signing.SigningException;
import vn.lienthong.signing.appearance.Appearance;
import vn.lienthong.signing.appearance.Placement;
import vn.lienthong.signing.appearance.SealImages;
import vn.lienthong.signing.internal.pdf.SignatureIncrement;

/**
 * Draws the Decree 30/2020/NĐ-CP Annex I appearances with PDFBox into a small scratch document, for
 * the incremental writer to copy into the signed PDF: DejaVu subsets (embedded, with ToUnicode, so
 * "Đà Nẵng" is searchable and renders everywhere) and the seal or signature image.
 *
 * <ul>
 *   <li>Leader: the position (chức vụ) on top, the signature image under it, the full name at the
 *       bottom, in blue.
 *   <li>Seal: the unit's red seal image, with the unit's name and the signing time (ISO 8601,
 *       +07:00) under it in red.
 *   <li>Attachment: text only at the top right of page 1 (number and notation, signing time),
 *       DejaVu Serif 10 in black.
 *   <li>Number and date of issue: the pieces of text in the blanks of page 1's ô 3 and ô 4, in
 *       DejaVu Serif, black, at the size of the text around them.
 * </ul>
 *
 * <p>Images are decoded and compressed once per distinct image; fonts are parsed once. Drawing
 * takes a lock: the parsed fonts are not safe for concurrent subsetting.
 */
public final class AppearanceDrawer {

  private static final float PADDING = 2f;
  private static final float LEADING = 1.2f;
  private static final int IMAGE_CACHE = 64;

  private static final Object LOCK = new Object();
  private static TrueTypeFont sans;
  private static TrueTypeFont serif;
  private static final Map<String, CachedImage> IMAGES =
      new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CachedImage> eldest) {
          return size() > IMAGE_CACHE;
        }
      };

  private AppearanceDrawer() {}

  /** A drawn appearance; close it once the update has been built from it. */
  public static final class Drawn implements AutoCloseable {
    private final PDDocument scratch;
    private final SignatureIncrement.Visible visible;

    Drawn(PDDocument scratch, SignatureIncrement.Visible visible) {
      this.scratch = scratch;
      this.visible = visible;
    }

    public SignatureIncrement.Visible visible() {
      return visible;
    }

    @Override
    public void close() {
      try {
        scratch.close();
      } catch (IOException e) {
        // memory only
      }
    }
  }

  /** Null for an invisible signature. */
  public static Drawn draw(Appearance appearance, Instant signingTime) {
    if (appearance == null || appearance instanceof Appearance.Invisible) {
      return null;
    }
    String time = AppearanceMapper.signingTimeText(signingTime);
    synchronized (LOCK) {
      PDDocument scratch = new PDDocument();
      try {
        SignatureIncrement.Visible visible;
        if (appearance instanceof Appearance.Leader leader) {
          visible = leader(scratch, leader);
        } else if (appearance instanceof Appearance.Seal seal) {
          visible = seal(scratch, seal, time);
        } else if (appearance instanceof Appearance.Attachment attachment) {
          visible = attachment(scratch, attachment, time);
        } else if (appearance instanceof Appearance.NumberAndDate line) {
          visible = visible(line.band(), false, numberAndDate(scratch, line).appearance);
        } else {
          throw new IllegalArgumentException("Unknown appearance " + appearance);
        }
        return new Drawn(scratch, visible);
      } catch (IOException | RuntimeException e) {
        try {
          scratch.close();
        } catch (IOException ignored) {
          // memory only
        }
        if (e instanceof IOException io) {
          throw new UncheckedIOException(io);
        }
        if (e instanceof IllegalArgumentException
            && String.valueOf(e.getMessage()).startsWith("No glyph for")) {
          // PDFBox: "No glyph for U+... in font DejaVu..." (CJK, control characters, ...)
          throw new SigningException(
              "The signature text has a character the embedded font cannot show: " + e.getMessage(),
              e);
        }
        throw (RuntimeException) e;
      }
    }
  }

  private static SignatureIncrement.Visible leader(PDDocument scratch, Appearance.Leader leader)
      throws IOException {
    Placement p = leader.placement();
    PDType0Font font = PDType0Font.load(scratch, sans(), true);
    float size = 10f;
    Canvas canvas = new Canvas(scratch, p.width(), p.height());
    try (PDPageContentStream content = canvas.open()) {
      content.setNonStrokingColor(SealImages.SIGNATURE_BLUE);
      float inner = p.width() - 2 * PADDING;
      List<String> position = wrap(font, size, leader.position(), inner);
      List<String> name = wrap(font, size, leader.name(), inner);
      float line = size * LEADING;
      float top = p.height() - PADDING;
      top = text(content, font, size, position, top, p.width(), Align.CENTER);
      float bottom = PADDING + name.size() * line;
      text(content, font, size, name, bottom, p.width(), Align.CENTER);
      if (leader.signatureImage() != null && top - bottom > 4) {
        image(content, scratch, leader.signatureImage(), PADDING, bottom, inner, top - bottom);
      }
    }
    font.subset();
    return visible(p, false, canvas.appearance);
  }

  private static SignatureIncrement.Visible seal(
      PDDocument scratch, Appearance.Seal seal, String time) throws IOException {
    Placement p = seal.placement();
    PDType0Font font = PDType0Font.load(scratch, sans(), true);
    float size = 7f;
    Canvas canvas = new Canvas(scratch, p.width(), p.height());
    try (PDPageContentStream content = canvas.open()) {
      float inner = p.width() - 2 * PADDING;
      List<String> lines = new ArrayList<>(wrap(font, size, seal.unitName(), inner));
      lines.add(time);
      float textHeight = lines.size() * size * LEADING;
      byte[] png =
          seal.sealImage() != null ? seal.sealImage() : SealImages.demoSeal(seal.unitName());
      float imageHeight = p.height() - 2 * PADDING - textHeight;
      if (imageHeight > 4) {
        image(content, scratch, png, PADDING, PADDING + textHeight, inner, imageHeight);
      }
      content.setNonStrokingColor(SealImages.SEAL_RED);
      text(content, font, size, lines, PADDING + textHeight, p.width(), Align.CENTER);
    }
    font.subset();
    return visible(p, false, canvas.appearance);
  }

  /** Annex I: top right of page 1, 190 x 30 points, 18 points from the edges. */
  private static SignatureIncrement.Visible attachment(
      PDDocument scratch, Appearance.Attachment attachment, String time) throws IOException {
    float width = 190f;
    float height = 30f;
    PDType0Font font = PDType0Font.load(scratch, serif(), true);
    float size = 10f;
    Canvas canvas = new Canvas(scratch, width, height);
    try (PDPageContentStream content = canvas.open()) {
      content.setNonStrokingColor(Color.BLACK);
      List<String> lines = new ArrayList<>(wrap(font, size, attachment.numberAndNotation(), width));
      lines.add(time);
      text(content, font, size, lines, height, width - PADDING, Align.RIGHT);
    }
    font.subset();
    return new SignatureIncrement.Visible(0, 18f, 18f, width, height, true, canvas.appearance);
  }

  /**
   * The number and date of issue: each mark at its place in the band, DejaVu Serif in black like
   * the text around it (Annex I: ô 3 and ô 4 are the document's own text).
   */
  static Canvas numberAndDate(PDDocument scratch, Appearance.NumberAndDate line)
      throws IOException {
    Placement p = line.band();
    PDType0Font font = PDType0Font.load(scratch, serif(), true);
    Canvas canvas = new Canvas(scratch, p.width(), p.height());
    try (PDPageContentStream content = canvas.open()) {
      content.setNonStrokingColor(Color.BLACK);
      for (Appearance.Mark mark : line.marks()) {
        float w = width(font, mark.size(), mark.text());
        float x =
            switch (mark.align()) {
              case LEFT -> mark.x();
              case CENTER -> mark.x() - w / 2;
              case RIGHT -> mark.x() - w;
            };
        content.beginText();
        content.setFont(font, mark.size());
        content.newLineAtOffset(Math.max(0, x), p.height() - mark.baseline());
        content.showText(mark.text());
        content.endText();
      }
    }
    font.subset();
    return canvas;
  }

  /**
   * The number and date of issue as a transparent PNG (4 pixels a point), for the general path: DSS
   * places an image where this writer places the drawn text.
   */
  public static byte[] numberAndDatePng(Appearance.NumberAndDate line) {
    synchronized (LOCK) {
      try (PDDocument scratch = new PDDocument()) {
        Placement p = line.band();
        PDPage page = new PDPage(new PDRectangle(p.width(), p.height()));
        scratch.addPage(page);
        Canvas canvas = numberAndDate(scratch, line);
        try (PDPageContentStream content = new PDPageContentStream(scratch, page)) {
          content.drawForm(canvas.form);
        }
        BufferedImage image = new PDFRenderer(scratch).renderImageWithDPI(0, 288, ImageType.ARGB);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        return png.toByteArray();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static SignatureIncrement.Visible visible(
      Placement p, boolean fromRight, COSStream appearance) {
    return new SignatureIncrement.Visible(
        p.page() - 1, p.x(), p.y(), p.width(), p.height(), fromRight, appearance);
  }

  // ------------------------------------------------------------------ drawing helpers

  private enum Align {
    CENTER,
    RIGHT
  }

  /** A form XObject of the box's size to draw on. */
  static final class Canvas {
    private final PDDocument scratch;
    final PDAppearanceStream form;
    final COSStream appearance;

    Canvas(PDDocument scratch, float width, float height) {
      this.scratch = scratch;
      this.form = new PDAppearanceStream(scratch);
      form.setBBox(new PDRectangle(width, height));
      form.setResources(new PDResources());
      this.appearance = form.getCOSObject();
    }

    PDPageContentStream open() throws IOException {
      return new PDPageContentStream(scratch, form);
    }
  }

  /** Lines from the top edge {@code top} downwards; returns where the last line ends. */
  private static float text(
      PDPageContentStream content,
      PDType0Font font,
      float size,
      List<String> lines,
      float top,
      float width,
      Align align)
      throws IOException {
    float line = size * LEADING;
    float baseline = top - size;
    for (String text : lines) {
      float fitted = size;
      float textWidth = width(font, fitted, text);
      // one word wider than the box: shrink it rather than cut it
      while (textWidth > width - 2 * PADDING && fitted > 4f) {
        fitted -= 0.5f;
        textWidth = width(font, fitted, text);
      }
      float x = align == Align.CENTER ? (width - textWidth) / 2 : width - textWidth;
      content.beginText();
      content.setFont(font, fitted);
      content.newLineAtOffset(Math.max(0, x), baseline);
      content.showText(text);
      content.endText();
      baseline -= line;
    }
    return top - lines.size() * line;
  }

  private static List<String> wrap(PDType0Font font, float size, String text, float width)
      throws IOException {
    List<String> lines = new ArrayList<>();
    for (String paragraph : text.split("\n")) {
      StringBuilder current = new StringBuilder();
      for (String word : paragraph.trim().split("\\s+")) {
        String candidate = current.length() == 0 ? word : current + " " + word;
        if (current.length() > 0 && width(font, size, candidate) > width - 2 * PADDING) {
          lines.add(current.toString());
          current = new StringBuilder(word);
        } else {
          current = new StringBuilder(candidate);
        }
      }
      lines.add(current.toString());
    }
    return lines;
  }

  private static float width(PDType0Font font, float size, String text) throws IOException {
    return font.getStringWidth(text) / 1000f * size;
  }

  /** The image scaled to fit the area, keeping its proportions, centred. */
  private static void image(
      PDPageContentStream content,
      PDDocument scratch,
      byte[] png,
      float x,
      float y,
      float width,
      float height)
      throws IOException {
    PDImageXObject image = cachedImage(scratch, png);
    float scale = Math.min(width / image.getWidth(), height / image.getHeight());
    float w = image.getWidth() * scale;
    float h = image.getHeight() * scale;
    content.drawImage(image, x + (width - w) / 2, y + (height - h) / 2, w, h);
  }

  // ------------------------------------------------------------------ caches

  /** An image XObject's encoded data and entries, reusable in any scratch document. */
  private record CachedImage(Map<COSName, COSBase> entries, byte[] data, CachedImage mask) {

    static CachedImage of(COSStream stream) throws IOException {
      Map<COSName, COSBase> entries = new LinkedHashMap<>();
      CachedImage mask = null;
      for (Map.Entry<COSName, COSBase> e : stream.entrySet()) {
        if (e.getKey().equals(COSName.SMASK) && stream.getCOSStream(COSName.SMASK) != null) {
          mask = of(stream.getCOSStream(COSName.SMASK));
        } else if (!e.getKey().equals(COSName.LENGTH)) {
          entries.put(e.getKey(), e.getValue());
        }
      }
      try (InputStream raw = stream.createRawInputStream()) {
        return new CachedImage(entries, raw.readAllBytes(), mask);
      }
    }

    COSStream copyInto(PDDocument scratch) throws IOException {
      COSStream stream = scratch.getDocument().createCOSStream();
      for (Map.Entry<COSName, COSBase> e : entries.entrySet()) {
        stream.setItem(e.getKey(), e.getValue());
      }
      if (mask != null) {
        stream.setItem(COSName.SMASK, mask.copyInto(scratch));
      }
      try (OutputStream out = stream.createRawOutputStream()) {
        out.write(data);
      }
      return stream;
    }
  }

  private static PDImageXObject cachedImage(PDDocument scratch, byte[] png) throws IOException {
    String key = sha256(png);
    CachedImage cached = IMAGES.get(key);
    if (cached == null) {
      BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));
      if (decoded == null) {
        throw new SigningException("The signature or seal image is not a readable PNG");
      }
      try (PDDocument holder = new PDDocument()) {
        cached = CachedImage.of(LosslessFactory.createFromImage(holder, decoded).getCOSObject());
      }
      IMAGES.put(key, cached);
    }
    return new PDImageXObject(new PDStream(cached.copyInto(scratch)), null);
  }

  private static TrueTypeFont sans() throws IOException {
    if (sans == null) {
      sans = parse(SealImages.Fonts.sansTrueType());
    }
    return sans;
  }

  private static TrueTypeFont serif() throws IOException {
    if (serif == null) {
      serif = parse(SealImages.Fonts.serifTrueType());
    }
    return serif;
  }

  private static TrueTypeFont parse(byte[] ttf) throws IOException {
    return new TTFParser().parse(new RandomAccessReadBuffer(ttf));
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
