package vn.lienthong.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.lienthong.application.exchange.ExchangeService;
import vn.lienthong.application.exchange.Inbox;
import vn.lienthong.domain.InvalidInputException;
import vn.lienthong.domain.document.DocumentType;
import vn.lienthong.domain.document.Urgency;
import vn.lienthong.domain.exchange.DeliveryStatus;
import vn.lienthong.domain.exchange.InboxCursor;
import vn.lienthong.domain.exchange.InboxFilter;

/** The caller's unit inbox: incoming documents with their status, most urgent and newest first. */
@Path("/inbox")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {
  static final int MAX_LIMIT = 5000;

  @Inject ExchangeService exchange;
  @Inject CurrentCaller caller;
  @Context UriInfo uri;

  @GET
  @Operation(
      summary = "Văn bản đến của đơn vị",
      description =
          "Hỏa tốc, thượng khẩn, khẩn rồi thường; trong mỗi mức, mới nhất trước. Phân trang bằng"
              + " con trỏ: trang sau ở header Link (rel=\"next\") và X-Next-Cursor, truyền lại"
              + " qua after; limit mặc định 50. Lọc: status (mã trạng thái hoặc mã edXML, nhiều"
              + " giá trị cách nhau dấu phẩy), type, urgency, from, to (ngày đến), overdue=true"
              + " (quá hạn xử lý), handler, q (tìm trong số ký hiệu, trích yếu, cơ quan ban hành"
              + " và nội dung PDF, có dấu hay không dấu). Tổng số (không lọc) ở X-Total-Count. Văn bản đã thu"
              + " hồi chỉ hiện khi lọc status=RECALLED.")
  public Response inbox(
      @QueryParam("after") String after,
      @QueryParam("limit") @DefaultValue("50") String limit,
      @QueryParam("offset") String offset,
      @QueryParam("status") String status,
      @QueryParam("type") String type,
      @QueryParam("urgency") String urgency,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("overdue") String overdue,
      @QueryParam("handler") String handler,
      @QueryParam("q") String words) {
    Map<String, String> errors = new LinkedHashMap<>();
    int lim = number(limit, "limit", 1, MAX_LIMIT, errors);
    if (offset != null) {
      errors.put("offset", "Không phân trang theo offset: dùng con trỏ after của trang trước.");
    }
    InboxCursor cursor = null;
    if (after != null && !after.isBlank()) {
      cursor = InboxCursor.parse(after.strip()).orElse(null);
      if (cursor == null) {
        errors.put("after", "Con trỏ trang không hợp lệ.");
      }
    }
    InboxFilter filter =
        new InboxFilter(
            statuses(status, errors),
            parse(type, "type", DocumentType::parse, errors),
            parse(urgency, "urgency", Urgency::parse, errors),
            date(from, "from", errors),
            date(to, "to", errors),
            flag(overdue, "overdue", errors) ? exchange.today() : null,
            handler == null || handler.isBlank() ? null : handler.strip(),
            words(words, errors));
    if (!errors.isEmpty()) {
      throw new InvalidInputException("Tham số danh sách văn bản đến không hợp lệ.", errors);
    }
    Inbox inbox = exchange.inbox(caller.get(), filter, cursor, lim);
    Response.ResponseBuilder r =
        Response.ok(inbox.entries()).header("X-Total-Count", inbox.total());
    if (inbox.next() != null) {
      r.header("X-Next-Cursor", inbox.next());
      r.link(uri.getRequestUriBuilder().replaceQueryParam("after", inbox.next()).build(), "next");
    }
    return r.build();
  }

  @GET
  @Path("counts")
  @Operation(
      summary = "Số văn bản đến theo trạng thái",
      description = "Đếm sẵn khi trạng thái đổi, không quét bảng.")
  public Map<String, Long> counts() {
    return exchange.inbox(caller.get(), InboxFilter.NONE, null, 1).counts();
  }

  /** Words to search for: at most 200 characters; NUL is refused (PostgreSQL text has none). */
  static String words(String value, Map<String, String> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > 200 || value.indexOf('\0') >= 0) {
      errors.put("q", "Từ khóa tìm kiếm không quá 200 ký tự.");
      return null;
    }
    return value.strip();
  }

  static Set<DeliveryStatus> statuses(String value, Map<String, String> errors) {
    Set<DeliveryStatus> out = EnumSet.noneOf(DeliveryStatus.class);
    if (value == null || value.isBlank()) {
      return out;
    }
    for (String part : value.split(",")) {
      String p = part.strip();
      DeliveryStatus found = null;
      for (DeliveryStatus s : DeliveryStatus.values()) {
        if (s.name().equalsIgnoreCase(p) || s.code().map(p::equals).orElse(false)) {
          found = s;
        }
      }
      if (found == null || found == DeliveryStatus.PENDING) {
        errors.put("status", "Trạng thái không hợp lệ: " + p + ".");
      } else {
        out.add(found);
      }
    }
    return out;
  }

  private static <T> T parse(
      String value,
      String name,
      java.util.function.Function<String, java.util.Optional<T>> parser,
      Map<String, String> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    return parser
        .apply(value)
        .orElseGet(
            () -> {
              errors.put(name, "Giá trị " + name + " không hợp lệ: " + value + ".");
              return null;
            });
  }

  static LocalDate date(String value, String name, Map<String, String> errors) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      errors.put(name, name + " phải là ngày dạng 2026-03-01.");
      return null;
    }
  }

  private static boolean flag(String value, String name, Map<String, String> errors) {
    if (value == null || value.isBlank() || value.equalsIgnoreCase("false")) {
      return false;
    }
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    errors.put(name, name + " phải là true hoặc false.");
    return false;
  }

  static int number(String value, String name, int min, int max, Map<String, String> errors) {
    try {
      int n = Integer.parseInt(value.strip());
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    errors.put(name, name + " phải là số nguyên từ " + min + " đến " + max + ".");
    return min;
  }
}
