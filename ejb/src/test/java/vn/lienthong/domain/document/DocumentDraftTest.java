package vn.lienthong.domain.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.lienthong.domain.InvalidInputException;

class DocumentDraftTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 27);

  @ParameterizedTest
  @CsvSource({
    "QUYET_DINH, QUYET_DINH",
    "Quyết định, QUYET_DINH",
    "quyet dinh, QUYET_DINH",
    "QĐ, QUYET_DINH",
    "Tờ trình, TO_TRINH",
    "TTr, TO_TRINH",
    "công văn, CONG_VAN",
    "CV, CONG_VAN",
    "QyĐ, QUY_DINH"
  })
  void typesAreReadAsOfficialsWriteThem(String input, DocumentType expected) {
    assertThat(DocumentType.parse(input)).contains(expected);
  }

  @ParameterizedTest
  @CsvSource({"thường, NORMAL", "KHAN, URGENT", "Thượng khẩn, VERY_URGENT", "hỏa tốc, FLASH"})
  void urgencyInVietnamese(String input, Urgency expected) {
    assertThat(Urgency.parse(input)).contains(expected);
  }

  @ParameterizedTest
  @CsvSource({
    "Mật, CONFIDENTIAL",
    "tối mật, SECRET",
    "TUYET_MAT, TOP_SECRET",
    "TOP_SECRET, TOP_SECRET"
  })
  void classificationInVietnamese(String input, Classification expected) {
    assertThat(Classification.parse(input)).contains(expected);
    assertThat(expected.isClassified()).isTrue();
  }

  @Test
  void defaultsAreTheOrdinary() {
    DocumentDraft d =
        DocumentDraft.parse("CONG_VAN", "  Về việc họp giao ban  ", null, null, null, null, TODAY);
    assertThat(d.urgency()).isEqualTo(Urgency.NORMAL);
    assertThat(d.classification()).isEqualTo(Classification.NORMAL);
    assertThat(d.abstractText()).isEqualTo("Về việc họp giao ban");
    assertThat(d.dueDate()).isNull();
  }

  @Test
  void everyFailingFieldIsReportedAtOnce() {
    assertThatThrownBy(
            () ->
                DocumentDraft.parse("Giấy khen", " ", "gấp", "bí mật", "2026-13-01", "vp!", TODAY))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e ->
                assertThat(e.fieldErrors())
                    .containsOnlyKeys(
                        "type", "abstract", "urgency", "classification", "dueDate", "division"));
  }

  @Test
  void dueDateInThePastIsRefused() {
    assertThatThrownBy(
            () -> DocumentDraft.parse("CONG_VAN", "x", null, null, "2026-11-26", null, TODAY))
        .isInstanceOfSatisfying(
            InvalidInputException.class,
            e -> assertThat(e.fieldErrors()).containsOnlyKeys("dueDate"));
    assertThat(
            DocumentDraft.parse("CONG_VAN", "x", null, null, "2026-11-27", " ĐCXD ", TODAY)
                .dueDate())
        .isEqualTo(TODAY);
  }
}
