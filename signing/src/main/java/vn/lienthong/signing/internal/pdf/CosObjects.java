package vn.lienthong.signing.internal.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntSupplier;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.cos.COSBoolean;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSFloat;
import org.apache.pdfbox.cos.COSInteger;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNull;
import org.apache.pdfbox.cos.COSObject;
import org.apache.pdfbox.cos.COSStream;
import org.apache.pdfbox.cos.COSString;
import vn.lienthong.signing.internal.pdf.PdfValues.Name;
import vn.lienthong.signing.internal.pdf.PdfValues.Raw;
import vn.lienthong.signing.internal.pdf.PdfValues.Ref;

/**
 * Writes objects that PDFBox built in memory (a signature appearance with its font subset and
 * images) as new objects of our update: every stream becomes an indirect object, shared objects are
 * written once, everything else inline.
 */
public final class CosObjects {

  private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

  private final IntSupplier numbers;
  private final Map<COSBase, Ref> written = new IdentityHashMap<>();
  private final Map<Integer, Object> objects = new TreeMap<>();

  CosObjects(IntSupplier numbers) {
    this.numbers = numbers;
  }

  /** The objects written so far, by number, as raw bodies. */
  Map<Integer, Object> objects() {
    return objects;
  }

  /** Writes a stream and all it references; returns its reference. */
  Ref stream(COSStream stream) throws IOException {
    Ref ref = written.get(stream);
    if (ref != null) {
      return ref;
    }
    ref = Ref.of(numbers.getAsInt());
    written.put(stream, ref);
    byte[] data;
    try (InputStream raw = stream.createRawInputStream()) {
      data = raw.readAllBytes();
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream(data.length + 256);
    body.write('<');
    body.write('<');
    for (Map.Entry<COSName, COSBase> e : stream.entrySet()) {
      if (e.getKey().equals(COSName.LENGTH)) {
        continue;
      }
      name(e.getKey(), body);
      body.write(' ');
      value(e.getValue(), body);
    }
    body.writeBytes(
        ("/Length " + data.length + ">>\nstream\n").getBytes(StandardCharsets.US_ASCII));
    body.writeBytes(data);
    body.writeBytes("\nendstream".getBytes(StandardCharsets.US_ASCII));
    objects.put(ref.number(), new Raw(body.toByteArray()));
    return ref;
  }

  private void value(COSBase value, ByteArrayOutputStream out) throws IOException {
    COSBase base = value instanceof COSObject object ? object.getObject() : value;
    if (base instanceof COSStream stream) {
      Ref ref = stream(stream);
      out.writeBytes((ref.number() + " 0 R").getBytes(StandardCharsets.US_ASCII));
    } else if (base instanceof COSDictionary dict) {
      out.write('<');
      out.write('<');
      for (Map.Entry<COSName, COSBase> e : dict.entrySet()) {
        name(e.getKey(), out);
        out.write(' ');
        value(e.getValue(), out);
      }
      out.write('>');
      out.write('>');
    } else if (base instanceof COSArray array) {
      out.write('[');
      for (int i = 0; i < array.size(); i++) {
        if (i > 0) {
          out.write(' ');
        }
        value(array.get(i), out);
      }
      out.write(']');
    } else if (base instanceof COSName name) {
      name(name, out);
    } else if (base instanceof COSString string) {
      out.write('<');
      for (byte b : string.getBytes()) {
        out.write(HEX[(b >> 4) & 0x0f]);
        out.write(HEX[b & 0x0f]);
      }
      out.write('>');
    } else if (base instanceof COSInteger integer) {
      integer.writePDF(out);
    } else if (base instanceof COSFloat real) {
      real.writePDF(out);
    } else if (base instanceof COSBoolean bool) {
      bool.writePDF(out);
    } else if (base == null || base instanceof COSNull) {
      out.writeBytes("null".getBytes(StandardCharsets.US_ASCII));
    } else {
      throw new IOException("Cannot write " + base.getClass().getSimpleName());
    }
  }

  private static void name(COSName name, ByteArrayOutputStream out) {
    out.writeBytes(Name.of(name.getName()).toString().getBytes(StandardCharsets.US_ASCII));
  }
}
