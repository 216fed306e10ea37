package vn.lienthong.signing.internal.pdf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.lienthong.signing.internal.pdf.PdfValues.Dict;
import vn.lienthong.signing.internal.pdf.PdfValues.Name;
import vn.lienthong.signing.internal.pdf.PdfValues.Null;
import vn.lienthong.signing.internal.pdf.PdfValues.Num;
import vn.lienthong.signing.internal.pdf.PdfValues.Ref;
import vn.lienthong.signing.internal.pdf.PdfValues.Str;

class PdfParserTest {

  @Test
  void readsEveryKindOfObjectAndWritesItBackEquivalently() throws Exception {
    String source =
        "<</Type/Page %comment\n/Kids [1 0 R 2 0 R 3] /Real -3.5 /Esc (a\\(b\\)\\101\\n(c)\\\r\nd)"
            + " /Hex <4849 5>/Name /A#20B /T true /F false /N null /Sub<</X 12 0 R>>>>";
    Object value = parse(source);

    assertThat(value).isInstanceOf(Dict.class);
    Dict dict = (Dict) value;
    assertThat(dict.isName("Type", "Page")).isTrue();
    assertThat(dict.get("Kids")).isEqualTo(List.of(new Ref(1, 0), new Ref(2, 0), new Num("3")));
    assertThat(dict.get("Real")).isEqualTo(new Num("-3.5"));
    assertThat(((Str) dict.get("Esc")).text()).isEqualTo("a(b)A\n(c)d");
    assertThat(((Str) dict.get("Hex")).bytes()).containsExactly('H', 'I', 0x50);
    assertThat(dict.get("Name")).isEqualTo(new Name("A#20B"));
    assertThat(dict.get("T")).isEqualTo(Boolean.TRUE);
    assertThat(dict.get("N")).isEqualTo(Null.NULL);
    assertThat(((Dict) dict.get("Sub")).get("X")).isEqualTo(new Ref(12, 0));

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    new PdfWriter(out).value(value);
    Dict again = (Dict) parse(out.toString(StandardCharsets.ISO_8859_1));
    assertThat(((Str) again.get("Esc")).text()).isEqualTo("a(b)A\n(c)d");
    assertThat(again.get("Kids")).isEqualTo(dict.get("Kids"));
    assertThat(again.entries().keySet()).containsExactlyElementsOf(dict.entries().keySet());
  }

  @Test
  void textStringsAndNamesCarryVietnamese() {
    assertThat(Str.text("Đà Nẵng").text()).isEqualTo("Đà Nẵng");
    assertThat(Str.text("Da Nang").bytes())
        .isEqualTo("Da Nang".getBytes(StandardCharsets.US_ASCII));
    assertThat(Name.of("Liên Thông").raw()).isEqualTo("Li#C3#AAn#20Th#C3#B4ng");
  }

  @Test
  void pdfDatesCarryTheVietnameseOffset() {
    assertThat(
            SignatureIncrement.pdfDate(
                Instant.parse("2026-11-27T17:05:09Z"), ZoneOffset.ofHours(7)))
        .isEqualTo("D:20261128000509+07'00'");
  }

  @Test
  void damagedSyntaxIsRefusedNotGuessed() {
    assertThatThrownBy(() -> parse("<</A (unterminated"))
        .isInstanceOf(UnsupportedPdfException.class);
    assertThatThrownBy(() -> parse("<</A 1 /B")).isInstanceOf(UnsupportedPdfException.class);
    assertThatThrownBy(() -> parse("<<A 1>>")).isInstanceOf(UnsupportedPdfException.class);
    assertThatThrownBy(() -> parse("[".repeat(100))).isInstanceOf(UnsupportedPdfException.class);
  }

  private static Object parse(String text) throws UnsupportedPdfException {
    return new PdfParser(Bytes.of(text.getBytes(StandardCharsets.ISO_8859_1)), 0).value();
  }
}
