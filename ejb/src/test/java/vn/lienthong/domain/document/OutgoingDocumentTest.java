package vn.lienthong.domain.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import vn.lienthong.domain.IllegalTransitionException;

class OutgoingDocumentTest {
  private static final Instant NOW = Instant.parse("2026-11-27T03:00:00Z");
  private static final String SHA = "a".repeat(64);
  private static final String SIGNED = "b".repeat(64);
  private static final String SEALED = "c".repeat(64);

  private static DocumentDraft draft(DocumentType type, Classification c) {
    return new DocumentDraft(type, "Về việc thử", Urgency.NORMAL, c, LocalDate.of(2026, 12, 1));
  }

  @ParameterizedTest
  @EnumSource(
      value = Classification.class,
      names = {"CONFIDENTIAL", "SECRET", "TOP_SECRET"})
  void classifiedDocumentsNeverEnter(Classification c) {
    assertThatThrownBy(
            () ->
                OutgoingDocument.draft(
                    UUID.randomUUID(),
                    "U",
                    "a",
                    draft(DocumentType.CONG_VAN, c),
                    SHA,
                    "x.pdf",
                    NOW))
        .isInstanceOf(ClassifiedDocumentException.class)
        .hasMessageContaining(c.label());
  }

  @Test
  void draftIsSignedThenIssuedWithNumberAndNotationThenSentOnce() {
    OutgoingDocument d =
        OutgoingDocument.draft(
            UUID.randomUUID(),
            "U",
            "a",
            draft(DocumentType.QUYET_DINH, Classification.NORMAL),
            SHA,
            "qd.pdf",
            NOW);
    assertThat(d.status()).isEqualTo(DocumentStatus.DRAFT);
    assertThatThrownBy(() -> d.markSent(NOW)).isInstanceOf(IllegalTransitionException.class);
    // no number without the leader's signature
    assertThatThrownBy(() -> d.issue(new RegisterNumber(2026, 5), "UBND", "v", NOW, SIGNED))
        .isInstanceOf(IllegalTransitionException.class);

    d.leaderSigned(SIGNED, "lanhdao.ubnd", "1 300 500 200 90", NOW);
    assertThat(d.status()).isEqualTo(DocumentStatus.SIGNED);
    assertThat(d.fileSha256()).isEqualTo(SIGNED);
    assertThatThrownBy(() -> d.markSent(NOW)).isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> d.leaderSigned(SEALED, "lanhdao.ubnd", "1 0 0 1 1", NOW))
        .isInstanceOf(IllegalTransitionException.class);

    d.issue(new RegisterNumber(2026, 5), "UBND", "vanthu.ubnd", NOW, SEALED);
    assertThat(d.notation()).contains("05/QĐ-UBND");
    assertThat(d.status()).isEqualTo(DocumentStatus.ISSUED);
    assertThat(d.fileSha256()).isEqualTo(SEALED);
    assertThatThrownBy(() -> d.issue(new RegisterNumber(2026, 6), "UBND", "v", NOW, SEALED))
        .isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(d::requireSignable).isInstanceOf(IllegalTransitionException.class);

    d.markSent(NOW);
    assertThat(d.status()).isEqualTo(DocumentStatus.SENT);
    assertThatThrownBy(() -> d.markSent(NOW)).isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void registerNumbersRunFromOneEachYear() {
    OutgoingRegister r = new OutgoingRegister("U", 2027);
    assertThat(r.next()).isEqualTo(new RegisterNumber(2027, 1));
    assertThat(r.next()).isEqualTo(new RegisterNumber(2027, 2));
  }

  @Test
  void notationFollowsDecree30() {
    // a document with a type: the type's abbreviation and the organ's; a ward's committee is UBND
    assertThat(Notation.of(15, DocumentType.QUYET_DINH, "UBND", null)).isEqualTo("15/QĐ-UBND");
    assertThat(Notation.of(12, DocumentType.TO_TRINH, "QLĐT", null)).isEqualTo("12/TTr-QLĐT");
    assertThat(Notation.of(123, DocumentType.KE_HOACH, "VP", null)).isEqualTo("123/KH-VP");
    // the drafting division shows only in a công văn (Annex I): 12/UBND-VP
    assertThat(Notation.of(15, DocumentType.QUYET_DINH, "UBND", "VP")).isEqualTo("15/QĐ-UBND");
    assertThat(Notation.of(12, DocumentType.CONG_VAN, "UBND", "VP")).isEqualTo("12/UBND-VP");
    assertThat(Notation.of(3, DocumentType.CONG_VAN, "UBND", "ĐCXD")).isEqualTo("03/UBND-ĐCXD");
    // a phòng writing in its own name, no division
    assertThat(Notation.of(1, DocumentType.CONG_VAN, "QLĐT", null)).isEqualTo("01/QLĐT");
  }

  @Test
  void aCongVanCarriesTheDivisionThatDraftedIt() {
    OutgoingDocument d =
        OutgoingDocument.draft(
            UUID.randomUUID(),
            "U",
            "a",
            new DocumentDraft(
                DocumentType.CONG_VAN,
                "Về việc họp",
                Urgency.NORMAL,
                Classification.NORMAL,
                null,
                "VP"),
            SHA,
            "cv.pdf",
            NOW);
    d.leaderSigned(SIGNED, "lanhdao.ubnd", "1 300 500 200 90", NOW);
    d.issue(new RegisterNumber(2026, 12), "UBND", "vanthu.ubnd", NOW, SEALED);
    assertThat(d.notation()).contains("12/UBND-VP");
    assertThat(d.draftingDivision()).contains("VP");
  }
}
