package vn.lienthong.infrastructure.edxml;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.lienthong.application.Settings;
import vn.lienthong.application.audit.AuditLog;
import vn.lienthong.application.document.DocumentService;
import vn.lienthong.application.document.PdfText;
import vn.lienthong.application.document.Upload;
import vn.lienthong.application.document.Uploads;
import vn.lienthong.application.exchange.ExchangeService;
import vn.lienthong.application.exchange.InboxEntry;
import vn.lienthong.application.exchange.IncomingService;
import vn.lienthong.application.security.Caller;
import vn.lienthong.application.unit.UnitDirectory;
import vn.lienthong.application.unit.UnitView;
import vn.lienthong.domain.IllegalTransitionException;
import vn.lienthong.domain.InvalidInputException;
import vn.lienthong.domain.NotFoundException;
import vn.lienthong.domain.RuleViolationException;
import vn.lienthong.domain.content.ContentStore;
import vn.lienthong.domain.content.Pdf;
import vn.lienthong.domain.document.Classification;
import vn.lienthong.domain.document.ClassificationStamp;
import vn.lienthong.domain.document.DocumentDraft;
import vn.lienthong.domain.document.OutgoingDocument;
import vn.lienthong.domain.document.OutgoingDocuments;
import vn.lienthong.domain.document.Urgency;
import vn.lienthong.domain.exchange.Delivery;
import vn.lienthong.domain.exchange.DeliveryEvent;
import vn.lienthong.domain.exchange.DeliveryStatus;
import vn.lienthong.domain.exchange.Envelope;
import vn.lienthong.domain.exchange.Exchange;
import vn.lienthong.domain.user.Role;

/**
 * The exchange's edXML door (QCVN 102:2016/BTTTT), for systems outside this server: a document goes
 * out as a package and comes in as one, into a unit's inbox like any arrival (signatures checked, a
 * second arrival of the same notation from the same organ marked as a duplicate); a status message
 * goes out for a delivery and comes in for a document the unit sent. The mapping between the domain
 * and the standard's elements is all here.
 */
@Stateless
public class EdXmlExchange {
  private static final Logger LOG = Logger.getLogger(EdXmlExchange.class);

  @Inject OutgoingDocuments documents;
  @Inject Exchange exchange;
  @Inject ExchangeService exchangeService;
  @Inject IncomingService incoming;
  @Inject DocumentService documentService;
  @Inject UnitDirectory directory;
  @Inject Uploads uploads;
  @Inject ContentStore content;
  @Inject PdfText pdfText;
  @Inject AuditLog audit;
  @Inject Clock clock;
  @Inject vn.lienthong.domain.user.Users users;

  /**
   * The package of an issued document, for its sender unit or a unit that received it. Its one
   * attachment is the signed PDF, read by the writer from the local copy.
   */
  public EdXmlDocument export(Caller caller, UUID id) {
    documentService.view(caller, id); // 404 for a unit that may not see it
    OutgoingDocument doc = documents.find(id).orElseThrow();
    if (doc.notation().isEmpty() || doc.issuedAt().isEmpty()) {
      throw new IllegalTransitionException("Văn bản chưa được ban hành, chưa có số, ký hiệu.");
    }
    Map<String, UnitView> units = directory.byCode();
    List<EdXmlPackage.Organ> to =
        exchange.deliveriesOf(id).stream()
            .map(d -> organ(d.recipientCode(), units))
            .sorted(java.util.Comparator.comparing(EdXmlPackage.Organ::organId))
            .toList();
    if (to.isEmpty()) {
      throw new IllegalTransitionException("Văn bản chưa gửi đến đơn vị nào.");
    }
    Path file = documentService.localFile(caller, id);
    UnitView sender = units.get(doc.unitCode());
    LocalDate date = doc.issuedAt().get().atZone(Settings.VIETNAM).toLocalDate();
    EdXmlDocument.Code code = code(doc.notation().get());
    String signer =
        doc.signedBy().flatMap(u -> fullName(u)).orElse(sender == null ? "" : sender.name());
    return new EdXmlDocument(
        organ(doc.unitCode(), units),
        to,
        code,
        new EdXmlDocument.PromulgationInfo(sender == null ? null : sender.shortName(), date),
        new EdXmlDocument.DocumentType(doc.type().ordinal() + 1, doc.type().label()),
        doc.abstractText(),
        null,
        new EdXmlDocument.SignerInfo(null, null, signer.isBlank() ? doc.unitCode() : signer),
        doc.dueDate().orElse(null),
        to.stream().map(EdXmlPackage.Organ::organName).toList(),
        new EdXmlDocument.OtherInfo(EdXmlDocument.Priority.valueOf(doc.urgency().name())),
        List.of(),
        EdXmlDocument.SteeringType.NONE,
        EdXmlDocument.conventionalDocumentId(doc.unitCode(), date, code),
        List.of(
            new EdXmlDocument.TraceHeader(
                doc.unitCode(), doc.sentAt().orElse(doc.issuedAt().get()))),
        new EdXmlDocument.Business(
            doc.replaces().isPresent()
                ? EdXmlDocument.BusinessDocType.REPLACE
                : EdXmlDocument.BusinessDocType.NEW,
            null,
            false),
        List.of(
            new EdXmlDocument.Attachment(
                "1", doc.fileName(), Pdf.MEDIA_TYPE, doc.abstractText(), file)));
  }

  /**
   * A document package another system sent to the caller's unit: it lands in the unit's inbox (01)
   * as a native arrival does. The package must name the unit among its recipients and come from an
   * organ of the directory; its first PDF attachment is the document.
   */
  public InboxEntry accept(Caller caller, EdXmlDocument p) {
    caller.require("nhận gói edXML", Role.CLERK);
    if (p.to().stream().noneMatch(o -> o.organId().equals(caller.unitCode()))) {
      throw new RuleViolationException(
          "not-addressed", "Gói edXML không gửi đến đơn vị của bạn (" + caller.unitCode() + ").");
    }
    String sender = p.from().organId();
    if (!directory.byCode().containsKey(sender) || sender.equals(caller.unitCode())) {
      throw new RuleViolationException(
          "unknown-sender",
          "Cơ quan gửi " + sender + " không có trong danh bạ đơn vị (hoặc là chính đơn vị nhận).");
    }
    EdXmlDocument.Attachment main =
        p.attachments().stream()
            .filter(
                a ->
                    a.contentType().equalsIgnoreCase(Pdf.MEDIA_TYPE)
                        || a.name().toLowerCase(java.util.Locale.ROOT).endsWith(".pdf"))
            .findFirst()
            .orElseThrow(
                () ->
                    new RuleViolationException(
                        "no-document", "Gói edXML không có tệp PDF của văn bản."));
    DocumentDraft draft =
        DocumentDraft.parse(
            p.documentType().typeName(),
            p.subject(),
            urgency(p.otherInfo().priority()).name(),
            Classification.NORMAL.name(),
            p.dueDate() == null ? null : p.dueDate().toString(),
            null,
            // a due date before the document's own date is refused, not one already past
            p.promulgationInfo().promulgationDate());
    Instant now = clock.instant();
    LocalDate date = p.promulgationInfo().promulgationDate();
    try (InputStream in = Files.newInputStream(main.file());
        Upload file = uploads.receivePdf(in, main.name())) {
      // classified documents never enter, whatever door they come through
      var stamp = ClassificationStamp.find(pdfText.segments(file.file()));
      if (stamp.isPresent()) {
        audit.refusal(caller, "EDXML_REFUSED_CLASSIFIED_STAMP", p.documentId(), stamp.get().name());
        throw new RuleViolationException(
            "classified-stamp",
            "Trang đầu văn bản trong gói edXML có dấu chỉ độ mật: văn bản mật không được nhận qua"
                + " hệ thống.");
      }
      if (!content.contains(file.hash())) {
        content.put(file.file(), file.hash(), file.size(), Pdf.MEDIA_TYPE);
      }
      UUID id = UUID.randomUUID();
      OutgoingDocument doc =
          OutgoingDocument.received(
              id,
              sender,
              caller.username(),
              draft,
              p.code().text(),
              date.atStartOfDay(Settings.VIETNAM).toInstant(),
              date.getYear(),
              file.hash().hex(),
              file.fileName(),
              now);
      documents.add(doc);
      documents.indexText(
          id,
          p.from().organName()
              + "\n"
              + pdfText.searchable(
                  file.file(), DocumentService.SEARCH_PAGES, DocumentService.SEARCH_CHARS));
      Envelope envelope =
          new Envelope(UUID.randomUUID(), id, sender, Set.of(caller.unitCode()), now);
      exchange.add(envelope);
      envelope.routed(now);
      Delivery d =
          new Delivery(UUID.randomUUID(), envelope.id(), id, caller.unitCode(), doc.urgency(), now);
      exchange.add(d);
      exchange.record(
          new DeliveryEvent(d.id(), DeliveryStatus.PENDING, now, caller.username(), "edXML"));
      exchangeService.deliver(d.id());
      audit.record(
          caller,
          "EDXML_IMPORTED",
          d.id().toString(),
          file.hash().hex(),
          p.documentId() + (d.duplicateOf().isPresent() ? " (trùng)" : ""));
      LOG.infof("[%s] edXML package %s from [%s] arrived", d.id(), p.documentId(), sender);
      return incoming.view(caller, d.id());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The status message of a delivery, for its recipient unit to send back. */
  public EdXmlStatus statusOf(Caller caller, UUID deliveryId) {
    InboxEntry entry = incoming.view(caller, deliveryId);
    Delivery d = exchange.findDelivery(deliveryId).orElseThrow();
    OutgoingDocument doc = documents.find(d.documentId()).orElseThrow();
    LocalDate date = doc.issuedAt().orElse(doc.createdAt()).atZone(Settings.VIETNAM).toLocalDate();
    String notation = doc.notation().orElseThrow();
    EdXmlStatus.StatusCode code;
    String description = null;
    if (d.recall().orElse(null) == Delivery.Recall.REFUSED) {
      code = EdXmlStatus.StatusCode.RECALL_REFUSED;
      description = d.recallAnswer().orElse(null);
    } else {
      code = statusCode(d.status());
      description = d.rejectionReason().orElse(null);
    }
    Map<String, UnitView> units = directory.byCode();
    return new EdXmlStatus(
        new EdXmlPackage.ResponseFor(
            doc.unitCode(),
            notation,
            date,
            EdXmlDocument.conventionalDocumentId(doc.unitCode(), date, code(notation))),
        organ(d.recipientCode(), units),
        code,
        description,
        entry.registeredAt() != null && code == EdXmlStatus.StatusCode.REGISTERED
            ? entry.registeredAt()
            : clock.instant(),
        d.handler()
            .map(h -> new EdXmlPackage.StaffInfo(null, fullName(h).orElse(h), null, null))
            .orElse(null));
  }

  /**
   * A status message from a recipient outside this server about a document the caller's unit sent
   * (or from any recipient, whose status is then already known here: the same status again is
   * accepted and changes nothing). A status the delivery cannot move to is 409.
   */
  public void accept(Caller caller, EdXmlStatus s) {
    caller.require("nhận trạng thái edXML", Role.CLERK);
    if (!s.responseFor().organId().equals(caller.unitCode())) {
      throw new RuleViolationException(
          "not-addressed", "Thông điệp trạng thái không nói về văn bản của đơn vị bạn.");
    }
    OutgoingDocument doc =
        documents
            .findByNotation(
                caller.unitCode(),
                s.responseFor().code(),
                s.responseFor().promulgationDate().getYear())
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "Không tìm thấy văn bản " + s.responseFor().code() + " của đơn vị."));
    Delivery d =
        exchange.lockDeliveriesOf(doc.id()).stream()
            .filter(x -> x.recipientCode().equals(s.from().organId()))
            .findFirst()
            .orElseThrow(
                () ->
                    new NotFoundException(
                        "Văn bản không được gửi đến " + s.from().organId() + "."));
    Instant now = clock.instant();
    String actor = null;
    DeliveryEvent.Kind kind = DeliveryEvent.Kind.STATUS;
    switch (s.statusCode()) {
      case RECALL_ACCEPTED -> {
        if (d.status() == DeliveryStatus.RECALLED) {
          return;
        }
        d.recallAccepted(now);
        kind = DeliveryEvent.Kind.RECALL_ACCEPTED;
      }
      case RECALL_REFUSED -> {
        if (d.recall().orElse(null) == Delivery.Recall.REFUSED) {
          return;
        }
        d.recallRefused(s.description() == null ? "—" : s.description(), now);
        kind = DeliveryEvent.Kind.RECALL_REFUSED;
      }
      case RECALL_REQUESTED ->
          throw new RuleViolationException(
              "not-addressed", "Yêu cầu thu hồi do đơn vị gửi đưa ra, không gửi đến đơn vị gửi.");
      default -> {
        DeliveryStatus target = status(s.statusCode());
        if (d.status() == target) {
          return;
        }
        if (target == DeliveryStatus.REJECTED) {
          d.reject(s.description() == null ? "—" : s.description(), now);
        } else {
          d.moveTo(target, now);
        }
      }
    }
    exchange.record(
        new DeliveryEvent(d.id(), kind, d.status(), now, actor, "edXML từ " + s.from().organId()));
    audit.record(
        caller, "EDXML_STATUS_" + s.statusCode().code(), d.id().toString(), doc.fileSha256(), null);
  }

  private java.util.Optional<String> fullName(String username) {
    return users.find(username).map(vn.lienthong.domain.user.User::fullName);
  }

  private static EdXmlPackage.Organ organ(String code, Map<String, UnitView> units) {
    UnitView u = units.get(code);
    return new EdXmlPackage.Organ(code, u == null ? code : u.name());
  }

  /** "05/QĐ-UBND" as the standard's number and notation. */
  static EdXmlDocument.Code code(String notation) {
    int slash = notation.indexOf('/');
    if (slash <= 0 || slash == notation.length() - 1) {
      throw new InvalidInputException(
          "Số, ký hiệu không đúng dạng số/ký hiệu: " + notation, Map.of("notation", notation));
    }
    return new EdXmlDocument.Code(notation.substring(0, slash), notation.substring(slash + 1));
  }

  /** edXML priority 4 (hỏa tốc hẹn giờ) is hỏa tốc: Decree 30 knows no other. */
  static Urgency urgency(EdXmlDocument.Priority p) {
    return p == EdXmlDocument.Priority.FLASH_TIMED ? Urgency.FLASH : Urgency.valueOf(p.name());
  }

  static EdXmlStatus.StatusCode statusCode(DeliveryStatus s) {
    return switch (s) {
      case ARRIVED -> EdXmlStatus.StatusCode.ARRIVED;
      case REJECTED -> EdXmlStatus.StatusCode.REJECTED;
      case REGISTERED -> EdXmlStatus.StatusCode.REGISTERED;
      case ASSIGNED -> EdXmlStatus.StatusCode.ASSIGNED;
      case IN_PROGRESS -> EdXmlStatus.StatusCode.IN_PROGRESS;
      case DONE -> EdXmlStatus.StatusCode.DONE;
      case RECALLED -> EdXmlStatus.StatusCode.RECALL_ACCEPTED;
      case PENDING, FAILED ->
          throw new IllegalTransitionException("Văn bản chưa đến đơn vị nhận: chưa có trạng thái.");
    };
  }

  static DeliveryStatus status(EdXmlStatus.StatusCode c) {
    return switch (c) {
      case ARRIVED -> DeliveryStatus.ARRIVED;
      case REJECTED -> DeliveryStatus.REJECTED;
      case REGISTERED -> DeliveryStatus.REGISTERED;
      case ASSIGNED -> DeliveryStatus.ASSIGNED;
      case IN_PROGRESS -> DeliveryStatus.IN_PROGRESS;
      case DONE -> DeliveryStatus.DONE;
      case RECALL_ACCEPTED -> DeliveryStatus.RECALLED;
      case RECALL_REQUESTED, RECALL_REFUSED ->
          throw new IllegalArgumentException(c + " is not a delivery status");
    };
  }
}
