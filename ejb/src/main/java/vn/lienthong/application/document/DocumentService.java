package vn.lienthong.application.document;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.lienthong.application.audit.AuditLog;
import vn.lienthong.application.exchange.ExchangePublisher;
import vn.lienthong.application.security.Caller;
import vn.lienthong.application.signing.VerdictView;
import vn.lienthong.application.signing.VerificationService;
import vn.lienthong.application.unit.UnitDirectory;
import vn.lienthong.application.unit.UnitView;
import vn.lienthong.domain.InvalidInputException;
import vn.lienthong.domain.NotFoundException;
import vn.lienthong.domain.RuleViolationException;
import vn.lienthong.domain.content.ContentHash;
import vn.lienthong.domain.content.ContentStore;
import vn.lienthong.domain.content.Pdf;
import vn.lienthong.domain.document.Classification;
import vn.lienthong.domain.document.ClassificationStamp;
import vn.lienthong.domain.document.ClassifiedDocumentException;
import vn.lienthong.domain.document.DocumentDraft;
import vn.lienthong.domain.document.DocumentStatus;
import vn.lienthong.domain.document.OutgoingDocument;
import vn.lienthong.domain.document.OutgoingDocuments;
import vn.lienthong.domain.exchange.Envelope;
import vn.lienthong.domain.exchange.Exchange;
import vn.lienthong.domain.user.Role;

/** Drafting, issuing and sending outgoing documents; reading them back. */
@Stateless
public class DocumentService {
  private static final Logger LOG = Logger.getLogger(DocumentService.class);

  /** How much of a PDF's text the search index holds: the pages a clerk searches by. */
  public static final int SEARCH_PAGES = 30;

  public static final int SEARCH_CHARS = 100_000;

  @Inject OutgoingDocuments documents;
  @Inject ContentStore content;
  @Inject Exchange exchange;
  @Inject ExchangePublisher publisher;
  @Inject UnitDirectory directory;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject VerificationService verification;
  @Inject PdfText pageText;
  @Inject LocalCopies copies;
  @Inject vn.lienthong.application.exchange.ExchangeService exchangeService;

  /**
   * Whether the caller may bring this document in at all: checked before the file is read, so a
   * classified document is refused (and the attempt audited) without its bytes ever being stored.
   */
  public void admit(Caller caller, DocumentDraft draft) {
    caller.require("soạn văn bản", Role.OFFICER, Role.LEADER, Role.CLERK);
    if (draft.classification().isClassified()) {
      audit.refusal(caller, "DOCUMENT_REFUSED_CLASSIFIED", null, draft.classification().name());
      throw new ClassifiedDocumentException(draft.classification());
    }
  }

  /** Creates a draft from the form and the uploaded PDF. */
  public UUID create(Caller caller, DocumentDraft draft, Upload file) {
    admit(caller, draft);
    if (draft.division() != null) {
      UnitView unit = directory.byCode().get(caller.unitCode());
      if (unit == null || unit.division(draft.division()).isEmpty()) {
        throw new InvalidInputException(
            "Thông tin văn bản không hợp lệ.",
            Map.of(
                "division",
                "Đơn vị không có phòng, ban viết tắt là \""
                    + draft.division()
                    + "\" (xem danh sách đơn vị soạn thảo của đơn vị)."));
      }
    }
    Instant now = clock.instant();
    UUID id = UUID.randomUUID();
    OutgoingDocument doc =
        OutgoingDocument.draft(
            id,
            caller.unitCode(),
            caller.username(),
            draft,
            file.hash().hex(),
            file.fileName(),
            now);
    if (!content.contains(file.hash())) {
      content.put(file.file(), file.hash(), file.size(), Pdf.MEDIA_TYPE);
    }
    ClassificationStamp.find(pageText.segments(file.file())).ifPresent(doc::stampFound);
    documents.add(doc);
    UnitView organ = directory.byCode().get(caller.unitCode());
    documents.indexText(
        id,
        (organ == null ? "" : organ.name())
            + "\n"
            + pageText.searchable(file.file(), SEARCH_PAGES, SEARCH_CHARS));
    audit.record(caller, "DOCUMENT_CREATED", id.toString(), file.hash().hex(), draft.type().name());
    LOG.infof("[%s] document drafted in unit [%s]", id, caller.unitCode());
    return id;
  }

  /**
   * Sends an issued document to the recipient units (a draft or a document only the leader signed
   * is refused: the clerk issues it first). The envelope and its message are written in this
   * transaction: once this returns, the send is durable.
   */
  public SendReceipt send(Caller caller, UUID id, List<String> recipientCodes) {
    return send(caller, id, recipientCodes, false);
  }

  /**
   * As {@link #send(Caller, UUID, List)}; {@code notClassifiedConfirmed} is the sender's word that
   * a document whose first page bears a classification stamp is not classified (a stamp quoted, a
   * declassified document): without it such a document is not sent (422, audited).
   */
  public SendReceipt send(
      Caller caller, UUID id, List<String> recipientCodes, boolean notClassifiedConfirmed) {
    return send(caller, id, recipientCodes, notClassifiedConfirmed, null);
  }

  /**
   * As {@link #send(Caller, UUID, List, boolean)}; {@code replaces} names a document the unit sent
   * before that this one supersedes (edXML replace): both are linked, and the old one's recipients
   * see it replaced.
   */
  public SendReceipt send(
      Caller caller,
      UUID id,
      List<String> recipientCodes,
      boolean notClassifiedConfirmed,
      UUID replaces) {
    caller.require("gửi văn bản", Role.CLERK);
    // Locked: of two sends of the same document at once, the second waits, then finds it sent
    // (409) rather than failing on the version at commit (a 500).
    OutgoingDocument doc =
        documents
            .lock(id)
            .filter(d -> d.unitCode().equals(caller.unitCode()))
            .orElseThrow(DocumentService::notFound);
    Set<String> recipients = checkRecipients(caller, recipientCodes);
    Optional<Classification> stamp = doc.stampedClassification();
    if (stamp.isPresent() && !notClassifiedConfirmed && doc.status() == DocumentStatus.ISSUED) {
      audit.refusal(caller, "SEND_REFUSED_CLASSIFIED_STAMP", id.toString(), stamp.get().name());
      throw new RuleViolationException(
          "classified-stamp",
          "Trang đầu văn bản có dấu chỉ độ mật \""
              + stamp.get().label().toUpperCase(java.util.Locale.ROOT)
              + "\": văn bản mật không được gửi qua hệ thống. Nếu văn bản không phải văn bản mật,"
              + " hãy xác nhận khi gửi (notClassifiedConfirmed).");
    }
    Instant now = clock.instant();
    doc.markSent(now);
    if (replaces != null) {
      OutgoingDocument old =
          documents
              .lock(replaces)
              .filter(o -> o.unitCode().equals(caller.unitCode()))
              .orElseThrow(
                  () ->
                      InvalidInputException.field(
                          "replaces", "Không tìm thấy văn bản được thay thế trong đơn vị."));
      doc.replaces(old);
      exchangeService.replaced(caller, old, doc);
    }
    Envelope envelope = new Envelope(UUID.randomUUID(), doc.id(), doc.unitCode(), recipients, now);
    exchange.add(envelope);
    publisher.publish(envelope, doc.fileSha256(), doc.urgency(), 1);
    if (stamp.isPresent()) {
      audit.record(
          caller,
          "CLASSIFIED_STAMP_CONFIRMED_NOT_CLASSIFIED",
          id.toString(),
          doc.fileSha256(),
          stamp.get().name());
    }
    audit.record(
        caller, "DOCUMENT_SENT", id.toString(), doc.fileSha256(), String.join(",", recipients));
    LOG.infof("[%s] sent in envelope [%s] to %d units", id, envelope.id(), recipients.size());
    return new SendReceipt(
        doc.id(), envelope.id(), doc.notation().orElseThrow(), List.copyOf(recipients));
  }

  /** The document, for its sender unit or a unit that received it; 404 for anyone else. */
  public DocumentView view(Caller caller, UUID id) {
    return DocumentView.of(visibleDocument(caller, id));
  }

  /**
   * The caller's unit's outgoing register for a year (sổ đăng ký văn bản đi, Decree 30 art. 16):
   * its issued documents by number, a page after {@code afterNumber}.
   */
  public List<DocumentView> register(Caller caller, int year, int afterNumber, int limit) {
    return documents.register(caller.unitCode(), year, afterNumber, limit).stream()
        .map(DocumentView::of)
        .toList();
  }

  /**
   * The document with the verdict on every signature of its current PDF (cached by hash; a verifier
   * that cannot run leaves the verdict out rather than failing the view).
   */
  public DocumentView viewWithSignatures(Caller caller, UUID id) {
    OutgoingDocument doc = visibleDocument(caller, id);
    VerdictView verdict = null;
    try {
      verdict = verification.verifyStored(doc.fileSha256());
    } catch (RuntimeException e) {
      LOG.warnf("[%s] signatures not verified for the view: %s", id, e.getMessage());
    }
    return DocumentView.of(doc, verdict);
  }

  /** Streams the document's PDF to a caller who may see it. */
  /**
   * The document's current PDF as a local file, for the caller to stream: the database connection
   * is held only while a missing copy is made, never for as long as a slow reader takes.
   */
  public Path localFile(Caller caller, UUID id) {
    OutgoingDocument doc = visibleDocument(caller, id);
    return copies.of(new ContentHash(doc.fileSha256()));
  }

  OutgoingDocument ownDocument(Caller caller, UUID id) {
    return documents
        .find(id)
        .filter(d -> d.unitCode().equals(caller.unitCode()))
        .orElseThrow(DocumentService::notFound);
  }

  private OutgoingDocument visibleDocument(Caller caller, UUID id) {
    return documents
        .find(id)
        .filter(
            d ->
                d.unitCode().equals(caller.unitCode())
                    || exchange.isRecipient(d.id(), caller.unitCode()))
        .orElseThrow(DocumentService::notFound);
  }

  static NotFoundException notFound() {
    return new NotFoundException("Không tìm thấy văn bản.");
  }

  private Set<String> checkRecipients(Caller caller, List<String> codes) {
    if (codes == null || codes.isEmpty()) {
      throw InvalidInputException.field("recipients", "Chưa chọn đơn vị nhận.");
    }
    Map<String, UnitView> units = directory.byCode();
    Set<String> recipients = new LinkedHashSet<>();
    List<String> unknown = new ArrayList<>();
    for (String code : codes) {
      if (code == null || code.isBlank()) {
        throw InvalidInputException.field("recipients", "Mã đơn vị nhận không được để trống.");
      }
      String c = code.strip();
      if (!units.containsKey(c)) {
        unknown.add(c);
      }
      recipients.add(c);
    }
    if (!unknown.isEmpty()) {
      throw new RuleViolationException(
          "unknown-recipient",
          "Không có đơn vị nhận với mã định danh: " + String.join(", ", unknown) + ".");
    }
    if (recipients.contains(caller.unitCode())) {
      throw new RuleViolationException(
          "self-recipient", "Không gửi văn bản cho chính đơn vị ban hành.");
    }
    return recipients;
  }
}
