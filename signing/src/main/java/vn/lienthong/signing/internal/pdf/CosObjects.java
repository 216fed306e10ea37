package vn.lienthong.signing.internal.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
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
import vn.lienthong.signing.internal.pdf.PdfValues.Dict;
import vn.lienthong.signing.internal.pdf.PdfValues.Name;
import vn.lienthong.signing.internal.pdf.PdfValues.Null;
import vn.lienthong.signing.internal.pdf.PdfValues.Num;
import vn.lienthong.signing.internal.pdf.PdfValues.Raw;
import vn.lienthong.signing.internal.pdf.PdfValues.Ref;
import vn.lienthong.signing.internal.pdf.PdfValues.Str;

/**
 * Turns objects that PDFBox built in memory (a signature appearance with its font subset and
 * images) into new objects of our update: every stream becomes an indirect object, written once
 * even when shared; everything else becomes our own values, written by {@link PdfWriter}.
 */
public final class CosObjects {

  private final IntSupplier numbers;
  private final Map<COSBase, Ref> written = new IdentityHashMap<>();
  private final Map<Integer, Object> objects = new TreeMap<>();

  CosObjects(IntSupplier numbers) {
    this.numbers = numbers;
  }

  /** The objects written so far, by number. */
  Map<Integer, Object> objects() {
    return objects;
  }

  /** Adds a stream and all it references; returns its reference. */
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
    Dict dict = dictionary(stream).put(COSName.LENGTH.getName(), Num.of(data.length));
    ByteArrayOutputStream body = new ByteArrayOutputStream(data.length + 256);
    new PdfWriter(body).value(dict).ascii("\nstream\n");
    body.writeBytes(data);
    body.writeBytes("\nendstream".getBytes(StandardCharsets.US_ASCII));
    objects.put(ref.number(), new Raw(body.toByteArray()));
    return ref;
  }

  private Object value(COSBase value) throws IOException {
    COSBase base = value instanceof COSObject object ? object.getObject() : value;
    if (base instanceof COSStream stream) {
      return stream(stream);
    } else if (base instanceof COSDictionary dict) {
      return dictionary(dict);
    } else if (base instanceof COSArray array) {
      List<Object> list = new ArrayList<>(array.size());
      for (int i = 0; i < array.size(); i++) {
        list.add(value(array.get(i)));
      }
      return list;
    } else if (base instanceof COSName name) {
      return Name.of(name.getName());
    } else if (base instanceof COSString string) {
      return new Str(string.getBytes());
    } else if (base instanceof COSInteger integer) {
      return Num.of(integer.longValue());
    } else if (base instanceof COSFloat real) {
      ByteArrayOutputStream text = new ByteArrayOutputStream();
      real.writePDF(text);
      return new Num(text.toString(StandardCharsets.US_ASCII));
    } else if (base instanceof COSBoolean bool) {
      return bool.getValue();
    } else if (base == null || base instanceof COSNull) {
      return Null.NULL;
    }
    throw new IOException("Cannot write " + base.getClass().getSimpleName());
  }

  private Dict dictionary(COSDictionary source) throws IOException {
    Dict dict = new Dict();
    for (Map.Entry<COSName, COSBase> e : source.entrySet()) {
      dict.put(Name.of(e.getKey().getName()).raw(), value(e.getValue()));
    }
    return dict;
  }
}
