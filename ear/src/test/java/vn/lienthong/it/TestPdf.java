package vn.lienthong.it;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Small, valid one-page PDFs of a chosen size (the size is filler in a content stream). */
final class TestPdf {
  private TestPdf() {}

  static byte[] of(int approximateBytes, String label) {
    StringBuilder content = new StringBuilder("BT /F1 12 Tf 72 720 Td (" + label + ") Tj ET\n");
    while (content.length() < approximateBytes) {
      content.append("% filler to reach the size of a scanned page ...............\n");
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(approximateBytes + 1024);
    List<Integer> offsets = new ArrayList<>();
    write(out, "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n");
    String[] objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
          + " /Resources << /Font << /F1 5 0 R >> >> >>",
      null,
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    };
    for (int i = 0; i < objects.length; i++) {
      offsets.add(out.size());
      write(out, (i + 1) + " 0 obj\n");
      if (objects[i] == null) {
        byte[] stream = content.toString().getBytes(StandardCharsets.US_ASCII);
        write(out, "<< /Length " + stream.length + " >>\nstream\n");
        out.writeBytes(stream);
        write(out, "\nendstream");
      } else {
        write(out, objects[i]);
      }
      write(out, "\nendobj\n");
    }
    int xref = out.size();
    write(out, "xref\n0 " + (objects.length + 1) + "\n0000000000 65535 f \n");
    for (int off : offsets) {
      write(out, String.format("%010d 00000 n \n", off));
    }
    write(
        out,
        "trailer\n<< /Size "
            + (objects.length + 1)
            + " /Root 1 0 R >>\nstartxref\n"
            + xref
            + "\n%%EOF\n");
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, String s) {
    out.writeBytes(s.getBytes(StandardCharsets.ISO_8859_1));
  }
}
