package vn.lienthong.signing.internal;

import eu.europa.esig.dss.enumerations.SignatureLevel;
import eu.europa.esig.dss.model.DSSDocument;
import eu.europa.esig.dss.model.FileDocument;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.SignatureValue;
import eu.europa.esig.dss.pades.PAdESSignatureParameters;
import eu.europa.esig.dss.pades.signature.PAdESService;
import eu.europa.esig.dss.spi.validation.CertificateVerifier;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HexFormat;
import vn.lienthong.signing.SigningException;

/**
 * DSS's PAdES service with a faster last step. DSS prepares the PDF with an empty /Contents
 * placeholder when computing the data to sign and keeps it in the parameters' cache; to finish it
 * copies that document byte by byte looking for the placeholder, which dominates signing time on
 * large documents. We read the new signature's /ByteRange instead and write the output file in
 * three bulk copies: the bytes before the placeholder, the CMS in hex, the bytes after it. Levels
 * above B-T are then extended by DSS as usual.
 */
public final class PadesService extends PAdESService {

  private static final byte[] BYTE_RANGE = "/ByteRange".getBytes(StandardCharsets.US_ASCII);

  public PadesService(CertificateVerifier verifier) {
    super(verifier);
  }

  /** Signs {@code document} and writes the signed PDF to {@code output}. */
  public void signTo(
      DSSDocument document,
      PAdESSignatureParameters parameters,
      SignatureValue value,
      Path output) {
    SignatureValue checked = ensureSignatureValue(parameters.getSignatureAlgorithm(), value);
    if (parameters.getPdfSignatureCache().getToBeSignedDocument() == null) {
      // Second step in a fresh process: prepare the PDF again (same parameters, same bytes).
      computeDocumentDigest(document, parameters);
    }
    DSSDocument prepared = parameters.getPdfSignatureCache().getToBeSignedDocument();
    if (prepared == null) {
      throw new SigningException("DSS did not keep the prepared document");
    }
    byte[] cms = generateCMSSignedData(document, parameters, checked);
    SignatureLevel level = parameters.getSignatureLevel();
    boolean extend =
        level != SignatureLevel.PAdES_BASELINE_B && level != SignatureLevel.PAdES_BASELINE_T;
    try {
      Path signed =
          extend
              ? Files.createTempFile(output.toAbsolutePath().getParent(), ".sig-", ".pdf")
              : output;
      try {
        writeWithSignature(prepared, cms, signed);
        if (extend) {
          DSSDocument extended = extendDocument(new FileDocument(signed.toFile()), parameters);
          Outputs.save(extended, output);
        }
      } finally {
        if (extend) {
          Files.deleteIfExists(signed);
        }
      }
    } catch (IOException e) {
      throw new SigningException("Cannot write " + output.getFileName(), e);
    } finally {
      parameters.reinit();
    }
  }

  private static void writeWithSignature(DSSDocument prepared, byte[] cms, Path output)
      throws IOException {
    Path tmp = Outputs.temporaryFor(output);
    try {
      if (prepared instanceof InMemoryDocument memory) {
        byte[] bytes = memory.getBytes();
        long[] range = byteRange(ByteBuffer.wrap(bytes), bytes.length);
        try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
          write(out, ByteBuffer.wrap(bytes, 0, (int) range[1] + 1));
          write(out, ByteBuffer.wrap(hex(cms, placeholderLength(range))));
          write(out, ByteBuffer.wrap(bytes, (int) range[2] - 1, bytes.length - (int) range[2] + 1));
        }
      } else if (prepared instanceof FileDocument file) {
        try (FileChannel in = FileChannel.open(file.getFile().toPath(), StandardOpenOption.READ);
            FileChannel out = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
          long size = in.size();
          long tailStart = Math.max(0, size - 4L * 1024 * 1024);
          ByteBuffer tail = ByteBuffer.allocate((int) (size - tailStart));
          while (tail.hasRemaining() && in.read(tail, tailStart + tail.position()) > 0) {
            // reading the increment that holds the new signature dictionary
          }
          long[] range = byteRange(tail, tail.position());
          transfer(in, 0, range[1] + 1, out);
          write(out, ByteBuffer.wrap(hex(cms, placeholderLength(range))));
          transfer(in, range[2] - 1, size - range[2] + 1, out);
        }
      } else {
        try (InputStream in = prepared.openStream()) {
          writeWithSignature(new InMemoryDocument(in.readAllBytes()), cms, output);
          return;
        }
      }
      Outputs.publish(tmp, output);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** [0, a, b, c] of the last /ByteRange in the buffer: the signature dictionary just added. */
  private static long[] byteRange(ByteBuffer buffer, int length) {
    byte[] data;
    int offset;
    if (buffer.hasArray()) {
      data = buffer.array();
      offset = buffer.arrayOffset();
    } else {
      throw new IllegalStateException("heap buffer expected");
    }
    for (int i = offset + length - BYTE_RANGE.length; i >= offset; i--) {
      if (data[i] == '/'
          && Arrays.equals(data, i, i + BYTE_RANGE.length, BYTE_RANGE, 0, BYTE_RANGE.length)) {
        int p = i + BYTE_RANGE.length;
        while (p < offset + length && data[p] != '[') {
          p++;
        }
        int end = p;
        while (end < offset + length && data[end] != ']') {
          end++;
        }
        String[] numbers =
            new String(data, p + 1, end - p - 1, StandardCharsets.US_ASCII).trim().split("\\s+");
        if (numbers.length != 4) {
          break;
        }
        long[] range = new long[4];
        for (int k = 0; k < 4; k++) {
          range[k] = Long.parseLong(numbers[k]);
        }
        return range;
      }
    }
    throw new SigningException("The prepared PDF has no signature placeholder");
  }

  private static int placeholderLength(long[] range) {
    // /Contents <hex>: the '<' is the last byte of the first range, the '>' the first of the second
    return (int) (range[2] - range[1] - 2);
  }

  private static byte[] hex(byte[] cms, int length) {
    if (cms.length * 2 > length) {
      throw new SigningException(
          "The signature (" + cms.length + " bytes) does not fit its placeholder");
    }
    byte[] out = new byte[length];
    Arrays.fill(out, (byte) '0');
    byte[] hex = HexFormat.of().withUpperCase().formatHex(cms).getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(hex, 0, out, 0, hex.length);
    return out;
  }

  private static void write(FileChannel out, ByteBuffer buffer) throws IOException {
    while (buffer.hasRemaining()) {
      out.write(buffer);
    }
  }

  private static void transfer(FileChannel in, long position, long count, FileChannel out)
      throws IOException {
    long done = 0;
    while (done < count) {
      done += in.transferTo(position + done, count - done, out);
    }
  }
}
