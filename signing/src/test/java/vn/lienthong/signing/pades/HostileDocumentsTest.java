package vn.lienthong.signing.pades;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotation;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.signing.Fixtures;
import vn.lienthong.signing.HostilePdfs;
import vn.lienthong.signing.HostilePdfs.Pdf;
import vn.lienthong.signing.HostilePdfs.Updates;
import vn.lienthong.signing.InvalidDocumentException;
import vn.lienthong.signing.InvalidDocumentException.Reason;
import vn.lienthong.signing.PdfSig;
import vn.lienthong.signing.appearance.Appearance;
import vn.lienthong.signing.appearance.Placement;
import vn.lienthong.signing.internal.pdf.PdfReader;
import vn.lienthong.signing.key.BorrowedKey;
import vn.lienthong.signing.key.Pkcs12KeySource;
import vn.lienthong.signing.pki.DemoPki;
import vn.lienthong.signing.validation.Indication;
import vn.lienthong.signing.validation.PdfVerifier;

/**
 * Hostile and broken PDFs, written by {@link HostilePdfs}, signed in one step (B-B, PKCS#12) and
 * verified. Each ends, within a minute, either in a correct signed copy or in an {@link
 * InvalidDocumentException} with the reason pinned here and no output file; never in an Error or
 * another exception. Where a document may be signed our way or the general way (DSS with PDFBox),
 * the test says which one ran.
 */
class HostileDocumentsTest {

  private static final Duration BOUND = Duration.ofSeconds(60);

  static PadesSigner signer;
  static PdfVerifier verifier;

  @BeforeAll
  static void services() {
    signer = new PadesSigner(Fixtures.services());
    verifier = new PdfVerifier(Fixtures.services());
  }

  /** Who wrote the new signature's update. */
  enum Writer {
    /** Our incremental writer: no line breaks inside dictionaries, /ByteRange right after '>'. */
    OURS,
    /** DSS with PDFBox (the general path): one dictionary entry per line. */
    GENERAL
  }

  // ------------------------------------------------------------------ 1. understated /Size

  @Test
  void anUnderstatedSizeDoesNotMakeTheSignatureReuseTheDocumentsObjectNumbers(@TempDir Path dir) {
    within(
        () -> {
          // five objects, a table that lists them all, and a trailer that says /Size 3
          Path input = write(dir, "size3.pdf", HostilePdfs.minimal().size("3").table());

          Path signed = sign(input);

          assertThat(writer(input, signed)).isEqualTo(Writer.OURS);
          // catalog 1 and page 3 rewritten; signature 6, widget 7 and form 8 new
          assertThat(updateObjectNumbers(input, signed)).containsExactly(1, 3, 6, 7, 8);
          assertThat(pageTexts(signed)).containsExactly(HostilePdfs.PAGE_TEXT);
          assertPasses(signed);
          assertThat(PdfSig.check(signed)).contains("Signature Validation: Signature is Valid.");
          assertThat(verifyInput(input)).isEqualTo(Indication.NO_SIGNATURE);
        });
  }

  // ------------------------------------------------------------------ 2. malformed subsection

  @Test
  void aNegativeOrHugeSubsectionCountIsRepairedAndSignedTheGeneralWay(@TempDir Path dir) {
    within(
        () -> {
          for (String header : List.of("0 -5", "0 99999999999")) {
            Path input = write(dir, "sub.pdf", HostilePdfs.minimal().subsection(header).table());

            // our reader refuses the table; PDFBox rebuilds the whole cross-reference from the
            // objects (its full repair numbers new objects after all of them) and signs that
            Path signed = sign(input);

            assertThat(writer(input, signed)).as(header).isEqualTo(Writer.GENERAL);
            assertThat(pageTexts(signed)).containsExactly(HostilePdfs.PAGE_TEXT);
            assertPasses(signed);
            assertThat(verifyInput(input)).isEqualTo(Indication.NO_SIGNATURE);
          }
        });
  }

  // ------------------------------------------------------------------ 3. and 4. decoded sizes

  @Test
  void aCrossReferenceStreamThatInflatesToHundredsOfMegabytesIsTooComplex(@TempDir Path dir) {
    within(
        () -> {
          // 300 MB of zeros after the rows: about 300 KB on disk
          Path input =
              write(
                  dir,
                  "xref-bomb.pdf",
                  HostilePdfs.minimal().xrefPadding(300L << 20).xrefStream(6));
          assertThat(Files.size(input)).isLessThan(1L << 20);

          long before = allocatedBytes();
          // refused by our reader at its 32 MB bound, never handed to PDFBox to inflate
          assertRefused(input, dir, Reason.TOO_COMPLEX, "Stream decodes to more than 33554432");
          // about 64 MB: the buffer doubling up to the bound, not the 300 MB the stream holds
          assertThat(allocatedBytes() - before).isLessThan(128L << 20);

          // verification reads the document with our reader first: PDFBox, which would decode the
          // stream without a bound (some 340 MB allocated, seconds of work), never sees it
          assertVerifyRefused(input, Reason.TOO_COMPLEX);
        });
  }

  @Test
  void anObjectStreamThatDecodesBeyondTheBoundIsTooComplex(@TempDir Path dir) {
    within(
        () -> {
          // catalog, pages, page and font in an object stream padded to 40 MB of spaces
          Path input =
              write(
                  dir,
                  "objstm-bomb.pdf",
                  HostilePdfs.minimal()
                      .objectStream(6, 1, 2, 3, 5)
                      .objectStreamPadding(6, 40L << 20)
                      .xrefStream(7));

          assertRefused(input, dir, Reason.TOO_COMPLEX, "Stream decodes to more than 33554432");
          // verification lets PDFBox decode a stream of up to 64 MB (DecodeBounds measures it
          // first): 40 MB is within that, and the document has no signature
          assertThat(verifyInput(input)).isEqualTo(Indication.NO_SIGNATURE);
        });
  }

  // ------------------------------------------------------------------ 5. and 6. self-reference

  @Test
  void aContentStreamWhoseLengthIsItselfIsSignedOurWay(@TempDir Path dir) {
    within(
        () -> {
          Path input =
              write(
                  dir,
                  "self-length.pdf",
                  HostilePdfs.minimal()
                      .put(
                          4,
                          "<< /Length 4 0 R >>\nstream\nBT /F1 24 Tf 72 720 Td (x) Tj ET\nendstream")
                      .table());

          // the writer never reads page content, so the loop is none of its business
          Path signed = sign(input);

          assertThat(writer(input, signed)).isEqualTo(Writer.OURS);
          assertPasses(signed);
          assertThat(verifyInput(input)).isEqualTo(Indication.NO_SIGNATURE);
        });
  }

  @Test
  void anObjectStreamWhoseLengthIsItselfIsDamaged(@TempDir Path dir) {
    within(
        () -> {
          Path input =
              write(
                  dir,
                  "objstm-self-length.pdf",
                  HostilePdfs.minimal()
                      .objectStream(6, 1, 2, 3, 5)
                      .objectStreamLength(6, "6 0 R")
                      .xrefStream(7));

          // our reader sees the loop and tries the general path; PDFBox cannot read the stream
          // that holds the catalog either: nobody can, the document is damaged
          assertRefused(input, dir, Reason.DAMAGED, "Missing root object");
          assertVerifyRefused(input, Reason.DAMAGED);
        });
  }

  @Test
  void anObjectStreamThatContainsItselfIsDamaged(@TempDir Path dir) {
    within(
        () -> {
          // the xref stream lists object stream 7 as object 0 of object stream 7
          Path input =
              write(
                  dir,
                  "objstm-in-itself.pdf",
                  HostilePdfs.minimal()
                      .objectStream(7, 1, 2, 3, 5)
                      .entry(7, 2, 7, 0)
                      .xrefStream(8));

          assertRefused(input, dir, Reason.DAMAGED, "Missing root object");
          assertVerifyRefused(input, Reason.DAMAGED);
        });
  }

  // ------------------------------------------------------------------ 7. negative /Index

  @Test
  void aNegativeIndexCountInACrossReferenceStreamIsDamaged(@TempDir Path dir) {
    within(
        () -> {
          Path input =
              write(dir, "index-neg.pdf", HostilePdfs.minimal().index("[0 -5]").xrefStream(6));

          // refused by our reader: PDFBox reads the range as empty, finds the objects by
          // searching the file, and the general path would number its new objects over the
          // catalog and the pages
          assertRefused(input, dir, Reason.DAMAGED, "negative count");
          assertThat(verifyInput(input)).isEqualTo(Indication.NO_SIGNATURE);
        });
  }

  @Test
  void aCrossReferenceStreamThatListsNothingIsDamaged(@TempDir Path dir) {
    within(
        () -> {
          Path input =
              write(dir, "index-empty.pdf", HostilePdfs.minimal().index("[0 0]").xrefStream(6));

          // the same overwrite on the general path; our reader finds no catalog object
          assertRefused(input, dir, Reason.DAMAGED, "The catalog (1 0 R) is no object");
          assertThat(verifyInput(input)).isEqualTo(Indication.NO_SIGNATURE);
        });
  }

  // ------------------------------------------------------------------ 8. and 9. section chains

  @Test
  void manyTableSectionsSharingOneCrossReferenceStreamAreTooComplex(@TempDir Path dir) {
    within(
        () -> {
          // a hybrid file: 101 table sections chained by /Prev, each naming the same /XRefStm; a
          // real hybrid file gives each table its own stream, and PDFBox decodes a shared one
          // again for every section that names it
          Pdf base = HostilePdfs.minimal();
          byte[] original = base.table();
          Updates updates = new Updates(original, 6);
          long stream = updates.position();
          String data =
              HostilePdfs.deflateWithZeros(HostilePdfs.row(1, base.offsets().get(5), 0), 256 << 10);
          updates.append(
              Map.of(
                  6,
                  HostilePdfs.stream(
                      "/Type /XRef /Size 7 /Index [5 1] /W [1 4 2] /Filter /FlateDecode", data)),
              "/XRefStm " + stream);
          for (int i = 0; i < 100; i++) {
            updates.append(Map.of(), "/XRefStm " + stream);
          }
          Path input = write(dir, "hybrid-chain.pdf", updates.bytes());

          assertRefused(input, dir, Reason.TOO_COMPLEX, "shared by several sections");
          assertVerifyRefused(input, Reason.TOO_COMPLEX);
        });
  }

  @Test
  void aPrevLoopIsSignedTheGeneralWay(@TempDir Path dir) {
    within(
        () -> {
          Updates updates = new Updates(HostilePdfs.minimal().table(), 6);
          updates.append(Map.of(), "", Long.toString(updates.position())); // /Prev is itself
          Path input = write(dir, "prev-loop.pdf", updates.bytes());

          // our reader refuses the loop; so does PDFBox, which then rebuilds the whole
          // cross-reference from the objects and signs
          Path signed = sign(input);

          assertThat(writer(input, signed)).isEqualTo(Writer.GENERAL);
          assertThat(pageTexts(signed)).containsExactly(HostilePdfs.PAGE_TEXT);
          assertPasses(signed);
          assertThat(verifyInput(input)).isEqualTo(Indication.NO_SIGNATURE);
        });
  }

  @Test
  void moreThan1024SectionsAreTooComplex(@TempDir Path dir) {
    within(
        () -> {
          Updates updates = new Updates(HostilePdfs.minimal().table(), 6);
          for (int i = 0; i < 1100; i++) {
            updates.append(Map.of(), "");
          }
          Path input = write(dir, "sections.pdf", updates.bytes());

          assertRefused(input, dir, Reason.TOO_COMPLEX, "More than 1024 sections");
          assertVerifyRefused(input, Reason.TOO_COMPLEX);
        });
  }

  @Test
  void aSignedDocumentWhoseCrossReferenceMustBeRebuiltIsNotSignedAgain(@TempDir Path dir) {
    within(
        () -> {
          // a signed document whose startxref points nowhere: PDFBox's rebuilt cross-reference
          // keeps only the first, unsigned revision, and a signature added to that copy would
          // leave the leader's signature in the bytes but out of the form
          Path signed = sign(write(dir, "draft.pdf", HostilePdfs.minimal().table()));
          Path broken =
              write(
                  dir,
                  "signed-broken.pdf",
                  HostilePdfs.withStartXref(Files.readAllBytes(signed), "17"));

          assertRefused(broken, dir, Reason.DAMAGED, "keeps 0 of its 1 signatures");
        });
  }

  // ------------------------------------------------------------------ 10. page tree cycle

  @Test
  void aPageTreeThatContainsItselfIsDamaged(@TempDir Path dir) {
    within(
        () -> {
          Path input = write(dir, "cycle.pdf", HostilePdfs.pageTreeCycle());

          assertRefused(input, dir, Reason.DAMAGED, "The page tree contains itself");
          // an unsigned document: DSS has no reason to walk its pages
          assertThat(verifyInput(input)).isEqualTo(Indication.NO_SIGNATURE);
        });
  }

  // ------------------------------------------------------------------ 11. absurd numbers

  @Test
  void anAbsurdSizeIsSignedTheGeneralWay(@TempDir Path dir) {
    within(
        () -> {
          Path input =
              write(dir, "size.pdf", HostilePdfs.minimal().size("99999999999999999999").table());

          // our reader will not number objects after 10^20; PDFBox numbers them after the
          // highest object it lists and signs
          Path signed = sign(input);

          assertThat(writer(input, signed)).isEqualTo(Writer.GENERAL);
          assertPasses(signed);
          assertThat(verifyInput(input)).isEqualTo(Indication.NO_SIGNATURE);
        });
  }

  @Test
  void anAbsurdPageCountIsSignedOurWay(@TempDir Path dir) {
    within(
        () -> {
          Path input =
              write(
                  dir,
                  "count.pdf",
                  HostilePdfs.minimal()
                      .put(2, "<< /Type /Pages /Kids [3 0 R] /Count 1000000000 >>")
                      .table());

          // the writer walks the tree and never trusts /Count
          Path signed = sign(input);

          assertThat(writer(input, signed)).isEqualTo(Writer.OURS);
          assertPasses(signed);
          assertThat(verifyInput(input)).isEqualTo(Indication.NO_SIGNATURE);
        });
  }

  @Test
  void anAbsurdMediaBoxSendsAVisibleSignatureTheGeneralWay(@TempDir Path dir) {
    within(
        () -> {
          Path input =
              write(
                  dir,
                  "mediabox.pdf",
                  HostilePdfs.minimal()
                      .put(
                          3,
                          HostilePdfs.page(2, 4)
                              .replace("595 842", "595 1000000000000000000000000"))
                      .table());

          // our writer places boxes on pages up to 10^6 points; DSS places it by its own rules
          Path signed = sign(input, leader(1));

          assertThat(writer(input, signed)).isEqualTo(Writer.GENERAL);
          assertPasses(signed);
          assertThat(verifyInput(input)).isEqualTo(Indication.NO_SIGNATURE);
        });
  }

  @Test
  void anAbsurdAnnotationRectIsSignedOurWay(@TempDir Path dir) {
    within(
        () -> {
          Path input =
              write(
                  dir,
                  "rect.pdf",
                  HostilePdfs.minimal()
                      .put(
                          3,
                          HostilePdfs.page(2, 4)
                              .replace("/Contents 4 0 R", "/Contents 4 0 R /Annots [6 0 R]"))
                      .put(
                          6,
                          "<< /Type /Annot /Subtype /Square"
                              + " /Rect [0 0 1000000000000000000000000 842] >>")
                      .table());

          // the writer only appends to /Annots; it never reads another annotation's box
          Path signed = sign(input);

          assertThat(writer(input, signed)).isEqualTo(Writer.OURS);
          assertPasses(signed);
          assertThat(verifyInput(input)).isEqualTo(Indication.NO_SIGNATURE);
        });
  }

  // ------------------------------------------------------------------ 12. deep nesting

  @Test
  void anArrayNested100000DeepIsTooComplex(@TempDir Path dir) {
    within(
        () -> {
          Path inPage = write(dir, "deep-page.pdf", HostilePdfs.nestedInPage(100_000));
          Path inCatalog = write(dir, "deep-catalog.pdf", HostilePdfs.nestedInCatalog(100_000));

          // our parser stops at 64 levels and refuses: PDFBox stops at 500 and reads the page as
          // null, and the general path would sign an empty page in its place
          assertRefused(inPage, dir, Reason.TOO_COMPLEX, "nested more than 64 deep");
          assertRefused(inCatalog, dir, Reason.TOO_COMPLEX, "nested more than 64 deep");
          // verification measures what PDFBox would decode with our reader first, which stops at
          // the same bound: PDFBox never reads either
          assertVerifyRefused(inPage, Reason.TOO_COMPLEX);
          assertVerifyRefused(inCatalog, Reason.TOO_COMPLEX);
        });
  }

  // ------------------------------------------------------------------ 13. locked documents

  @Test
  void aSignedFieldThatLocksTheFormRefusesANewSignatureOnBothPaths(@TempDir Path dir) {
    within(
        () -> {
          Path locked = write(dir, "locked.pdf", lockedBy(dir, "<< /Action /All >>"));

          assertRefused(locked, dir, Reason.SIGNING_NOT_PERMITTED, "locks the form (/Lock)");
          // DSS does not count a /Lock added to the signed field in a later update as a change
          // after signing; our comparison of revisions does (it changes no page: indeterminate)
          assertThat(verifier.verify(locked).signatures())
              .singleElement()
              .satisfies(
                  s -> {
                    assertThat(s.indication()).isEqualTo(Indication.INDETERMINATE);
                    assertThat(s.changesAfterSigning())
                        .extracting(c -> c.description())
                        .containsExactly("form field changed (Signature1)");
                  });

          // the same document with a newest /Size our reader will not take: DSS's checker
          // decides, on PDFBox's reading of all three revisions (a startxref that points
          // nowhere would not do: PDFBox's repair keeps only the first revision, unsigned)
          Path general =
              write(
                  dir,
                  "locked-general.pdf",
                  HostilePdfs.withLastSize(Files.readAllBytes(locked), "99999999999999999999"));
          assertRefused(
              general,
              dir,
              Reason.SIGNING_NOT_PERMITTED,
              "Lock dictionary of field 'Signature1' does not permit");
        });
  }

  @Test
  void aLockThatIncludesOnlyNamedFieldsAllowsANewSignature(@TempDir Path dir) {
    within(
        () -> {
          Path input =
              write(dir, "lock-include.pdf", lockedBy(dir, "<< /Action /Include /Fields [(x)] >>"));

          Path signed = sign(input);

          assertThat(writer(input, signed)).isEqualTo(Writer.OURS);
          // a new field has no name in /Fields: /Include locks only (x); the second signature
          // passes, the first is indeterminate for the /Lock added to its field after it
          var verdict = verifier.verify(signed);
          assertThat(verdict.signatures())
              .extracting(s -> s.indication())
              .containsExactly(Indication.INDETERMINATE, Indication.TOTAL_PASSED);

          // and DSS agrees when it is the one to decide
          Path general =
              write(
                  dir,
                  "lock-include-general.pdf",
                  HostilePdfs.withLastSize(Files.readAllBytes(input), "99999999999999999999"));
          assertThat(writer(general, sign(general))).isEqualTo(Writer.GENERAL);
        });
  }

  @Test
  void aDocumentCertifiedWithNoChangesAllowedRefusesANewSignatureOnBothPaths(@TempDir Path dir) {
    within(
        () -> {
          Path certified = write(dir, "docmdp.pdf", HostilePdfs.certifiedNoChanges());

          assertRefused(certified, dir, Reason.SIGNING_NOT_PERMITTED, "DocMDP permission 1");
          assertThat(verifyInput(certified)).isEqualTo(Indication.NO_SIGNATURE);

          Path general =
              write(
                  dir,
                  "docmdp-general.pdf",
                  HostilePdfs.withStartXref(Files.readAllBytes(certified), "17"));
          assertRefused(general, dir, Reason.SIGNING_NOT_PERMITTED, "DocMDP");
        });
  }

  @Test
  void aDocumentCertifiedForFormFillingAndSigningGetsAnApprovalSignatureOurWay(@TempDir Path dir) {
    within(
        () -> {
          // DocMDP permission 2 allows filling in forms and signing (ISO 32000-1 Table 254)
          Path certified = write(dir, "docmdp-2.pdf", HostilePdfs.certified(2));

          Path signed = sign(certified);

          assertThat(writer(certified, signed)).isEqualTo(Writer.OURS);
          try (PdfReader pdf = PdfReader.open(signed)) {
            assertThat(pdf.catalog().has("Perms")).isTrue();
          }
        });
  }

  // ------------------------------------------------------------------ 14. and 15. page trees

  @Test
  void aVisibleSignatureOnPage2LeavesAShareOfAnnotsWithPage1Alone(@TempDir Path dir) {
    within(
        () -> {
          // pages 3 and 6 share the indirect /Annots array 8, which holds one link
          Path input =
              write(
                  dir,
                  "shared-annots.pdf",
                  HostilePdfs.minimal()
                      .put(2, "<< /Type /Pages /Kids [3 0 R 6 0 R] /Count 2 >>")
                      .put(
                          3,
                          HostilePdfs.page(2, 4)
                              .replace("/Contents 4 0 R", "/Contents 4 0 R /Annots 8 0 R"))
                      .put(
                          6,
                          HostilePdfs.page(2, 7)
                              .replace("/Contents 7 0 R", "/Contents 7 0 R /Annots 8 0 R"))
                      .put(7, HostilePdfs.contentStream("Hostile input page 2"))
                      .put(8, "[9 0 R]")
                      .put(
                          9,
                          "<< /Type /Annot /Subtype /Link /Rect [72 700 300 740] /Border [0 0 0]"
                              + " /A << /S /URI /URI (https://example.org/) >> >>")
                      .table());

          assertThat(annotationCounts(input)).containsExactly(1, 1);

          Path signed = sign(input, leader(2));

          assertThat(writer(input, signed)).isEqualTo(Writer.OURS);
          // page 2 got its own copy of the array, with the widget; page 1 still has the link only
          assertThat(annotationCounts(signed)).containsExactly(1, 2);
          assertPasses(signed);
          assertThat(verifyInput(input)).isEqualTo(Indication.NO_SIGNATURE);
        });
  }

  @Test
  void aVisibleSignatureOnPage2LandsOnThePageAViewerShowsSecondWhateverTheCountsSay(
      @TempDir Path dir) {
    within(
        () -> {
          // root 2: [node 6, page 9], /Count 3; node 6: [page 3, page 7] but /Count 1. A reader
          // that skips subtrees by /Count takes page 9 for page 2.
          Path input =
              write(
                  dir,
                  "lying-count.pdf",
                  HostilePdfs.minimal()
                      .put(2, "<< /Type /Pages /Kids [6 0 R 9 0 R] /Count 3 >>")
                      .put(6, "<< /Type /Pages /Parent 2 0 R /Kids [3 0 R 7 0 R] /Count 1 >>")
                      .put(3, HostilePdfs.page(6, 4))
                      .put(4, HostilePdfs.contentStream("Page one"))
                      .put(7, HostilePdfs.page(6, 8))
                      .put(8, HostilePdfs.contentStream("Page two"))
                      .put(9, HostilePdfs.page(2, 10))
                      .put(10, HostilePdfs.contentStream("Page three"))
                      .table());

          Path signed = sign(input, leader(2));

          assertThat(writer(input, signed)).isEqualTo(Writer.OURS);
          assertThat(pageTexts(signed)).containsExactly("Page one", "Page two", "Page three");
          assertThat(annotationCounts(signed)).containsExactly(0, 1, 0);
          assertPasses(signed);
          assertThat(verifyInput(input)).isEqualTo(Indication.NO_SIGNATURE);
        });
  }

  @Test
  void aVisibleSignatureTheGeneralPathWouldPutOnAnotherPageIsRefused(@TempDir Path dir) {
    within(
        () -> {
          // the lying counts above, and page 2 rotated: our writer leaves rotated pages to the
          // general path, and PDFBox there finds page 2 by the counts, which name page 3
          Path input =
              write(
                  dir,
                  "lying-count-rotated.pdf",
                  HostilePdfs.minimal()
                      .put(2, "<< /Type /Pages /Kids [6 0 R 9 0 R] /Count 3 >>")
                      .put(6, "<< /Type /Pages /Parent 2 0 R /Kids [3 0 R 7 0 R] /Count 1 >>")
                      .put(3, HostilePdfs.page(6, 4))
                      .put(4, HostilePdfs.contentStream("Page one"))
                      .put(7, HostilePdfs.page(6, 8).replace("/Contents", "/Rotate 90 /Contents"))
                      .put(8, HostilePdfs.contentStream("Page two"))
                      .put(9, HostilePdfs.page(2, 10))
                      .put(10, HostilePdfs.contentStream("Page three"))
                      .table());

          assertRefusedVisibly(input, dir, leader(2), "/Count entries are wrong");
        });
  }

  @Test
  void aPageThatIsAlsoATreeNodeIsDamaged(@TempDir Path dir) {
    within(
        () -> {
          // /Type /Page with /Kids: a page to pdf.js, a node to PDFBox
          Path input =
              write(
                  dir,
                  "page-with-kids.pdf",
                  HostilePdfs.minimal()
                      .put(2, "<< /Type /Pages /Kids [6 0 R] /Count 1 >>")
                      .put(
                          6, HostilePdfs.page(2, 4).replace("/Contents", "/Kids [3 0 R] /Contents"))
                      .put(3, HostilePdfs.page(6, 4))
                      .table());

          assertRefused(input, dir, Reason.DAMAGED, "a page with kids");
        });
  }

  @Test
  void textThatMentionsAByteRangeDoesNotCountAsASignature(@TempDir Path dir) {
    within(
        () -> {
          // the general path (a rotated page) on a document whose page says "/ByteRange": our
          // reader counts the signatures in the form, not the words in the file
          Path input =
              write(
                  dir,
                  "byterange-text.pdf",
                  HostilePdfs.minimal()
                      .put(3, HostilePdfs.page(2, 4).replace("/Contents", "/Rotate 90 /Contents"))
                      .put(4, HostilePdfs.contentStream("/ByteRange [0 1 2 3]"))
                      .table());

          Path signed = sign(input, leader(1));

          assertThat(writer(input, signed)).isEqualTo(Writer.GENERAL);
          assertPasses(signed);
        });
  }

  // ------------------------------------------------------------------ 16. older /Encrypt

  @Test
  void anEncryptInAnOlderTrailerOnlyIsEncrypted(@TempDir Path dir) {
    within(
        () -> {
          // revision 1 names a standard security handler no password opens; revision 2 drops
          // /Encrypt and pads the file so that the last 64 KB do not mention it
          Pdf encrypted =
              HostilePdfs.minimal()
                  .put(
                      6,
                      "<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <"
                          + "11".repeat(32)
                          + "> /U <"
                          + "22".repeat(32)
                          + "> >>")
                  .trailer("/Encrypt 6 0 R /ID [<0102030405060708> <0102030405060708>]");
          Updates updates = new Updates(encrypted.table(), 7);
          updates.append(Map.of(7, HostilePdfs.stream("", "%" + " ".repeat(80_000))), "");
          Path input = write(dir, "older-encrypt.pdf", updates.bytes());
          assertThat(tail(input, 64 * 1024)).doesNotContain("/Encrypt");

          // our reader sees it in the older trailer and leaves it to the general path, where
          // PDFBox (which merges the trailers) asks for a password
          assertRefused(input, dir, Reason.ENCRYPTED, "Encrypted PDF");
          assertVerifyRefused(input, Reason.ENCRYPTED);
        });
  }

  // ------------------------------------------------------------------ 17. generations

  @Test
  void aPageWithGeneration1IsRewrittenWithGeneration1(@TempDir Path dir) {
    within(
        () -> {
          Path input =
              write(
                  dir,
                  "generation1.pdf",
                  HostilePdfs.minimal()
                      .put(2, "<< /Type /Pages /Kids [3 1 R] /Count 1 >>")
                      .put(3, 1, HostilePdfs.page(2, 4))
                      .table());

          Path signed = sign(input);

          assertThat(writer(input, signed)).isEqualTo(Writer.OURS);
          String update = update(input, signed);
          assertThat(update).contains("\n3 1 obj\n").contains("/P 3 1 R");
          assertThat(update).containsPattern("\n3 1\n\\d{10} 00001 n");
          assertPasses(signed);
          try (PDDocument document = Loader.loadPDF(signed.toFile())) {
            assertThat(document.getPage(0).getAnnotations())
                .singleElement()
                .isInstanceOf(PDAnnotationWidget.class);
          }
          assertThat(verifyInput(input)).isEqualTo(Indication.NO_SIGNATURE);
        });
  }

  @Test
  void aReferenceWithTheWrongGenerationIsNoPageAndDamaged(@TempDir Path dir) {
    within(
        () -> {
          // "3 1 R" but object 3 is listed (and written) with generation 0: that kid is null
          Path input =
              write(
                  dir,
                  "generation-mismatch.pdf",
                  HostilePdfs.minimal()
                      .put(2, "<< /Type /Pages /Kids [3 1 R] /Count 1 >>")
                      .table());

          // refused by our reader: PDFBox puts an empty page in place of the null kid, and the
          // general path would sign that
          assertRefused(input, dir, Reason.DAMAGED, "A page tree node (3 1 R) is no object");
          assertThat(verifyInput(input)).isEqualTo(Indication.NO_SIGNATURE);
        });
  }

  // ------------------------------------------------------------------ helpers

  /**
   * {@link HostilePdfs#minimal()} signed (our writer), then an update that gives the signed field
   * the /Lock dictionary {@code lock}.
   */
  static byte[] lockedBy(Path dir, String lock) throws IOException {
    Path signed = sign(write(dir, "to-lock.pdf", HostilePdfs.minimal().table()));
    byte[] bytes = Files.readAllBytes(signed);
    Files.delete(signed);
    return HostilePdfs.withLock(bytes, lock);
  }

  static Appearance.Leader leader(int page) {
    return new Appearance.Leader(
        "Nguyễn Văn Hùng", "Chủ tịch", null, new Placement(page, 330, 620, 200, 90));
  }

  static void within(Executable test) {
    assertTimeoutPreemptively(BOUND, test);
  }

  static Path write(Path dir, String name, byte[] bytes) throws IOException {
    return Files.write(dir.resolve(System.nanoTime() + "-" + name), bytes);
  }

  static Path sign(Path input) {
    return sign(input, new Appearance.Invisible());
  }

  /** Signs B-B with the leader's PKCS#12 key; the output is next to the input. */
  static Path sign(Path input, Appearance appearance) {
    Path output = input.resolveSibling(input.getFileName() + ".signed.pdf");
    try (Pkcs12KeySource source = Fixtures.demoKey(DemoPki.LEADER);
        BorrowedKey key = source.borrow()) {
      signer.sign(
          input, output, SignOptions.of(SignatureLevel.B_B).withAppearance(appearance), key);
    }
    return output;
  }

  /**
   * Signing is refused with {@code reason} and a message that says why, and leaves nothing behind:
   * no output, no temporary file in the output's folder.
   */
  static void assertRefused(Path input, Path dir, Reason reason, String message)
      throws IOException {
    Path outputs = Files.createDirectories(dir.resolve("out-" + System.nanoTime()));
    Path output = outputs.resolve("signed.pdf");
    try (Pkcs12KeySource source = Fixtures.demoKey(DemoPki.LEADER);
        BorrowedKey key = source.borrow()) {
      assertThatThrownBy(() -> signer.sign(input, output, SignOptions.of(SignatureLevel.B_B), key))
          .isExactlyInstanceOf(InvalidDocumentException.class)
          .hasMessageContaining(message)
          .extracting(e -> ((InvalidDocumentException) e).reason())
          .isEqualTo(reason);
    }
    try (Stream<Path> left = Files.list(outputs)) {
      assertThat(left).isEmpty();
    }
  }

  /** As {@link #assertRefused}, for a visible signature. */
  static void assertRefusedVisibly(Path input, Path dir, Appearance appearance, String message)
      throws IOException {
    Path outputs = Files.createDirectories(dir.resolve("out-" + System.nanoTime()));
    Path output = outputs.resolve("signed.pdf");
    try (Pkcs12KeySource source = Fixtures.demoKey(DemoPki.LEADER);
        BorrowedKey key = source.borrow()) {
      assertThatThrownBy(
              () ->
                  signer.sign(
                      input,
                      output,
                      SignOptions.of(SignatureLevel.B_B).withAppearance(appearance),
                      key))
          .isExactlyInstanceOf(InvalidDocumentException.class)
          .hasMessageContaining(message)
          .extracting(e -> ((InvalidDocumentException) e).reason())
          .isEqualTo(Reason.DAMAGED);
    }
    try (Stream<Path> left = Files.list(outputs)) {
      assertThat(left).isEmpty();
    }
  }

  static Indication verifyInput(Path input) {
    return verifier.verify(input).indication();
  }

  static void assertVerifyRefused(Path input, Reason reason) {
    assertThatThrownBy(() -> verifier.verify(input))
        .isExactlyInstanceOf(InvalidDocumentException.class)
        .extracting(e -> ((InvalidDocumentException) e).reason())
        .isEqualTo(reason);
  }

  static void assertPasses(Path signed) {
    var verdict = verifier.verify(signed);
    assertThat(verdict.indication()).isEqualTo(Indication.TOTAL_PASSED);
    assertThat(verdict.signatures()).allMatch(s -> !s.modifiedAfterSigning());
  }

  /**
   * Which writer made the last update. Both put /Contents before /ByteRange in the signature
   * dictionary (DSS 6.4 with PDFBox 3 too); they differ in layout: ours writes a dictionary on one
   * line, so /ByteRange follows the placeholder's '>', PDFBox starts every entry on a new line.
   */
  static Writer writer(Path input, Path signed) throws IOException {
    String update = update(input, signed);
    int at = update.lastIndexOf("/ByteRange [");
    assertThat(at).as("a signature dictionary in the update").isPositive();
    return switch (update.charAt(at - 1)) {
      case '>' -> Writer.OURS;
      case '\n' -> Writer.GENERAL;
      default -> throw new AssertionError("Unknown writer: " + update.substring(at - 40, at));
    };
  }

  static String update(Path input, Path signed) throws IOException {
    byte[] before = Files.readAllBytes(input);
    byte[] after = Files.readAllBytes(signed);
    assertThat(java.util.Arrays.equals(after, 0, before.length, before, 0, before.length))
        .as("the original bytes come first, untouched")
        .isTrue();
    return new String(
        after, before.length, after.length - before.length, StandardCharsets.ISO_8859_1);
  }

  /** The object numbers the update's cross-reference table lists (its subsection headers). */
  static List<Integer> updateObjectNumbers(Path input, Path signed) throws IOException {
    String update = update(input, signed);
    String table =
        update.substring(update.lastIndexOf("\nxref\n") + 6, update.lastIndexOf("trailer"));
    List<Integer> numbers = new ArrayList<>();
    Matcher m = Pattern.compile("(?m)^(\\d+) (\\d+)$").matcher(table);
    while (m.find()) {
      int first = Integer.parseInt(m.group(1));
      for (int i = 0; i < Integer.parseInt(m.group(2)); i++) {
        numbers.add(first + i);
      }
    }
    return numbers;
  }

  /** Each page's text, in the order PDFBox's page iterator (a viewer) shows them. */
  static List<String> pageTexts(Path pdf) throws IOException {
    List<String> texts = new ArrayList<>();
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      int index = 1;
      for (PDPage ignored : document.getPages()) {
        PDFTextStripper stripper = new PDFTextStripper();
        stripper.setStartPage(index);
        stripper.setEndPage(index);
        texts.add(stripper.getText(document).strip());
        index++;
      }
    }
    return texts;
  }

  /** Each page's number of annotations, in the order PDFBox's page iterator shows them. */
  static List<Integer> annotationCounts(Path pdf) throws IOException {
    List<Integer> counts = new ArrayList<>();
    try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
      for (PDPage page : document.getPages()) {
        List<PDAnnotation> annotations = page.getAnnotations();
        counts.add(annotations.size());
      }
    }
    return counts;
  }

  static String tail(Path file, int bytes) throws IOException {
    byte[] all = Files.readAllBytes(file);
    int from = Math.max(0, all.length - bytes);
    return new String(all, from, all.length - from, StandardCharsets.ISO_8859_1);
  }

  /** Bytes this thread has allocated so far (HotSpot's per-thread counter). */
  static long allocatedBytes() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getCurrentThreadAllocatedBytes();
  }
}
