package vn.lienthong.signing.internal.pdf;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import vn.lienthong.signing.internal.pdf.PdfValues.Dict;
import vn.lienthong.signing.internal.pdf.PdfValues.Name;
import vn.lienthong.signing.internal.pdf.PdfValues.Null;
import vn.lienthong.signing.internal.pdf.PdfValues.Num;
import vn.lienthong.signing.internal.pdf.PdfValues.Ref;
import vn.lienthong.signing.internal.pdf.PdfValues.Str;

/** Writes PDF objects; the counterpart of {@link PdfParser} for the values it produces. */
final class PdfWriter {

  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  private final ByteArrayOutputStream out;

  PdfWriter(ByteArrayOutputStream out) {
    this.out = out;
  }

  PdfWriter ascii(String text) {
    out.writeBytes(text.getBytes(StandardCharsets.ISO_8859_1));
    return this;
  }

  int size() {
    return out.size();
  }

  /** An open dictionary: "<<" and the entries, without the closing ">>". */
  PdfWriter entries(Dict dict) {
    ascii("<<");
    for (Map.Entry<String, Object> e : dict.entries().entrySet()) {
      ascii("/").ascii(e.getKey()).ascii(" ");
      value(e.getValue());
    }
    return this;
  }

  PdfWriter value(Object value) {
    if (value instanceof Dict dict) {
      entries(dict).ascii(">>");
    } else if (value instanceof List<?> list) {
      ascii("[");
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          ascii(" ");
        }
        value(list.get(i));
      }
      ascii("]");
    } else if (value instanceof Name name) {
      ascii("/").ascii(name.raw());
    } else if (value instanceof Num num) {
      ascii(num.text());
    } else if (value instanceof Ref ref) {
      ascii(ref.number() + " " + ref.generation() + " R");
    } else if (value instanceof Str str) {
      hex(str.bytes());
    } else if (value instanceof PdfValues.Raw raw) {
      out.writeBytes(raw.bytes());
    } else if (value instanceof Boolean b) {
      ascii(b.toString());
    } else if (value == Null.NULL || value == null) {
      ascii("null");
    } else {
      throw new IllegalArgumentException("Not a PDF value: " + value.getClass());
    }
    return this;
  }

  private void hex(byte[] bytes) {
    ascii("<").ascii(HEX.formatHex(bytes)).ascii(">");
  }
}
