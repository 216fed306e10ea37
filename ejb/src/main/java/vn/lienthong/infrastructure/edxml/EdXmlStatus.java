package vn.lienthong.infrastructure.edxml;

import java.time.Instant;

/**
 * A status message ({@code edXMLHeader/Status}): what happened ({@code StatusCode}) to the document
 * named by {@code ResponseFor} at the organ {@code From}, when ({@code Timestamp}), with an
 * optional {@code Description} and {@code StaffInfo} ({@code null} when absent or empty).
 */
public record EdXmlStatus(
    ResponseFor responseFor,
    Organ from,
    StatusCode statusCode,
    String description,
    Instant timestamp,
    StaffInfo staffInfo)
    implements EdXmlPackage {

  public EdXmlStatus {
    responseFor = Values.required(responseFor, "ResponseFor");
    from = Values.required(from, "From");
    statusCode = Values.required(statusCode, "StatusCode");
    description = Values.optional(description, "Description");
    timestamp = Values.required(timestamp, "Timestamp");
    if (staffInfo != null && staffInfo.isEmpty()) {
      staffInfo = null;
    }
  }

  /**
   * {@code StatusCode}: 01–06 follow a document through the recipient's office; 13, 15 and 16 are
   * the recall (thu hồi) exchange: the sender asks, the recipient agrees or refuses.
   */
  public enum StatusCode {
    ARRIVED("01", "Đã đến"),
    REJECTED("02", "Từ chối tiếp nhận"),
    REGISTERED("03", "Đã tiếp nhận"),
    ASSIGNED("04", "Đã phân công"),
    IN_PROGRESS("05", "Đang xử lý"),
    DONE("06", "Hoàn thành"),
    RECALL_REQUESTED("13", "Yêu cầu thu hồi"),
    RECALL_ACCEPTED("15", "Đồng ý thu hồi"),
    RECALL_REFUSED("16", "Từ chối thu hồi");

    private final String code;
    private final String label;

    StatusCode(String code, String label) {
      this.code = code;
      this.label = label;
    }

    /** The two digits, as written. */
    public String code() {
      return code;
    }

    public String label() {
      return label;
    }

    /** The status of a code; "1" is read as "01" (some systems keep the code as a number). */
    public static StatusCode of(String code) {
      String c = Values.required(code, "StatusCode");
      if (c.length() == 1) {
        c = "0" + c;
      }
      for (StatusCode s : values()) {
        if (s.code.equals(c)) {
          return s;
        }
      }
      throw new EdXmlException(
          "phần tử StatusCode phải là 01–06, 13, 15 hoặc 16, không phải \"" + code.strip() + "\"");
    }
  }
}
