package vn.lienthong.signing.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A one-page PDF written by code, with a classic cross-reference table whose offsets are right, for
 * regression cases that need one thing wrong and everything else as it should be.
 */
final class TinyPdf {

  private final List<String> objects = new ArrayList<>();
  private final List<String> headers = new ArrayList<>();
  private String startXref;
  private String trailerExtra = "";

  TinyPdf() {
    add("<</Type/Catalog/Pages 2 0 R>>");
    add("<</Type/Pages/Kids[3 0 R]/Count 1>>");
    add("<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>");
  }

  /** Adds object {@code n 0 obj}, numbered after the others; returns its number. */
  int add(String body) {
    objects.add(body);
    headers.add(null);
    return objects.size();
  }

  /** Replaces the body of object {@code number}. */
  TinyPdf set(int number, String body) {
    objects.set(number - 1, body);
    return this;
  }

  /** Writes object {@code number} under another header ("N G obj"). */
  TinyPdf header(int number, String header) {
    headers.set(number - 1, header);
    return this;
  }

  /** Writes this instead of the table's real offset after startxref. */
  TinyPdf startXref(String value) {
    startXref = value;
    return this;
  }

  TinyPdf trailer(String entries) {
    trailerExtra = entries;
    return this;
  }

  byte[] bytes() {
    StringBuilder pdf = new StringBuilder("%PDF-1.7\n");
    List<Integer> offsets = new ArrayList<>();
    for (int i = 0; i < objects.size(); i++) {
      offsets.add(pdf.length());
      String header = headers.get(i) != null ? headers.get(i) : (i + 1) + " 0 obj";
      pdf.append(header).append('\n').append(objects.get(i)).append("\nendobj\n");
    }
    int xref = pdf.length();
    pdf.append("xref\n0 ").append(objects.size() + 1).append("\n0000000000 65535 f\r\n");
    for (int offset : offsets) {
      pdf.append(String.format(Locale.ROOT, "%010d 00000 n\r\n", offset));
    }
    pdf.append("trailer\n<</Size ")
        .append(objects.size() + 1)
        .append("/Root 1 0 R")
        .append(trailerExtra)
        .append(">>\nstartxref\n")
        .append(startXref != null ? startXref : Integer.toString(xref))
        .append("\n%%EOF\n");
    return pdf.toString().getBytes(StandardCharsets.ISO_8859_1);
  }
}
