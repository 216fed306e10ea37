package vn.lienthong.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.lienthong.application.exchange.ExchangeService;
import vn.lienthong.application.exchange.InboxEntry;
import vn.lienthong.application.exchange.IncomingService;
import vn.lienthong.application.exchange.Trace;
import vn.lienthong.domain.InvalidInputException;

/**
 * One document's way to one recipient unit: for the recipient, its incoming document and the steps
 * of handling it (edXML status codes); for the administrator, a retry of a failed delivery. An
 * illegal step answers 409 and changes nothing.
 */
@Path("/deliveries")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.WILDCARD})
public class DeliveryResource {
  @Inject vn.lienthong.infrastructure.edxml.EdXmlExchange edxml;
  @Inject ExchangeService exchange;
  @Inject IncomingService incoming;
  @Inject CurrentCaller caller;

  @GET
  @Path("{id}")
  @Operation(summary = "Một văn bản đến của đơn vị")
  public InboxEntry view(@PathParam("id") UUID id) {
    return incoming.view(caller.get(), id);
  }

  @POST
  @Path("{id}/register")
  @Operation(
      summary = "Vào sổ văn bản đến (03, văn thư)",
      description =
          "Cấp số đến tiếp theo của sổ năm nay. Thân tùy chọn: {\"deadline\": \"2026-12-20\"}"
              + " hoặc {\"workingDays\": 5} (tính theo ngày làm việc, trừ ngày nghỉ lễ, Tết);"
              + " không có thì lấy hạn trả lời của văn bản. Văn bản trùng số, ký hiệu, cơ quan"
              + " ban hành với văn bản đến trước: 409.")
  public InboxEntry register(@PathParam("id") UUID id, String body) {
    return incoming.register(caller.get(), id, deadline(optional(body)));
  }

  @POST
  @Path("{id}/reject")
  @Operation(
      summary = "Từ chối tiếp nhận (02)",
      description = "Thân: {\"reason\": \"...\"}, bắt buộc; lý do hiện ở bên gửi.")
  public InboxEntry reject(@PathParam("id") UUID id, String body) {
    return incoming.reject(caller.get(), id, text(optional(body), "reason"));
  }

  @POST
  @Path("{id}/assign")
  @Operation(
      summary = "Phân công xử lý (04, lãnh đạo)",
      description =
          "Thân: {\"handler\": \"chuyenvien.x\", \"deadline\": \"2026-12-20\"} hoặc"
              + " {\"handler\", \"workingDays\": 5}; người xử lý là tài khoản của đơn vị. Phân"
              + " công lại được.")
  public InboxEntry assign(@PathParam("id") UUID id, String body) {
    JsonObject o = optional(body);
    return incoming.assign(caller.get(), id, text(o, "handler"), deadline(o));
  }

  @POST
  @Path("{id}/progress")
  @Operation(summary = "Bắt đầu xử lý (05, người được phân công hoặc lãnh đạo)")
  public InboxEntry progress(@PathParam("id") UUID id) {
    return incoming.startProcessing(caller.get(), id);
  }

  @POST
  @Path("{id}/done")
  @Operation(
      summary = "Hoàn thành xử lý (06)",
      description = "Thân tùy chọn: {\"answer\": \"<mã văn bản trả lời của đơn vị>\"}.")
  public InboxEntry done(@PathParam("id") UUID id, String body) {
    JsonObject o = optional(body);
    JsonValue answer = o.get("answer");
    return incoming.done(
        caller.get(),
        id,
        answer == null || answer == JsonValue.NULL ? null : JsonBodies.uuid(answer, "answer"));
  }

  @POST
  @Path("{id}/recall/accept")
  @Operation(summary = "Đồng ý thu hồi (15): văn bản rời sổ đến, được giữ lại làm hồ sơ")
  public InboxEntry acceptRecall(@PathParam("id") UUID id) {
    return incoming.answerRecall(caller.get(), id, true, null);
  }

  @POST
  @Path("{id}/recall/refuse")
  @Operation(summary = "Từ chối thu hồi (16)", description = "Thân: {\"reason\": \"...\"}.")
  public InboxEntry refuseRecall(@PathParam("id") UUID id, String body) {
    return incoming.answerRecall(caller.get(), id, false, text(optional(body), "reason"));
  }

  @POST
  @Path("{id}/retry")
  @Operation(
      summary = "Gửi lại một văn bản không chuyển được (quản trị)",
      description =
          "Chỉ cho lượt chuyển ở trạng thái FAILED (xem trace của văn bản: deliveryId,"
              + " failureReason); 409 nếu không phải.")
  public Trace.Recipient retry(@PathParam("id") UUID id) {
    return exchange.retry(caller.get(), id);
  }

  /** A JSON object body, or an empty one when there is no body. */
  static JsonObject optional(String body) {
    return body == null || body.isBlank()
        ? JsonValue.EMPTY_JSON_OBJECT
        : JsonBodies.object(body, "body");
  }

  static String text(JsonObject o, String name) {
    JsonValue v = o.get(name);
    if (v == null || v == JsonValue.NULL) {
      return null;
    }
    return JsonBodies.string(v, name, "Trường " + name + " phải là chuỗi.");
  }

  /** {"deadline": "2026-12-20"} or {"workingDays": 5}, or neither. */
  static IncomingService.Deadline deadline(JsonObject o) {
    JsonValue days = o.get("workingDays");
    Integer n = null;
    if (days != null && days != JsonValue.NULL) {
      if (!(days instanceof jakarta.json.JsonNumber number)
          || !number.isIntegral()
          || number.bigDecimalValue().abs().compareTo(java.math.BigDecimal.valueOf(100_000)) > 0) {
        throw InvalidInputException.field(
            "workingDays", "workingDays phải là số nguyên từ 1 đến 365.");
      }
      n = number.intValue();
    }
    return new IncomingService.Deadline(date(o, "deadline"), n);
  }

  static LocalDate date(JsonObject o, String name) {
    String value = text(o, name);
    if (value == null) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      throw InvalidInputException.field(name, name + " phải là ngày dạng 2026-03-01.");
    }
  }

  @GET
  @Path("{id}/edxml-status")
  @Produces(EdXmlResource.EDXML)
  @Operation(summary = "Thông điệp trạng thái edXML của một văn bản đến (đơn vị nhận)")
  public Response status(@PathParam("id") UUID id) {
    vn.lienthong.infrastructure.edxml.EdXmlStatus status = edxml.statusOf(caller.get(), id);
    StreamingOutput body =
        out -> new vn.lienthong.infrastructure.edxml.EdXmlWriter().write(status, out);
    return Response.ok(body, EdXmlResource.EDXML + ";charset=UTF-8").build();
  }
}
