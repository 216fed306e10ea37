package vn.lienthong.domain.document;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.lienthong.domain.InvalidInputException;

/**
 * What an official fills in for a new outgoing document, already parsed. The checks are those of
 * the form; the classified-document refusal belongs to {@link OutgoingDocument}.
 */
public record DocumentDraft(
    DocumentType type,
    String abstractText,
    Urgency urgency,
    Classification classification,
    LocalDate dueDate,
    String division) {

  public static final int MAX_ABSTRACT = 2000;

  /** Without a drafting division (the unit drafts in its own name). */
  public DocumentDraft(
      DocumentType type,
      String abstractText,
      Urgency urgency,
      Classification classification,
      LocalDate dueDate) {
    this(type, abstractText, urgency, classification, dueDate, null);
  }

  /**
   * Builds a draft from raw field values, collecting every failing field so the user corrects all
   * of them at once. Urgency and classification default to the ordinary; the drafting division (the
   * abbreviation of the phòng, ban, for a công văn's notation) is optional, and whether the unit
   * has it is the directory's to say.
   */
  public static DocumentDraft parse(
      String type,
      String abstractText,
      String urgency,
      String classification,
      String dueDate,
      String division,
      LocalDate today) {
    Map<String, String> errors = new LinkedHashMap<>();
    DocumentType t = null;
    if (type == null || type.isBlank()) {
      errors.put("type", "Chưa chọn loại văn bản.");
    } else {
      t = DocumentType.parse(type).orElse(null);
      if (t == null) {
        errors.put(
            "type", "Loại văn bản \"" + type + "\" không có trong danh mục của Nghị định 30.");
      }
    }
    String abs = abstractText == null ? "" : abstractText.strip();
    if (abs.isEmpty()) {
      errors.put("abstract", "Chưa nhập trích yếu.");
    } else if (abs.length() > MAX_ABSTRACT) {
      errors.put("abstract", "Trích yếu dài quá " + MAX_ABSTRACT + " ký tự.");
    }
    Urgency u = Urgency.NORMAL;
    if (urgency != null && !urgency.isBlank()) {
      u = Urgency.parse(urgency).orElse(null);
      if (u == null) {
        errors.put("urgency", "Mức độ khẩn phải là thường, khẩn, thượng khẩn hoặc hỏa tốc.");
      }
    }
    Classification c = Classification.NORMAL;
    if (classification != null && !classification.isBlank()) {
      c = Classification.parse(classification).orElse(null);
      if (c == null) {
        errors.put(
            "classification",
            "Độ mật phải là NORMAL, CONFIDENTIAL, SECRET hoặc TOP_SECRET (thường, mật, tối mật, tuyệt"
                + " mật).");
      }
    }
    LocalDate due = null;
    if (dueDate != null && !dueDate.isBlank()) {
      try {
        due = LocalDate.parse(dueDate.strip());
        if (due.isBefore(today)) {
          errors.put("dueDate", "Hạn xử lý không được trước ngày hôm nay.");
        }
      } catch (java.time.DateTimeException e) {
        errors.put("dueDate", "Hạn xử lý phải có dạng YYYY-MM-DD.");
      }
    }
    String div = division == null || division.isBlank() ? null : division.strip();
    if (div != null && (div.length() > 16 || !div.matches("[\\p{Lu}\\d]+"))) {
      errors.put(
          "division",
          "Đơn vị soạn thảo ghi bằng chữ viết tắt in hoa của phòng, ban (ví dụ VP), tối đa 16 ký"
              + " tự.");
    }
    if (!errors.isEmpty()) {
      throw new InvalidInputException("Thông tin văn bản không hợp lệ.", errors);
    }
    return new DocumentDraft(t, abs, u, c, due, div);
  }
}
