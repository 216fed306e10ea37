package vn.lienthong.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.lienthong.application.Settings;
import vn.lienthong.application.document.DocumentService;
import vn.lienthong.application.document.DocumentView;
import vn.lienthong.application.document.IssuanceService;
import vn.lienthong.application.document.IssueReceipt;
import vn.lienthong.application.document.SendReceipt;
import vn.lienthong.application.document.Upload;
import vn.lienthong.application.document.Uploads;
import vn.lienthong.application.exchange.ExchangeService;
import vn.lienthong.application.exchange.Trace;
import vn.lienthong.application.signing.SessionView;
import vn.lienthong.application.signing.SigningService;
import vn.lienthong.domain.InvalidInputException;
import vn.lienthong.domain.document.DocumentDraft;
import vn.lienthong.signing.appearance.Placement;

/** Outgoing documents: create, the leader's signature, issue, send, read, trace. */
@Path("/documents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DocumentResource {
  @Inject vn.lienthong.infrastructure.edxml.EdXmlExchange edxml;
  @Inject DocumentService documents;
  @Inject ExchangeService exchange;
  @Inject Uploads uploads;
  @Inject SigningService signing;
  @Inject IssuanceService issuance;
  @Inject CurrentCaller caller;
  @Inject Clock clock;

  /** Body of the created answer. */
  public record Created(UUID id) {}

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Operation(
      summary = "Tạo văn bản đi (dự thảo)",
      description =
          "multipart/form-data: phần metadata (JSON: type, abstract, urgency, classification,"
              + " dueDate, division — chữ viết tắt phòng, ban soạn thảo, ghi vào số, ký hiệu công"
              + " văn như 12/UBND-VP) và phần file (PDF).")
  public Response create(List<EntityPart> parts) throws IOException {
    EntityPart metadata = part(parts, "metadata");
    EntityPart file = part(parts, "file");
    if (metadata == null || file == null) {
      Map<String, String> errors = new java.util.LinkedHashMap<>();
      if (metadata == null) {
        errors.put("metadata", "Thiếu phần metadata (JSON thông tin văn bản).");
      }
      if (file == null) {
        errors.put("file", "Thiếu phần file (tệp PDF của văn bản).");
      }
      throw new InvalidInputException("Yêu cầu thiếu thông tin.", errors);
    }
    DocumentDraft draft = parseDraft(read(metadata));
    var who = caller.get();
    documents.admit(who, draft);
    try (InputStream in = file.getContent();
        Upload upload = uploads.receivePdf(in, file.getFileName().orElse(null))) {
      UUID id = documents.create(who, draft, upload);
      // relative to the application's base URI, which is …/api/v1/
      return Response.created(URI.create("documents/" + id)).entity(new Created(id)).build();
    }
  }

  @POST
  @Path("{id}/send")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Gửi văn bản đến các đơn vị nhận (văn thư)",
      description =
          "{\"recipients\": [mã định danh], \"notClassifiedConfirmed\"?: true, \"replaces\"?:"
              + " mã văn bản}: trang đầu có dấu chỉ độ mật (MẬT, TỐI MẬT, TUYỆT MẬT) thì chỉ gửi"
              + " khi người gửi xác nhận văn bản không phải văn bản mật; nếu không: 422"
              + " classified-stamp. replaces: văn bản này thay thế một văn bản đơn vị đã gửi (hai"
              + " văn bản được liên kết, đơn vị nhận văn bản cũ thấy nó đã được thay thế).")
  public Response send(@PathParam("id") UUID id, String body) {
    List<String> recipients = parseRecipients(body);
    JsonObject request = parseObject(body, "recipients");
    JsonValue replacesValue = request.get("replaces");
    UUID replaces =
        replacesValue == null || replacesValue == JsonValue.NULL
            ? null
            : JsonBodies.uuid(replacesValue, "replaces");
    JsonValue confirmed = request.get("notClassifiedConfirmed");
    if (confirmed != null
        && confirmed != JsonValue.TRUE
        && confirmed != JsonValue.FALSE
        && confirmed != JsonValue.NULL) {
      throw InvalidInputException.field(
          "notClassifiedConfirmed", "notClassifiedConfirmed phải là true hoặc false.");
    }
    SendReceipt receipt =
        documents.send(caller.get(), id, recipients, confirmed == JsonValue.TRUE, replaces);
    return Response.accepted(receipt).build();
  }

  @POST
  @Path("{id}/recall")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Thu hồi văn bản đã gửi (13)",
      description =
          "Thân: {\"reason\": \"...\"}. Mỗi đơn vị nhận trả lời: đồng ý (15) hoặc từ chối có"
              + " lý do (16); xem trace.")
  public Trace recall(@PathParam("id") UUID id, String body) {
    return exchange.recall(
        caller.get(), id, DeliveryResource.text(DeliveryResource.optional(body), "reason"));
  }

  @PATCH
  @Path("{id}")
  @Consumes({MediaType.APPLICATION_JSON, "application/merge-patch+json"})
  @Operation(
      summary = "Cập nhật thông tin văn bản đã gửi",
      description =
          "Thân: các trường cần sửa trong abstract, urgency, dueDate. Tệp đã ký không đổi; đơn vị"
              + " nhận thấy giá trị mới và một bước \"cập nhật\" trong lịch sử.")
  public Trace update(@PathParam("id") UUID id, String body) {
    JsonObject o = JsonBodies.object(body, "body");
    java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
    String abstractText = DeliveryResource.text(o, "abstract");
    if (abstractText != null
        && (abstractText.isBlank()
            || abstractText.length() > vn.lienthong.domain.document.DocumentDraft.MAX_ABSTRACT)) {
      errors.put("abstract", "Trích yếu không được để trống và không quá 2000 ký tự.");
    }
    String urgencyText = DeliveryResource.text(o, "urgency");
    vn.lienthong.domain.document.Urgency urgency =
        urgencyText == null
            ? null
            : vn.lienthong.domain.document.Urgency.parse(urgencyText).orElse(null);
    if (urgencyText != null && urgency == null) {
      errors.put("urgency", "Độ khẩn không hợp lệ: " + urgencyText + ".");
    }
    java.time.LocalDate due =
        InboxResource.date(DeliveryResource.text(o, "dueDate"), "dueDate", errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException("Thông tin cập nhật không hợp lệ.", errors);
    }
    return exchange.update(
        caller.get(), id, abstractText == null ? null : abstractText.strip(), urgency, due);
  }

  @GET
  @Path("{id}")
  @Operation(summary = "Thông tin văn bản (đơn vị gửi hoặc đơn vị nhận)")
  public DocumentView view(@PathParam("id") UUID id) {
    return documents.viewWithSignatures(caller.get(), id);
  }

  @GET
  @Path("{id}/file")
  @Produces("application/pdf")
  @Operation(summary = "Tệp PDF của văn bản")
  public Response file(@PathParam("id") UUID id) throws IOException {
    var who = caller.get();
    DocumentView doc = documents.view(who, id);
    java.nio.file.Path local = documents.localFile(who, id);
    // streamed from the local copy, outside any transaction: a slow reader holds a thread and a
    // file, not a database connection
    StreamingOutput body = out -> Files.copy(local, out);
    return Response.ok(body, "application/pdf")
        .header("Content-Length", Files.size(local))
        // an official document: no browser cache or proxy keeps a copy
        .header("Cache-Control", "private, no-store")
        .header(
            "Content-Disposition",
            "inline; filename*=UTF-8''"
                + java.net.URLEncoder.encode(doc.fileName(), StandardCharsets.UTF_8)
                    .replace("+", "%20"))
        .build();
  }

  @GET
  @Path("{id}/trace")
  @Operation(summary = "Trạng thái xử lý tại từng đơn vị nhận (chỉ đơn vị gửi)")
  public Trace trace(@PathParam("id") UUID id) {
    return exchange.trace(caller.get(), id);
  }

  @POST
  @Path("{id}/signing-sessions")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Chuẩn bị chữ ký của lãnh đạo (bước 1: dữ liệu cần ký)")
  public Response prepare(@PathParam("id") UUID id, String body) {
    JsonObject o = JsonBodies.object(body, "certificateChain");
    SessionView s =
        signing.prepare(
            caller.get(), id, JsonBodies.base64List(o, "certificateChain"), placement(o));
    return Response.created(URI.create("signing-sessions/" + s.id())).entity(s).build();
  }

  @POST
  @Path("{id}/demo-signature")
  @Operation(summary = "Chế độ demo: lãnh đạo ký bằng khóa demo trên máy chủ")
  public DocumentView demoSign(@PathParam("id") UUID id) {
    return signing.demoSign(caller.get(), id);
  }

  @POST
  @Path("{id}/issue")
  @Operation(summary = "Văn thư cấp số, ngày và ký số của cơ quan (đóng dấu phát hành)")
  public IssueReceipt issue(@PathParam("id") UUID id) {
    return issuance.issue(caller.get(), id);
  }

  private static Placement placement(JsonObject o) {
    JsonValue v = o.get("placement");
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (!(v instanceof JsonObject p)) {
      throw InvalidInputException.field("placement", "placement là {page, x, y, width, height}.");
    }
    try {
      return new Placement(
          (int) JsonBodies.number(p, "page"),
          JsonBodies.number(p, "x"),
          JsonBodies.number(p, "y"),
          JsonBodies.number(p, "width"),
          JsonBodies.number(p, "height"));
    } catch (IllegalArgumentException e) {
      throw InvalidInputException.field("placement", "Vị trí chữ ký không hợp lệ.");
    }
  }

  private static EntityPart part(List<EntityPart> parts, String name) {
    if (parts == null) {
      return null;
    }
    return parts.stream().filter(p -> name.equals(p.getName())).findFirst().orElse(null);
  }

  private static String read(EntityPart part) {
    try (InputStream in = part.getContent()) {
      byte[] bytes = in.readNBytes(64 * 1024 + 1);
      if (bytes.length > 64 * 1024) {
        throw InvalidInputException.field("metadata", "Phần metadata quá dài.");
      }
      return new String(bytes, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private DocumentDraft parseDraft(String json) {
    JsonObject o = parseObject(json, "metadata");
    return DocumentDraft.parse(
        text(o, "type"),
        text(o, "abstract"),
        text(o, "urgency"),
        text(o, "classification"),
        text(o, "dueDate"),
        text(o, "division"),
        LocalDate.now(clock.withZone(Settings.VIETNAM)));
  }

  private static List<String> parseRecipients(String json) {
    JsonObject o = parseObject(json, "recipients");
    JsonValue v = o.get("recipients");
    if (v == null || v.getValueType() != JsonValue.ValueType.ARRAY) {
      throw InvalidInputException.field(
          "recipients", "Cần danh sách mã định danh đơn vị nhận (recipients: [\"...\"]).");
    }
    List<String> codes = new ArrayList<>();
    for (JsonValue item : (JsonArray) v) {
      if (!(item instanceof JsonString s)) {
        throw InvalidInputException.field("recipients", "Mã định danh đơn vị phải là chuỗi.");
      }
      codes.add(s.getString());
    }
    return codes;
  }

  private static JsonObject parseObject(String json, String field) {
    if (json == null || json.isBlank()) {
      throw InvalidInputException.field(field, "Nội dung JSON rỗng.");
    }
    try (JsonReader r = Json.createReader(new StringReader(json))) {
      return r.readObject();
    } catch (JsonException | IllegalStateException e) {
      throw InvalidInputException.field(field, "Không phải một đối tượng JSON hợp lệ.");
    }
  }

  /** A field as text; numbers and booleans are refused by the field's own check later. */
  private static String text(JsonObject o, String name) {
    JsonValue v = o.get(name);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (v instanceof JsonString s) {
      return s.getString();
    }
    throw InvalidInputException.field(name, "Trường " + name + " phải là chuỗi.");
  }

  @GET
  @Path("{id}/edxml")
  @Produces(EdXmlResource.EDXML)
  @Operation(
      summary = "Gói edXML của văn bản đã ban hành và gửi",
      description = "Tệp PDF đã ký đính kèm (base64); cho đơn vị gửi hoặc đơn vị nhận.")
  public Response export(@PathParam("id") UUID id) {
    vn.lienthong.infrastructure.edxml.EdXmlDocument doc = edxml.export(caller.get(), id);
    StreamingOutput body =
        out -> new vn.lienthong.infrastructure.edxml.EdXmlWriter().write(doc, out);
    return Response.ok(body, EdXmlResource.EDXML + ";charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"" + id + ".edxml\"")
        .build();
  }
}
