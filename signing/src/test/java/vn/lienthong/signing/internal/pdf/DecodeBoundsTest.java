package vn.lienthong.signing.internal.pdf;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.lienthong.signing.internal.pdf.RevisionChangesTest.base;
import static vn.lienthong.signing.internal.pdf.RevisionChangesTest.doc;
import static vn.lienthong.signing.internal.pdf.RevisionChangesTest.stream;
import static vn.lienthong.signing.internal.pdf.RevisionChangesTest.update;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.signing.Fixtures;

/**
 * What PDFBox would decode is measured whatever the file calls its filters, wherever the stream
 * hides (a resource named like a back pointer, a revision replaced since, beside an object that
 * cannot be read), and a real document is not refused.
 */
class DecodeBoundsTest {

  static String bomb;

  @BeforeAll
  static void bomb() throws Exception {
    // 256 MB of spaces in 256 KB: four times the bound of one stream
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    try (DeflaterOutputStream deflate = new DeflaterOutputStream(compressed)) {
      byte[] spaces = new byte[1 << 20];
      java.util.Arrays.fill(spaces, (byte) ' ');
      for (int i = 0; i < 256; i++) {
        deflate.write(spaces);
      }
    }
    bomb = compressed.toString(StandardCharsets.ISO_8859_1);
  }

  static void assertRefused(String pdf) {
    assertThatThrownBy(
            () -> {
              try (PdfReader reader = PdfReader.of(pdf.getBytes(StandardCharsets.ISO_8859_1))) {
                DecodeBounds.check(reader, true);
              }
            })
        .isInstanceOf(LimitExceededException.class)
        .hasMessageContaining("decodes to more than");
  }

  @Test
  void everySpellingAndChainOfFlateIsMeasured() {
    for (String filter :
        List.of(
            "/FlateDecode",
            "/Fl",
            "/Flate#44ecode",
            "[/FlateDecode]",
            "[/ASCIIHexDecode /FlateDecode]",
            "[/FlateDecode /FlateDecode]")) {
      String data = bomb;
      if (filter.contains("ASCIIHex")) {
        data = HexFormat.of().formatHex(bomb.getBytes(StandardCharsets.ISO_8859_1)) + ">";
      }
      if (filter.equals("[/FlateDecode /FlateDecode]")) {
        data = deflate(bomb.getBytes(StandardCharsets.ISO_8859_1));
      }
      Map<Integer, String> o = base("/Resources << >>", "");
      o.put(4, stream("/Filter " + filter, data));
      assertRefused(doc(o, ""));
    }
  }

  @Test
  void aFormNamedPAndABombInAReplacedRevisionAreMeasuredToo() {
    Map<Integer, String> o = base("/Resources << /XObject << /P 6 0 R >> >>", "/P Do");
    o.put(6, stream("/Type /XObject /Subtype /Form /BBox [0 0 1 1] /Filter /FlateDecode", bomb));
    assertRefused(doc(o, ""));

    // the bomb is the first revision's content; the second replaces it: DSS renders both
    Map<Integer, String> q = base("/Resources << >>", "");
    q.put(4, stream("/Filter /FlateDecode", bomb));
    String first = doc(q, "");
    assertRefused(update(first, Map.of(4, stream("", "BT ET")), ""));
  }

  @Test
  void anObjectThatCannotBeReadDoesNotEndTheCheck() {
    Map<Integer, String> q = base("/Resources << >> /Zzz 50 0 R", "");
    q.put(4, stream("/Filter /FlateDecode", bomb));
    String d = doc(q, "").replace("xref\n0 10\n", "xref\n50 1\n0000000005 00000 n\r\n0 10\n");
    assertRefused(d);
  }

  @Test
  void aRealDocumentPasses(@TempDir Path dir) throws Exception {
    byte[] sample = Files.readAllBytes(Fixtures.samplePdf(dir, 20));
    assertThatCode(
            () -> {
              try (PdfReader reader = PdfReader.of(sample)) {
                DecodeBounds.check(reader, true);
              }
            })
        .doesNotThrowAnyException();
  }

  private static String deflate(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream deflate = new DeflaterOutputStream(out)) {
      deflate.write(bytes);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toString(StandardCharsets.ISO_8859_1);
  }
}
