package vn.lienthong.domain.document;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import vn.lienthong.domain.IllegalTransitionException;

/** Văn bản đi — a document drafted in a unit, issued with a register number and sent. */
@Entity
@Table(name = "outgoing_document")
public class OutgoingDocument {
  @Id
  @Column(name = "id")
  private UUID id;

  @Column(name = "unit_code", nullable = false)
  private String unitCode;

  @Column(name = "created_by", nullable = false)
  private String createdBy;

  @Enumerated(EnumType.STRING)
  @Column(name = "type", nullable = false)
  private DocumentType type;

  @Column(name = "abstract", nullable = false)
  private String abstractText;

  @Enumerated(EnumType.STRING)
  @Column(name = "urgency", nullable = false)
  private Urgency urgency;

  @Enumerated(EnumType.STRING)
  @Column(name = "classification", nullable = false)
  private Classification classification;

  @Column(name = "due_date")
  private LocalDate dueDate;

  /** A classification stamp found on the draft's first page, though none was declared. */
  @Enumerated(EnumType.STRING)
  @Column(name = "stamped_classification")
  private Classification stampedClassification;

  /** The phòng, ban that drafted it, whose abbreviation a công văn's notation carries. */
  @Column(name = "drafting_division")
  private String draftingDivision;

  @Column(name = "file_sha256", nullable = false)
  private String fileSha256;

  @Column(name = "file_name", nullable = false)
  private String fileName;

  @Enumerated(EnumType.STRING)
  @Column(name = "status", nullable = false)
  private DocumentStatus status;

  @Column(name = "register_year")
  private Integer registerYear;

  @Column(name = "register_number")
  private Integer registerNumber;

  @Column(name = "notation")
  private String notation;

  @Column(name = "issued_by")
  private String issuedBy;

  @Column(name = "issued_at")
  private Instant issuedAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  @Column(name = "signed_by")
  private String signedBy;

  @Column(name = "signed_at")
  private Instant signedAt;

  @Column(name = "signature_box")
  private String signatureBox;

  @Column(name = "draft_sha256")
  private String draftSha256;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "replaces")
  private UUID replaces;

  @Column(name = "replaced_by")
  private UUID replacedBy;

  @Version
  @Column(name = "version")
  private long version;

  protected OutgoingDocument() {}

  /**
   * A new draft. A classified document is refused here, whatever door it came through: the system
   * never holds one.
   */
  public static OutgoingDocument draft(
      UUID id,
      String unitCode,
      String author,
      DocumentDraft draft,
      String fileSha256,
      String fileName,
      Instant now) {
    if (draft.classification().isClassified()) {
      throw new ClassifiedDocumentException(draft.classification());
    }
    OutgoingDocument d = new OutgoingDocument();
    d.id = id;
    d.unitCode = unitCode;
    d.createdBy = author;
    d.type = draft.type();
    d.abstractText = draft.abstractText();
    d.urgency = draft.urgency();
    d.classification = draft.classification();
    d.dueDate = draft.dueDate();
    d.draftingDivision = draft.division();
    d.fileSha256 = fileSha256;
    d.fileName = fileName;
    d.status = DocumentStatus.DRAFT;
    d.createdAt = now;
    return d;
  }

  /**
   * A document another system sent in an edXML package, as the issuing organ issued it: its
   * notation, the year of its date and its date, already sent. It has no number of this server's
   * registers (the organ's register is elsewhere), so importing it twice makes a second row that
   * the exchange recognises as a duplicate by notation.
   */
  public static OutgoingDocument received(
      UUID id,
      String organCode,
      String clerk,
      DocumentDraft draft,
      String notation,
      Instant issuedAt,
      int year,
      String fileSha256,
      String fileName,
      Instant now) {
    OutgoingDocument d = draft(id, organCode, clerk, draft, fileSha256, fileName, now);
    d.notation = notation;
    d.registerYear = year;
    d.issuedAt = issuedAt;
    d.sentAt = now;
    d.status = DocumentStatus.SENT;
    return d;
  }

  /** A leader's signature may be prepared on a draft only: a signed document is not re-signed. */
  public void requireSignable() {
    if (status == DocumentStatus.SIGNED) {
      throw new IllegalTransitionException("Văn bản đã có chữ ký của lãnh đạo.");
    }
    if (status != DocumentStatus.DRAFT) {
      throw new IllegalTransitionException(
          "Văn bản đã được ban hành, không thể thay đổi hay ký lại.");
    }
  }

  /**
   * The leader signed (ký phê duyệt): the document's bytes are now the signed PDF. The draft's
   * bytes stay in the content store, referenced here.
   */
  public void leaderSigned(String signedSha256, String leader, String box, Instant now) {
    requireSignable();
    this.draftSha256 = fileSha256;
    this.fileSha256 = signedSha256;
    this.signedBy = leader;
    this.signatureBox = box;
    this.signedAt = now;
    this.status = DocumentStatus.SIGNED;
  }

  /** Issuance needs the leader's signature first (Decree 30, art. 15: numbered once signed). */
  public void requireIssuable() {
    if (status == DocumentStatus.DRAFT) {
      throw new IllegalTransitionException(
          "Văn bản chưa có chữ ký hợp lệ của lãnh đạo, chưa thể ban hành.");
    }
    if (status != DocumentStatus.SIGNED) {
      throw new IllegalTransitionException("Văn bản đã được ban hành, không thể cấp số lần nữa.");
    }
  }

  /**
   * Văn thư issues the document: its number and notation from the register, the date, and the
   * unit's seal signature, whose PDF replaces the leader-signed one.
   */
  public void issue(
      RegisterNumber number, String organ, String clerk, Instant now, String sealedSha256) {
    requireIssuable();
    this.registerYear = number.year();
    this.registerNumber = number.number();
    this.notation = notationFor(number, organ);
    this.issuedBy = clerk;
    this.issuedAt = now;
    this.fileSha256 = sealedSha256;
    this.status = DocumentStatus.ISSUED;
  }

  /**
   * Page 1 of the draft bears this classification stamp: the send waits for the sender to confirm
   * the document is not classified (a classified document never enters the system).
   */
  public void stampFound(Classification stamp) {
    this.stampedClassification = stamp;
  }

  public Optional<Classification> stampedClassification() {
    return Optional.ofNullable(stampedClassification);
  }

  /** The notation this document gets with {@code number} of the register of {@code organ}. */
  public String notationFor(RegisterNumber number, String organ) {
    return Notation.of(number.number(), type, organ, draftingDivision);
  }

  public Optional<String> draftingDivision() {
    return Optional.ofNullable(draftingDivision);
  }

  /** Hands the issued document to the exchange. A document is sent once. */
  public void markSent(Instant now) {
    if (status == DocumentStatus.SENT) {
      throw new IllegalTransitionException("Văn bản đã được gửi.");
    }
    if (status != DocumentStatus.ISSUED) {
      throw new IllegalTransitionException(
          "Văn bản chưa được ban hành (chưa có chữ ký của lãnh đạo, số, ký hiệu và chữ ký số của"
              + " cơ quan): văn thư ban hành văn bản trước khi gửi.");
    }
    this.status = DocumentStatus.SENT;
    this.sentAt = now;
  }

  /**
   * This document, being sent, supersedes {@code old} (edXML replace): a sent document of the same
   * unit that nothing has replaced yet.
   */
  public void replaces(OutgoingDocument old) {
    if (!old.unitCode.equals(unitCode) || old.status != DocumentStatus.SENT) {
      throw new IllegalTransitionException("Chỉ thay thế được một văn bản đơn vị đã gửi.");
    }
    if (old.replacedBy != null) {
      throw new IllegalTransitionException("Văn bản đó đã được thay thế bằng một văn bản khác.");
    }
    if (old.id.equals(id)) {
      throw new IllegalTransitionException("Văn bản không thay thế chính nó.");
    }
    this.replaces = old.id;
    old.replacedBy = id;
  }

  public Optional<UUID> replaces() {
    return Optional.ofNullable(replaces);
  }

  public Optional<UUID> replacedBy() {
    return Optional.ofNullable(replacedBy);
  }

  /**
   * The sender corrects what the register says of a sent document (edXML update): its abstract,
   * urgency and due date. The signed file does not change. Returns what changed, for the record.
   */
  public String update(String newAbstract, Urgency newUrgency, LocalDate newDueDate) {
    if (status != DocumentStatus.SENT) {
      throw new IllegalTransitionException("Chỉ cập nhật thông tin của văn bản đã gửi.");
    }
    StringBuilder changed = new StringBuilder();
    if (newAbstract != null && !newAbstract.equals(abstractText)) {
      changed
          .append("trích yếu: ")
          .append(abstractText)
          .append(" → ")
          .append(newAbstract)
          .append("; ");
      abstractText = newAbstract;
    }
    if (newUrgency != null && newUrgency != urgency) {
      changed
          .append("độ khẩn: ")
          .append(urgency.label())
          .append(" → ")
          .append(newUrgency.label())
          .append("; ");
      urgency = newUrgency;
    }
    if (newDueDate != null && !newDueDate.equals(dueDate)) {
      changed.append("hạn trả lời: ").append(dueDate).append(" → ").append(newDueDate).append("; ");
      dueDate = newDueDate;
    }
    return changed.isEmpty() ? "" : changed.substring(0, changed.length() - 2);
  }

  public UUID id() {
    return id;
  }

  public String unitCode() {
    return unitCode;
  }

  public String createdBy() {
    return createdBy;
  }

  public DocumentType type() {
    return type;
  }

  public String abstractText() {
    return abstractText;
  }

  public Urgency urgency() {
    return urgency;
  }

  public Classification classification() {
    return classification;
  }

  public Optional<LocalDate> dueDate() {
    return Optional.ofNullable(dueDate);
  }

  public String fileSha256() {
    return fileSha256;
  }

  public String fileName() {
    return fileName;
  }

  public DocumentStatus status() {
    return status;
  }

  public Optional<String> notation() {
    return Optional.ofNullable(notation);
  }

  public Optional<Instant> issuedAt() {
    return Optional.ofNullable(issuedAt);
  }

  public Optional<Instant> sentAt() {
    return Optional.ofNullable(sentAt);
  }

  public Optional<String> signedBy() {
    return Optional.ofNullable(signedBy);
  }

  public Optional<Instant> signedAt() {
    return Optional.ofNullable(signedAt);
  }

  /** Where the leader's signature box is, "page x y width height" in points from the top left. */
  public Optional<String> signatureBox() {
    return Optional.ofNullable(signatureBox);
  }

  public Optional<Integer> registerYear() {
    return Optional.ofNullable(registerYear);
  }

  public Optional<Integer> registerNumber() {
    return Optional.ofNullable(registerNumber);
  }

  public Instant createdAt() {
    return createdAt;
  }
}
