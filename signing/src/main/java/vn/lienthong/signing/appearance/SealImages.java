package vn.lienthong.signing.appearance;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.imageio.ImageIO;

/**
 * Draws a demo round seal for a unit that has no scanned seal image: red on a transparent
 * background, as Annex I asks of the seal image (màu đỏ, định dạng .png nền trong suốt). Real units
 * upload the image of their own seal.
 */
public final class SealImages {

  /** The red of seals (and of the seal's text). */
  public static final Color SEAL_RED = new Color(0xD0, 0x10, 0x10);

  /** The blue of the leader's signature text, like ink. */
  public static final Color SIGNATURE_BLUE = new Color(0x10, 0x30, 0xA0);

  private static final int SIZE = 400;
  private static final Map<String, byte[]> CACHE = new ConcurrentHashMap<>();

  private SealImages() {}

  public static byte[] demoSeal(String unitName) {
    return CACHE.computeIfAbsent(unitName, SealImages::draw).clone();
  }

  private static byte[] draw(String unitName) {
    BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(SEAL_RED);
      g.setStroke(new BasicStroke(12f));
      g.drawOval(8, 8, SIZE - 16, SIZE - 16);
      g.setStroke(new BasicStroke(4f));
      g.drawOval(70, 70, SIZE - 140, SIZE - 140);
      drawStar(g, SIZE / 2, SIZE / 2, 60);
      Font font = Fonts.sansAwt().deriveFont(Font.BOLD, 30f);
      g.setFont(font);
      String text = unitName.toUpperCase(new Locale("vi")) + " ★ ";
      double radius = SIZE / 2.0 - 48;
      double perChar = 2 * Math.PI / Math.max(text.length(), 24);
      double angle = -Math.PI / 2 - perChar * text.length() / 2;
      for (char c : text.toCharArray()) {
        AffineTransform saved = g.getTransform();
        g.translate(SIZE / 2.0 + radius * Math.cos(angle), SIZE / 2.0 + radius * Math.sin(angle));
        g.rotate(angle + Math.PI / 2);
        String s = String.valueOf(c);
        g.drawString(s, -g.getFontMetrics().stringWidth(s) / 2, 10);
        g.setTransform(saved);
        angle += perChar;
      }
    } finally {
      g.dispose();
    }
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void drawStar(Graphics2D g, int cx, int cy, int r) {
    int[] xs = new int[10];
    int[] ys = new int[10];
    for (int i = 0; i < 10; i++) {
      double a = -Math.PI / 2 + i * Math.PI / 5;
      double rr = i % 2 == 0 ? r : r * 0.4;
      xs[i] = (int) Math.round(cx + rr * Math.cos(a));
      ys[i] = (int) Math.round(cy + rr * Math.sin(a));
    }
    g.fillPolygon(xs, ys, 10);
  }

  /** The fonts this module ships (DejaVu, Bitstream Vera licence: see fonts/LICENSE-DejaVu.txt). */
  public static final class Fonts {

    private static volatile Font sans;

    private Fonts() {}

    public static byte[] sansTrueType() {
      return read("fonts/DejaVuSans.ttf");
    }

    public static byte[] serifTrueType() {
      return read("fonts/DejaVuSerif.ttf");
    }

    static Font sansAwt() {
      if (sans == null) {
        try (InputStream in = SealImages.class.getResourceAsStream("fonts/DejaVuSans.ttf")) {
          sans = Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException | FontFormatException e) {
          throw new IllegalStateException("The bundled DejaVu Sans font is missing", e);
        }
      }
      return sans;
    }

    private static byte[] read(String resource) {
      try (InputStream in = SealImages.class.getResourceAsStream(resource)) {
        if (in == null) {
          throw new IllegalStateException("Missing bundled font " + resource);
        }
        return in.readAllBytes();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
