package vn.lienthong.infrastructure.edxml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A document package: the {@code MessageHeader} of QCVN 102:2016, the hops of its {@code
 * TraceHeaderList} and its attachments. The element each component stands for is named in its
 * type's documentation; the reader and the writer use these names.
 *
 * <p>Required: {@code from}, at least one {@code to}, {@code code}, {@code promulgationInfo},
 * {@code documentType}, {@code subject}, {@code signerInfo}, {@code otherInfo}, {@code
 * steeringType}, {@code documentId}. Optional: {@code content}, {@code dueDate} and {@code
 * business} ({@code null} when absent); the lists may be empty.
 *
 * @param from {@code From}, the sending organ
 * @param to {@code To}, the receiving organs, in order
 * @param subject {@code Subject}, the trích yếu
 * @param content {@code Content}, the summary of the content
 * @param dueDate {@code DueDate}, hạn xử lý
 * @param toPlaces {@code ToPlaces/Place}, the "nơi nhận" lines as written on the document
 * @param responseFor {@code ResponseFor}, the documents this one answers
 * @param documentId {@code DocumentId}, the sender's identifier of the document (by convention
 *     {@link #conventionalDocumentId})
 * @param traceHeaders {@code TraceHeaderList/TraceHeader}, the organs it passed, in order
 * @param business {@code TraceHeaderList/Bussiness}, what the package does to the document
 * @param attachments {@code AttachmentEncoded/Attachment}, in order; each file is read by the
 *     writer, and is a temporary file of the reader's that the caller moves or deletes ({@link
 *     #deleteAttachmentFiles})
 */
public record EdXmlDocument(
    Organ from,
    List<Organ> to,
    Code code,
    PromulgationInfo promulgationInfo,
    DocumentType documentType,
    String subject,
    String content,
    SignerInfo signerInfo,
    LocalDate dueDate,
    List<String> toPlaces,
    OtherInfo otherInfo,
    List<ResponseFor> responseFor,
    SteeringType steeringType,
    String documentId,
    List<TraceHeader> traceHeaders,
    Business business,
    List<Attachment> attachments)
    implements EdXmlPackage {

  public EdXmlDocument {
    from = Values.required(from, "From");
    to = Values.list(to, "To");
    if (to.isEmpty()) {
      throw EdXmlException.missing("To");
    }
    code = Values.required(code, "Code");
    promulgationInfo = Values.required(promulgationInfo, "PromulgationInfo");
    documentType = Values.required(documentType, "DocumentType");
    subject = Values.required(subject, "Subject");
    content = Values.optional(content, "Content");
    signerInfo = Values.required(signerInfo, "SignerInfo");
    toPlaces = Values.texts(toPlaces, "Place");
    otherInfo = Values.required(otherInfo, "OtherInfo");
    responseFor = Values.list(responseFor, "ResponseFor");
    steeringType = Values.required(steeringType, "SteeringType");
    documentId = Values.required(documentId, "DocumentId");
    traceHeaders = Values.list(traceHeaders, "TraceHeader");
    attachments = Values.list(attachments, "Attachment");
    Set<String> ids = new HashSet<>();
    for (Attachment a : attachments) {
      if (!ids.add(a.contentId())) {
        throw new EdXmlException("ContentId " + a.contentId() + " của tệp đính kèm bị trùng");
      }
    }
  }

  /**
   * The {@code DocumentId} the implementations write: the sender's organ code, the promulgation
   * date and the number/notation, comma-separated ({@code 000.00.31.H17,2026/12/02,05/QĐ-UBND}).
   */
  public static String conventionalDocumentId(
      String organId, LocalDate promulgationDate, Code code) {
    return Values.required(organId, "OrganId")
        + ","
        + EdXmlDates.formatDate(Values.required(promulgationDate, "PromulgationDate"))
        + ","
        + Values.required(code, "Code").text();
  }

  /**
   * Deletes the attachments' files (those of a package read into temporary files), each of them
   * even when one fails; the first failure is thrown, the others suppressed in it.
   */
  public void deleteAttachmentFiles() throws IOException {
    IOException failure = null;
    for (Attachment a : attachments) {
      try {
        Files.deleteIfExists(a.file());
      } catch (IOException e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
  }

  /**
   * {@code Code}: the number ({@code CodeNumber}, "05") and the notation ({@code CodeNotation}).
   */
  public record Code(String codeNumber, String codeNotation) {
    public Code {
      codeNumber = Values.required(codeNumber, "CodeNumber");
      codeNotation = Values.required(codeNotation, "CodeNotation");
    }

    /** "05/QĐ-UBND", as {@code ResponseFor/Code} writes it. */
    public String text() {
      return codeNumber + "/" + codeNotation;
    }
  }

  /** {@code PromulgationInfo}: where ({@code Place}) and when ({@code PromulgationDate}). */
  public record PromulgationInfo(String place, LocalDate promulgationDate) {
    public PromulgationInfo {
      place = Values.required(place, "Place");
      promulgationDate = Values.required(promulgationDate, "PromulgationDate");
    }
  }

  /**
   * {@code DocumentType}: the code of the type in the receiving systems' catalogue ({@code Type}, a
   * number) and its name ({@code TypeName}, "Quyết định").
   */
  public record DocumentType(int type, String typeName) {
    public DocumentType {
      if (type < 0) {
        throw new EdXmlException("phần tử Type phải là số không âm, không phải " + type);
      }
      typeName = Values.required(typeName, "TypeName");
    }
  }

  /**
   * {@code SignerInfo}: the signer's authority ({@code Competence}: "TM.", "KT.", …), position
   * ({@code Position}) and full name ({@code FullName}, required).
   */
  public record SignerInfo(String competence, String position, String fullName) {
    public SignerInfo {
      competence = Values.optional(competence, "Competence");
      position = Values.optional(position, "Position");
      fullName = Values.required(fullName, "FullName");
    }
  }

  /**
   * {@code OtherInfo}: the priority ({@code Priority}, required) and what the implementations add
   * after it: {@code SphereOfPromulgation} (phạm vi lưu hành), {@code TyperNotation} (the typist's
   * initials), {@code PromulgationAmount} (copies issued), {@code PageAmount} (pages) and {@code
   * Appendixes/Appendix} (the appendices' titles), each optional.
   */
  public record OtherInfo(
      Priority priority,
      String sphereOfPromulgation,
      String typerNotation,
      Integer promulgationAmount,
      Integer pageAmount,
      List<String> appendixes) {

    public OtherInfo {
      priority = Values.required(priority, "Priority");
      sphereOfPromulgation = Values.optional(sphereOfPromulgation, "SphereOfPromulgation");
      typerNotation = Values.optional(typerNotation, "TyperNotation");
      if (promulgationAmount != null) {
        Values.range(promulgationAmount, 0, Integer.MAX_VALUE, "PromulgationAmount");
      }
      if (pageAmount != null) {
        Values.range(pageAmount, 0, Integer.MAX_VALUE, "PageAmount");
      }
      appendixes = Values.texts(appendixes, "Appendix");
    }

    public OtherInfo(Priority priority) {
      this(priority, null, null, null, null, List.of());
    }
  }

  /**
   * {@code OtherInfo/Priority}, độ khẩn: 0 thường, 1 khẩn, 2 thượng khẩn, 3 hỏa tốc, 4 hỏa tốc hẹn
   * giờ, as the implementations offer them. Decree 30 keeps the first four, the domain's {@code
   * Urgency}: {@code NORMAL} is 0, {@code URGENT} 1, {@code VERY_URGENT} 2 and {@code FLASH} 3, the
   * same names here; a package read with 4 is a hỏa tốc document with a set time ({@code FLASH}).
   */
  public enum Priority {
    NORMAL(0, "Thường"),
    URGENT(1, "Khẩn"),
    VERY_URGENT(2, "Thượng khẩn"),
    FLASH(3, "Hỏa tốc"),
    FLASH_TIMED(4, "Hỏa tốc hẹn giờ");

    private final int code;
    private final String label;

    Priority(int code, String label) {
      this.code = code;
      this.label = label;
    }

    public int code() {
      return code;
    }

    public String label() {
      return label;
    }

    /** The priority of a code, 0 to 4. */
    public static Priority of(int code) {
      for (Priority p : values()) {
        if (p.code == code) {
          return p;
        }
      }
      throw new EdXmlException("phần tử Priority phải từ 0 đến 4, không phải " + code);
    }
  }

  /**
   * {@code SteeringType}: 0 not a steering document, 1 a steering document (văn bản chỉ đạo), 2 a
   * report on carrying one out.
   */
  public enum SteeringType {
    NONE(0, "Không phải văn bản chỉ đạo"),
    STEERING(1, "Văn bản chỉ đạo"),
    STEERING_REPORT(2, "Báo cáo chỉ đạo");

    private final int code;
    private final String label;

    SteeringType(int code, String label) {
      this.code = code;
      this.label = label;
    }

    public int code() {
      return code;
    }

    public String label() {
      return label;
    }

    /** The steering type of a code, 0 to 2. */
    public static SteeringType of(int code) {
      for (SteeringType s : values()) {
        if (s.code == code) {
          return s;
        }
      }
      throw new EdXmlException("phần tử SteeringType phải từ 0 đến 2, không phải " + code);
    }
  }

  /**
   * {@code TraceHeader}: an organ the package passed ({@code OrganId}) and when ({@code
   * Timestamp}).
   */
  public record TraceHeader(String organId, Instant timestamp) {
    public TraceHeader {
      organId = Values.required(organId, "OrganId");
      timestamp = Values.required(timestamp, "Timestamp");
    }
  }

  /**
   * {@code TraceHeaderList/Bussiness} (the standard's spelling; {@code Business} is read too): what
   * the package does ({@code BussinessDocType}), why ({@code BussinessDocReason}, optional) and
   * whether a paper copy follows ({@code Paper}, 0 or 1).
   */
  public record Business(BusinessDocType docType, String docReason, boolean paper) {
    public Business {
      docType = Values.required(docType, "BussinessDocType");
      docReason = Values.optional(docReason, "BussinessDocReason");
    }
  }

  /** {@code BussinessDocType}: 0 a new document, 1 a recall, 2 an update, 3 a replacement. */
  public enum BusinessDocType {
    NEW(0, "Văn bản mới"),
    REVOKE(1, "Thu hồi"),
    UPDATE(2, "Cập nhật"),
    REPLACE(3, "Thay thế");

    private final int code;
    private final String label;

    BusinessDocType(int code, String label) {
      this.code = code;
      this.label = label;
    }

    public int code() {
      return code;
    }

    public String label() {
      return label;
    }

    /** The business type of a code, 0 to 3. */
    public static BusinessDocType of(int code) {
      for (BusinessDocType t : values()) {
        if (t.code == code) {
          return t;
        }
      }
      throw new EdXmlException("phần tử BussinessDocType phải từ 0 đến 3, không phải " + code);
    }
  }

  /**
   * An attachment: {@code ContentId} (without the {@code cid:} the manifest puts before it; given
   * with it, it is taken off), {@code AttachmentName}, {@code ContentType}, {@code Description}
   * (optional) and the file that holds its bytes.
   */
  public record Attachment(
      String contentId, String name, String contentType, String description, Path file) {
    public Attachment {
      contentId = contentId(contentId);
      name = Values.required(name, "AttachmentName");
      contentType = Values.required(contentType, "ContentType");
      description = Values.optional(description, "Description");
      file = Values.required(file, "ContentTransferEncoded");
    }

    /** The ContentId without {@code cid:}, as the attachment writes it. */
    static String contentId(String value) {
      String id = Values.required(value, "ContentId");
      if (id.regionMatches(true, 0, "cid:", 0, 4)) {
        id = Values.required(id.substring(4), "ContentId");
      }
      return id;
    }
  }
}
