package vn.lienthong.load;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The load drivers' documents: one valid page (with a cross-reference table, so it can be signed)
 * showing {@code label}, its size mostly an incompressible-looking comment, like a scan. A label of
 * its own makes each document new bytes.
 */
final class LoadPdf {
  private LoadPdf() {}

  static byte[] of(int size, String label) {
    var random = new java.util.Random(label.hashCode());
    StringBuilder filler = new StringBuilder("% ");
    while (filler.length() < size - 600) {
      filler.append((char) ('A' + random.nextInt(26)));
    }
    byte[] stream =
        ("BT /F1 12 Tf 72 720 Td (" + label + ") Tj ET\n" + filler + "\n")
            .getBytes(StandardCharsets.US_ASCII);
    String[] objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
          + " /Resources << /Font << /F1 5 0 R >> >> >>",
      null,
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
    };
    ByteArrayOutputStream out = new ByteArrayOutputStream(size + 1024);
    List<Integer> offsets = new ArrayList<>();
    out.writeBytes("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII));
    for (int i = 0; i < objects.length; i++) {
      offsets.add(out.size());
      out.writeBytes(((i + 1) + " 0 obj\n").getBytes(StandardCharsets.US_ASCII));
      if (objects[i] == null) {
        out.writeBytes(
            ("<< /Length " + stream.length + " >>\nstream\n").getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(stream);
        out.writeBytes("\nendstream".getBytes(StandardCharsets.US_ASCII));
      } else {
        out.writeBytes(objects[i].getBytes(StandardCharsets.US_ASCII));
      }
      out.writeBytes("\nendobj\n".getBytes(StandardCharsets.US_ASCII));
    }
    int xref = out.size();
    StringBuilder x = new StringBuilder("xref\n0 6\n0000000000 65535 f \n");
    for (int o : offsets) {
      x.append(String.format("%010d 00000 n \n", o));
    }
    x.append("trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n").append(xref).append("\n%%EOF\n");
    out.writeBytes(x.toString().getBytes(StandardCharsets.US_ASCII));
    return out.toByteArray();
  }
}
