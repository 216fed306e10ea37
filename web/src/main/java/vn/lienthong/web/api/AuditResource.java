package vn.lienthong.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.lienthong.application.audit.AuditChainCheck;

/** The audit trail's integrity (admin). */
@Path("/audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {
  @Inject AuditChainCheck chain;
  @Inject CurrentCaller caller;

  @GET
  @Path("chain")
  @Operation(
      summary = "Kiểm tra chuỗi băm của nhật ký (quản trị)",
      description =
          "{\"entries\", \"unchained\", \"intact\", \"firstBroken\": {\"id\", \"position\","
              + " \"reason\"}}: mục đầu tiên bị sửa, bị xóa hoặc bị chèn, nếu có.")
  public AuditChainCheck.Result check() {
    return chain.check(caller.get());
  }
}
