package vn.lienthong.signing.fuzz;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationRubberStamp;
import vn.lienthong.signing.Fixtures;
import vn.lienthong.signing.appearance.Appearance;
import vn.lienthong.signing.appearance.Placement;
import vn.lienthong.signing.key.BorrowedKey;
import vn.lienthong.signing.key.Pkcs12KeySource;
import vn.lienthong.signing.pades.PadesSigner;
import vn.lienthong.signing.pades.SignOptions;
import vn.lienthong.signing.pades.SignatureLevel;
import vn.lienthong.signing.pki.DemoPki;

/**
 * The seed corpus of the fuzz tests, made from the project's own PDFs: the sample document as
 * PDFBox writes it (cross-reference stream, object streams), the same with a classic table, one
 * with a form field, one we signed (classic table) and the same with a later (PDFBox) update. The
 * files are checked in under {@link #RESOURCE} so that every run replays the same bytes (signatures
 * carry times and fresh keys); this class recreates them:
 *
 * <pre>
 * cd signing &amp;&amp; mvn -q test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=vn.lienthong.signing.fuzz.FuzzSeeds
 * </pre>
 */
public final class FuzzSeeds {

  /** Where Jazzer looks for the seeds shared by every target of {@link PdfFuzzTest}. */
  static final String RESOURCE = "/vn/lienthong/signing/fuzz/PdfFuzzTestInputs/";

  /** The seeds, in the order the mutation test takes them. */
  static final List<String> NAMES =
      List.of(
          "sample-xref-stream.pdf",
          "sample-xref-table.pdf",
          "form-field.pdf",
          "signed-b-b.pdf",
          "signed-then-annotated.pdf");

  private FuzzSeeds() {}

  /** The checked-in seeds, by name. */
  static Map<String, byte[]> load() {
    Map<String, byte[]> seeds = new LinkedHashMap<>();
    for (String name : NAMES) {
      try (InputStream in = FuzzSeeds.class.getResourceAsStream(RESOURCE + name)) {
        if (in == null) {
          throw new IllegalStateException("Seed " + name + " is missing: run FuzzSeeds");
        }
        seeds.put(name, in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return seeds;
  }

  /** Writes the seeds to {@code args[0]}, by default this module's test resources. */
  public static void main(String[] args) throws IOException {
    Path out = Path.of(args.length > 0 ? args[0] : "src/test/resources" + RESOURCE);
    Files.createDirectories(out);
    Path work = Files.createTempDirectory("fuzz-seeds");
    for (Map.Entry<String, byte[]> seed : generate(work).entrySet()) {
      Files.write(out.resolve(seed.getKey()), seed.getValue());
      System.out.println(seed.getKey() + ": " + seed.getValue().length + " bytes");
    }
    System.exit(0); // the demo PKI's HTTP server is not a daemon
  }

  static Map<String, byte[]> generate(Path dir) throws IOException {
    Map<String, byte[]> seeds = new LinkedHashMap<>();
    Path stream = Fixtures.samplePdf(dir, 1);
    Path table = dir.resolve("table.pdf");
    try (PDDocument document = Loader.loadPDF(stream.toFile())) {
      document.save(table.toFile(), CompressParameters.NO_COMPRESSION);
    }
    Path form = dir.resolve("form.pdf");
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      Fixtures.addTextField(
          document, page, "soVanBan", "12/QD-UBND", new PDRectangle(72, 120, 200, 20));
      document.save(form.toFile(), CompressParameters.NO_COMPRESSION);
    }

    PadesSigner signer = new PadesSigner(Fixtures.services());
    Path signed = dir.resolve("signed.pdf");
    sign(signer, table, signed, DemoPki.LEADER, SignOptions.of(SignatureLevel.B_B));

    Path annotated = dir.resolve("annotated.pdf");
    try (PDDocument document = Loader.loadPDF(signed.toFile())) {
      PDPage page = document.getPage(0);
      PDAnnotationRubberStamp stamp = new PDAnnotationRubberStamp();
      stamp.setRectangle(new PDRectangle(100, 100, 120, 40));
      stamp.setPage(page);
      List<org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation> annotations =
          new ArrayList<>(page.getAnnotations());
      annotations.add(stamp);
      page.setAnnotations(annotations);
      page.getCOSObject().setNeedToBeUpdated(true);
      try (var out = Files.newOutputStream(annotated)) {
        document.saveIncremental(out);
      }
    }

    seeds.put("sample-xref-stream.pdf", Files.readAllBytes(stream));
    seeds.put("sample-xref-table.pdf", Files.readAllBytes(table));
    seeds.put("form-field.pdf", Files.readAllBytes(form));
    seeds.put("signed-b-b.pdf", Files.readAllBytes(signed));
    seeds.put("signed-then-annotated.pdf", Files.readAllBytes(annotated));
    return seeds;
  }

  /**
   * The Decree 30 document signed by the leader and sealed by the unit, each at B-LT with its
   * appearance: about 220 KB (two 32 KB placeholders in hex), too large to check in, so made when
   * needed.
   */
  static byte[] leaderThenSeal(Path dir) throws IOException {
    PadesSigner signer = new PadesSigner(Fixtures.services());
    Appearance.Leader leader =
        new Appearance.Leader(
            "Nguyễn Văn Hùng", "CHỦ TỊCH", null, new Placement(1, 330, 620, 200, 90));
    Path draft = Fixtures.samplePdf(dir, 1);
    Path leaderSigned = dir.resolve("leader.pdf");
    Path sealed = dir.resolve("sealed.pdf");
    sign(
        signer,
        draft,
        leaderSigned,
        DemoPki.LEADER,
        SignOptions.of(SignatureLevel.B_LT).withAppearance(leader));
    sign(
        signer,
        leaderSigned,
        sealed,
        DemoPki.SEAL,
        SignOptions.of(SignatureLevel.B_LT)
            .withAppearance(Appearance.Seal.over(leader, "UBND quận Thanh Khê", null)));
    return Files.readAllBytes(sealed);
  }

  private static void sign(
      PadesSigner signer, Path in, Path out, String holder, SignOptions options) {
    try (Pkcs12KeySource source = Fixtures.demoKey(holder);
        BorrowedKey key = source.borrow()) {
      signer.sign(in, out, options, key);
    }
  }
}
