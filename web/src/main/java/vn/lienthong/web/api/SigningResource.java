package vn.lienthong.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.lienthong.application.document.DocumentView;
import vn.lienthong.application.signing.SessionView;
import vn.lienthong.application.signing.SigningService;
import vn.lienthong.domain.DomainException;
import vn.lienthong.domain.InvalidInputException;
import vn.lienthong.domain.user.Role;
import vn.lienthong.web.problem.Problem;
import vn.lienthong.web.problem.Problems;

/**
 * The leader's signature: the second call of one session, and both calls for a batch (the first
 * call for one document is POST /documents/{id}/signing-sessions, in DocumentResource).
 */
@Path("/signing-sessions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SigningResource {
  /** Most documents one batch may hold: one PIN for a day's signing, not for an archive. */
  static final int MAX_BATCH = 100;

  @Inject SigningService signing;
  @Inject CurrentCaller caller;

  /** One document's outcome in a batch: its session or signed document, or its problem. */
  public record BatchItem(
      UUID documentId,
      UUID sessionId,
      SessionView session,
      DocumentView document,
      Problem problem) {}

  /** A batch's answer, one item per document in request order. */
  public record BatchResult(int succeeded, int failed, List<BatchItem> results) {}

  @POST
  @Path("{sid}/signature")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Gắn giá trị chữ ký vào văn bản (bước 2)")
  public DocumentView complete(@PathParam("sid") UUID sid, String body) {
    JsonObject o = JsonBodies.object(body, "signatureValue");
    return signing.complete(
        caller.get(), sid, JsonBodies.base64(o.get("signatureValue"), "signatureValue"));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Ký nhiều văn bản một lần nhập PIN (bước 1 cho cả lô)")
  public BatchResult prepareBatch(String body) {
    JsonObject o = JsonBodies.object(body, "documents");
    var ids = JsonBodies.array(o, "documents", "Cần danh sách mã văn bản (documents).");
    if (ids.isEmpty() || ids.size() > MAX_BATCH) {
      throw InvalidInputException.field(
          "documents", "Một lô ký có từ 1 đến " + MAX_BATCH + " văn bản.");
    }
    List<byte[]> chain = JsonBodies.base64List(o, "certificateChain");
    var who = caller.get();
    // the role is the caller's, not an item's: a wrong role is refused for the whole batch
    who.require("ký văn bản", Role.LEADER);
    List<BatchItem> results = new ArrayList<>();
    for (JsonValue v : ids) {
      UUID id = JsonBodies.uuid(v, "documents");
      try {
        SessionView s = signing.prepare(who, id, chain, null);
        results.add(new BatchItem(id, s.id(), s, null, null));
      } catch (RuntimeException e) {
        results.add(new BatchItem(id, null, null, null, problem(e)));
      }
    }
    return result(results);
  }

  @POST
  @Path("signatures")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Gắn giá trị chữ ký cho cả lô (bước 2, mỗi phiên một giá trị)")
  public BatchResult completeBatch(String body) {
    JsonObject o = JsonBodies.object(body, "signatures");
    var items = JsonBodies.array(o, "signatures", "Cần danh sách {sessionId, signatureValue}.");
    if (items.isEmpty() || items.size() > MAX_BATCH) {
      throw InvalidInputException.field(
          "signatures", "Một lô ký có từ 1 đến " + MAX_BATCH + " văn bản.");
    }
    Map<UUID, byte[]> values = new LinkedHashMap<>();
    for (JsonValue v : items) {
      if (!(v instanceof JsonObject item)) {
        throw InvalidInputException.field(
            "signatures", "Mỗi phần tử là {sessionId, signatureValue}.");
      }
      values.put(
          JsonBodies.uuid(item.get("sessionId"), "sessionId"),
          JsonBodies.base64(item.get("signatureValue"), "signatureValue"));
    }
    var who = caller.get();
    who.require("ký văn bản", Role.LEADER);
    List<BatchItem> results = new ArrayList<>();
    values.forEach(
        (sid, value) -> {
          try {
            DocumentView d = signing.complete(who, sid, value);
            results.add(new BatchItem(d.id(), sid, null, d, null));
          } catch (RuntimeException e) {
            results.add(new BatchItem(null, sid, null, null, problem(e)));
          }
        });
    return result(results);
  }

  private static BatchResult result(List<BatchItem> results) {
    int failed = (int) results.stream().filter(r -> r.problem() != null).count();
    return new BatchResult(results.size() - failed, failed, results);
  }

  /** A failed item's problem; anything but a domain error is an incident, logged with its id. */
  private static Problem problem(RuntimeException e) {
    DomainException d = Problems.domainCause(e);
    return d != null ? Problems.of(d) : Problems.internal(e);
  }
}
