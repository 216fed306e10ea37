package vn.lienthong.infrastructure.edxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.lienthong.infrastructure.edxml.EdXmlDocument.Attachment;
import vn.lienthong.infrastructure.edxml.EdXmlDocument.Priority;
import vn.lienthong.infrastructure.edxml.EdXmlPackage.Organ;

/** The records' checks and the date forms. */
class EdXmlRecordsTest {

  @Test
  void requiredTextIsNamedWhenBlankAndOptionalBlankTextIsAbsent() {
    assertThatThrownBy(() -> new Organ(" ", "Ủy ban nhân dân"))
        .isExactlyInstanceOf(EdXmlException.class)
        .hasMessage("Gói edXML không hợp lệ: thiếu phần tử OrganId.");
    Organ organ = new Organ(" 000.00.31.H17 ", null, " Ủy ban ", "", " \t", null);
    assertThat(organ.organId()).isEqualTo("000.00.31.H17");
    assertThat(organ.organName()).isEqualTo("Ủy ban");
    assertThat(organ.organAdd()).isNull();
    assertThat(organ.email()).isNull();
  }

  @Test
  void textMustBeXmlCharacters() {
    assertThatThrownBy(() -> new Organ("000.00.31.H17", "Ủy ban\u0000"))
        .hasMessage("Gói edXML không hợp lệ: phần tử OrganName có ký tự không hợp lệ (U+0000).");
    assertThatThrownBy(() -> new Organ("000.00.31.H17", "nửa cặp \uD800"))
        .hasMessageContaining("(U+D800)");
    assertThat(new Organ("000.00.31.H17", "dòng 1\n\tdòng 2 \uD83D\uDE00").organName())
        .isEqualTo("dòng 1\n\tdòng 2 \uD83D\uDE00");
  }

  @Test
  void theCodesOfTheStandardAreTheOnlyOnes() {
    assertThat(Priority.of(3)).isEqualTo(Priority.FLASH);
    assertThat(Priority.FLASH_TIMED.code()).isEqualTo(4);
    assertThatThrownBy(() -> Priority.of(5))
        .hasMessage("Gói edXML không hợp lệ: phần tử Priority phải từ 0 đến 4, không phải 5.");
    assertThat(EdXmlDocument.SteeringType.of(2))
        .isEqualTo(EdXmlDocument.SteeringType.STEERING_REPORT);
    assertThatThrownBy(() -> EdXmlDocument.SteeringType.of(3)).isInstanceOf(EdXmlException.class);
    assertThat(EdXmlDocument.BusinessDocType.of(1)).isEqualTo(EdXmlDocument.BusinessDocType.REVOKE);
    assertThat(EdXmlStatus.StatusCode.of("13")).isEqualTo(EdXmlStatus.StatusCode.RECALL_REQUESTED);
    assertThat(EdXmlStatus.StatusCode.of(" 6 ")).isEqualTo(EdXmlStatus.StatusCode.DONE);
    assertThatThrownBy(() -> EdXmlStatus.StatusCode.of("07"))
        .hasMessage(
            "Gói edXML không hợp lệ: phần tử StatusCode phải là 01–06, 13, 15 hoặc 16, không phải"
                + " \"07\".");
    assertThat(EdXmlStatus.StatusCode.values())
        .extracting(EdXmlStatus.StatusCode::code)
        .containsExactly("01", "02", "03", "04", "05", "06", "13", "15", "16");
  }

  @Test
  void anAttachmentsContentIdLosesItsCidAndIsUnique(@TempDir Path dir) throws IOException {
    Attachment a = new Attachment("cid:abc", "a.pdf", "application/pdf", null, Path.of("a"));
    assertThat(a.contentId()).isEqualTo("abc");
    assertThatThrownBy(() -> new Attachment("cid:", "a.pdf", "application/pdf", null, Path.of("a")))
        .hasMessage("Gói edXML không hợp lệ: thiếu phần tử ContentId.");
    EdXmlDocument d = EdXmlSamples.minimal(dir, new byte[1]);
    Attachment same = new Attachment("abc", "b.pdf", "application/pdf", null, Path.of("b"));
    assertThatThrownBy(
            () ->
                new EdXmlDocument(
                    d.from(),
                    d.to(),
                    d.code(),
                    d.promulgationInfo(),
                    d.documentType(),
                    d.subject(),
                    d.content(),
                    d.signerInfo(),
                    d.dueDate(),
                    d.toPlaces(),
                    d.otherInfo(),
                    d.responseFor(),
                    d.steeringType(),
                    d.documentId(),
                    d.traceHeaders(),
                    d.business(),
                    List.of(a, same)))
        .hasMessage("Gói edXML không hợp lệ: ContentId abc của tệp đính kèm bị trùng.");
  }

  @Test
  void aDocumentsListsAreCopiesWithoutNulls(@TempDir Path dir) throws IOException {
    EdXmlDocument d = EdXmlSamples.minimal(dir, new byte[1]);
    List<String> places = new java.util.ArrayList<>(List.of("Như trên", " "));
    EdXmlDocument copy =
        new EdXmlDocument(
            d.from(),
            d.to(),
            d.code(),
            d.promulgationInfo(),
            d.documentType(),
            d.subject(),
            d.content(),
            d.signerInfo(),
            d.dueDate(),
            places,
            d.otherInfo(),
            null,
            d.steeringType(),
            d.documentId(),
            null,
            d.business(),
            d.attachments());
    places.add("Lưu: VT");
    assertThat(copy.toPlaces()).containsExactly("Như trên");
    assertThat(copy.responseFor()).isEmpty();
    assertThatThrownBy(() -> copy.toPlaces().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
    List<Organ> withNull = new java.util.ArrayList<>();
    withNull.add(null);
    assertThatThrownBy(
            () ->
                new EdXmlDocument(
                    d.from(),
                    withNull,
                    d.code(),
                    d.promulgationInfo(),
                    d.documentType(),
                    d.subject(),
                    d.content(),
                    d.signerInfo(),
                    d.dueDate(),
                    d.toPlaces(),
                    d.otherInfo(),
                    d.responseFor(),
                    d.steeringType(),
                    d.documentId(),
                    d.traceHeaders(),
                    d.business(),
                    d.attachments()))
        .hasMessage("Gói edXML không hợp lệ: thiếu phần tử To.");
  }

  @Test
  void theConventionalDocumentIdIsOrganDateAndNumber() {
    assertThat(
            EdXmlDocument.conventionalDocumentId(
                "000.00.31.H17",
                LocalDate.of(2026, 12, 2),
                new EdXmlDocument.Code("05", "QĐ-UBND")))
        .isEqualTo("000.00.31.H17,2026/12/02,05/QĐ-UBND");
  }

  @Test
  void datesAreWrittenInOneFormAndReadInTheFormsOfTheImplementations() {
    LocalDate date = LocalDate.of(2026, 1, 5);
    assertThat(EdXmlDates.formatDate(date)).isEqualTo("2026/01/05");
    for (String form :
        List.of(
            "2026/01/05",
            "2026-01-05",
            "2026/1/5",
            "05/01/2026",
            "5/1/2026",
            "05-01-2026",
            "2026/01/05 00:00:00",
            "2026-01-05T08:30:00+07:00",
            " 2026/01/05 ")) {
      assertThat(EdXmlDates.parseDate(form, "PromulgationDate")).as(form).isEqualTo(date);
    }
    for (String bad : List.of("2026/13/01", "2026/02/30", "05.01.2026", "2026/01-05", "x", "")) {
      assertThatThrownBy(() -> EdXmlDates.parseDate(bad, "PromulgationDate"))
          .as(bad)
          .isExactlyInstanceOf(EdXmlException.class)
          .hasMessageContaining("phần tử PromulgationDate phải là ngày dạng yyyy/MM/dd");
    }
  }

  @Test
  void timestampsAreVietnamTimeUnlessTheySayOtherwise() {
    Instant at = Instant.parse("2026-12-02T02:15:30Z");
    assertThat(EdXmlDates.formatTimestamp(at)).isEqualTo("2026/12/02 09:15:30");
    for (String form :
        List.of(
            "2026/12/02 09:15:30",
            "02/12/2026 09:15:30",
            "2026-12-02 09:15:30",
            "2026-12-02T09:15:30",
            "2026-12-02T09:15:30+07:00",
            "2026-12-02T09:15:30+0700",
            "2026-12-02T02:15:30Z",
            "2026-12-02T02:15:30.000Z")) {
      assertThat(EdXmlDates.parseTimestamp(form, "Timestamp")).as(form).isEqualTo(at);
    }
    assertThat(EdXmlDates.parseTimestamp("2026-12-02T09:15:30.1234567", "Timestamp"))
        .isEqualTo(Instant.parse("2026-12-02T02:15:30.1234567Z"));
    assertThat(EdXmlDates.parseTimestamp("2026/12/02", "Timestamp"))
        .isEqualTo(Instant.parse("2026-12-01T17:00:00Z"));
    assertThat(EdXmlDates.parseTimestamp("2026/12/02 09:15", "Timestamp"))
        .isEqualTo(Instant.parse("2026-12-02T02:15:00Z"));
    for (String bad : List.of("2026/12/02 24:00:00", "2026/12/02 09:15:30+25:00", "09:15:30")) {
      assertThatThrownBy(() -> EdXmlDates.parseTimestamp(bad, "Timestamp"))
          .as(bad)
          .hasMessageContaining("phần tử Timestamp phải là thời điểm dạng yyyy/MM/dd HH:mm:ss");
    }
  }

  @Test
  void aStatusWithAnEmptyStaffInfoHasNone() {
    EdXmlStatus status = EdXmlSamples.status(EdXmlStatus.StatusCode.ARRIVED);
    EdXmlStatus empty =
        new EdXmlStatus(
            status.responseFor(),
            status.from(),
            status.statusCode(),
            "  ",
            status.timestamp(),
            new EdXmlPackage.StaffInfo("", null, " ", null));
    assertThat(empty.staffInfo()).isNull();
    assertThat(empty.description()).isNull();
  }
}
