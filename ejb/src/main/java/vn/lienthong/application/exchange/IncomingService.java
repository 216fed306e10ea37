package vn.lienthong.application.exchange;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.lienthong.application.Settings;
import vn.lienthong.application.audit.AuditLog;
import vn.lienthong.application.security.Caller;
import vn.lienthong.application.unit.UnitDirectory;
import vn.lienthong.domain.AccessDeniedException;
import vn.lienthong.domain.InvalidInputException;
import vn.lienthong.domain.NotFoundException;
import vn.lienthong.domain.calendar.WorkingCalendar;
import vn.lienthong.domain.document.OutgoingDocument;
import vn.lienthong.domain.document.OutgoingDocuments;
import vn.lienthong.domain.exchange.Delivery;
import vn.lienthong.domain.exchange.DeliveryEvent;
import vn.lienthong.domain.exchange.DeliveryStatus;
import vn.lienthong.domain.exchange.Exchange;
import vn.lienthong.domain.exchange.IncomingDocument;
import vn.lienthong.domain.user.Role;
import vn.lienthong.domain.user.User;
import vn.lienthong.domain.user.Users;

/**
 * What a recipient unit does with an incoming document (văn bản đến), Decree 30/2020/NĐ-CP art.
 * 20–24: the clerk registers it or refuses it, the leader assigns a handler and a deadline, the
 * handler works on it and closes it. Each step is a status the sender's trace shows at once (the
 * same row), recorded in the delivery's history and in the audit trail. The delivery is locked for
 * the step, so two people acting at once take turns and the second gets a 409, not a 500.
 */
@Stateless
public class IncomingService {
  private static final Logger LOG = Logger.getLogger(IncomingService.class);

  @Inject Exchange exchange;
  @Inject OutgoingDocuments documents;
  @Inject Users users;
  @Inject UnitDirectory directory;
  @Inject ExchangeService exchangeService;
  @Inject AuditLog audit;
  @Inject Clock clock;

  /** The caller's unit's incoming document; 404 for any other unit. */
  public InboxEntry view(Caller caller, UUID deliveryId) {
    Delivery d = held(caller, exchange.findDelivery(deliveryId));
    return entry(d);
  }

  /**
   * Registers it (edXML 03) with the next number of the unit's incoming register for the year (art.
   * 22). The deadline is the one given, else the date the document itself asks for.
   */
  public InboxEntry register(Caller caller, UUID deliveryId, Deadline deadline) {
    caller.require("vào sổ văn bản đến", Role.CLERK);
    Delivery d = locked(caller, deliveryId);
    Instant now = clock.instant();
    LocalDate given = deadline.on(now);
    OutgoingDocument doc = document(d);
    d.requireRegistrable(); // before a number is taken
    int year = now.atZone(Settings.VIETNAM).getYear();
    LocalDate due = given != null ? given : doc.dueDate().orElse(null);
    int number = exchange.nextIncomingNumber(d.recipientCode(), year);
    d.register(year, number, caller.username(), due, now);
    return recorded(caller, d, doc, DeliveryEvent.Kind.STATUS, "số đến " + number, now);
  }

  /** Refuses it (edXML 02) with a reason the sender sees. */
  public InboxEntry reject(Caller caller, UUID deliveryId, String reason) {
    caller.require("từ chối tiếp nhận văn bản", Role.CLERK, Role.LEADER);
    Delivery d = locked(caller, deliveryId);
    Instant now = clock.instant();
    d.reject(reason, now);
    return recorded(
        caller, d, document(d), DeliveryEvent.Kind.STATUS, d.rejectionReason().orElse(null), now);
  }

  /**
   * The leader assigns it (edXML 04) to a handler of the unit, with the deadline: the given date,
   * else the one already set.
   */
  public InboxEntry assign(Caller caller, UUID deliveryId, String handler, Deadline deadline) {
    caller.require("phân công xử lý văn bản", Role.LEADER);
    Delivery d = locked(caller, deliveryId);
    Instant now = clock.instant();
    LocalDate given = deadline.on(now);
    User officer =
        users
            .find(handler == null ? "" : handler)
            .filter(u -> u.unitCode().equals(caller.unitCode()) && u.enabled())
            .orElseThrow(
                () ->
                    InvalidInputException.field(
                        "handler", "Người xử lý phải là một tài khoản đang hoạt động của đơn vị."));
    d.assign(
        officer.username(),
        caller.username(),
        given != null ? given : d.deadline().orElse(null),
        now);
    return recorded(
        caller,
        d,
        document(d),
        DeliveryEvent.Kind.STATUS,
        officer.fullName() + d.deadline().map(x -> ", hạn " + x).orElse(""),
        now);
  }

  /** The handler (or the leader) starts on it (edXML 05). */
  public InboxEntry startProcessing(Caller caller, UUID deliveryId) {
    Delivery d = locked(caller, deliveryId);
    requireHandler(caller, d, "xử lý văn bản");
    Instant now = clock.instant();
    d.startProcessing(now);
    return recorded(caller, d, document(d), DeliveryEvent.Kind.STATUS, null, now);
  }

  /**
   * Closes it (edXML 06), with the unit's own document that answers it, if any. Without an
   * assignment the clerk or the leader closes it (a document kept for information).
   */
  public InboxEntry done(Caller caller, UUID deliveryId, UUID answer) {
    Delivery d = locked(caller, deliveryId);
    requireHandler(caller, d, "kết thúc xử lý văn bản");
    if (answer != null) {
      documents
          .find(answer)
          .filter(o -> o.unitCode().equals(caller.unitCode()))
          .orElseThrow(
              () ->
                  InvalidInputException.field(
                      "answer", "Văn bản trả lời phải là một văn bản của đơn vị."));
    }
    Instant now = clock.instant();
    d.done(answer, now);
    return recorded(
        caller,
        d,
        document(d),
        DeliveryEvent.Kind.STATUS,
        answer == null ? null : "trả lời bằng văn bản " + answer,
        now);
  }

  /**
   * Answers the sender's recall: agreed (edXML 15, the copy leaves the inbox, kept frozen) or
   * refused with a reason (16).
   */
  public InboxEntry answerRecall(Caller caller, UUID deliveryId, boolean accept, String reason) {
    caller.require("trả lời yêu cầu thu hồi", Role.CLERK, Role.LEADER);
    Delivery d = locked(caller, deliveryId);
    Instant now = clock.instant();
    if (accept) {
      d.recallAccepted(now);
      return recorded(caller, d, document(d), DeliveryEvent.Kind.RECALL_ACCEPTED, null, now);
    }
    d.recallRefused(reason, now);
    return recorded(
        caller,
        d,
        document(d),
        DeliveryEvent.Kind.RECALL_REFUSED,
        d.recallAnswer().orElse(null),
        now);
  }

  /** The unit's incoming register for a year, by number, a page after {@code afterNumber}. */
  public List<InboxEntry> register(Caller caller, int year, int afterNumber, int limit) {
    var units = directory.byCode();
    LocalDate today = exchangeService.today();
    return exchange.incomingRegister(caller.unitCode(), year, afterNumber, limit).stream()
        .map(
            in ->
                InboxEntry.of(
                    in,
                    units.get(in.document().unitCode()),
                    ExchangeService.arrivalVerdict(in.delivery()),
                    today))
        .toList();
  }

  private InboxEntry recorded(
      Caller caller,
      Delivery d,
      OutgoingDocument doc,
      DeliveryEvent.Kind kind,
      String note,
      Instant now) {
    exchange.record(new DeliveryEvent(d.id(), kind, d.status(), now, caller.username(), note));
    String action =
        kind == DeliveryEvent.Kind.STATUS ? "INCOMING_" + d.status().name() : kind.name();
    audit.record(caller, action, d.id().toString(), doc.fileSha256(), note);
    LOG.infof("[%s] %s by [%s]", d.id(), action, caller.username());
    return InboxEntry.of(
        new IncomingDocument(d, doc),
        directory.byCode().get(doc.unitCode()),
        ExchangeService.arrivalVerdict(d),
        exchangeService.today());
  }

  private InboxEntry entry(Delivery d) {
    OutgoingDocument doc = document(d);
    return InboxEntry.of(
        new IncomingDocument(d, doc),
        directory.byCode().get(doc.unitCode()),
        ExchangeService.arrivalVerdict(d),
        exchangeService.today());
  }

  private OutgoingDocument document(Delivery d) {
    return documents.find(d.documentId()).orElseThrow();
  }

  private Delivery locked(Caller caller, UUID deliveryId) {
    return held(caller, exchange.lockDelivery(deliveryId));
  }

  /** Only the recipient unit sees its delivery, and only once it has arrived. */
  private static Delivery held(Caller caller, java.util.Optional<Delivery> found) {
    return found
        .filter(d -> d.recipientCode().equals(caller.unitCode()))
        .filter(d -> d.status() != DeliveryStatus.PENDING && d.status() != DeliveryStatus.FAILED)
        .orElseThrow(() -> new NotFoundException("Không tìm thấy văn bản đến."));
  }

  /** The assigned handler, or the unit's leader; the clerk too while no one is assigned. */
  private static void requireHandler(Caller caller, Delivery d, String step) {
    if (caller.role() == Role.LEADER) {
      return;
    }
    if (d.handler().isPresent()) {
      if (!d.handler().get().equals(caller.username())) {
        throw new AccessDeniedException(
            "Chỉ người được phân công hoặc lãnh đạo đơn vị mới được " + step + ".");
      }
      return;
    }
    caller.require(step, Role.CLERK);
  }

  /**
   * A processing deadline as the user gives it: a date, or a number of working days from today
   * (holidays and weekends skipped, {@link WorkingCalendar}); neither leaves it as it was.
   */
  public record Deadline(LocalDate date, Integer workingDays) {
    public static final Deadline NONE = new Deadline(null, null);

    public Deadline {
      if (date != null && workingDays != null) {
        throw InvalidInputException.field(
            "deadline", "Cho hạn xử lý bằng ngày (deadline) hoặc số ngày làm việc, không cả hai.");
      }
      if (workingDays != null && (workingDays < 1 || workingDays > 365)) {
        throw InvalidInputException.field("workingDays", "Số ngày làm việc phải từ 1 đến 365.");
      }
    }

    /** The date it stands for, counted from {@code now}; null when none was given. */
    LocalDate on(Instant now) {
      LocalDate today = now.atZone(Settings.VIETNAM).toLocalDate();
      if (workingDays != null) {
        return WorkingCalendar.vietnam().addWorkingDays(today, workingDays);
      }
      if (date != null && date.isBefore(today)) {
        throw InvalidInputException.field("deadline", "Hạn xử lý không được trước ngày hôm nay.");
      }
      return date;
    }
  }
}
