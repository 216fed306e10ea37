package vn.lienthong.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.lienthong.application.security.ApiTokens;
import vn.lienthong.application.security.ApiTokens.TokenView;
import vn.lienthong.domain.InvalidInputException;

/**
 * Personal API tokens for scripts: made by a password login, shown once, listed without their
 * secret, revoked by their owner (or an administrator).
 */
@Path("/tokens")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {
  @Inject ApiTokens tokens;
  @Inject CurrentCaller caller;
  @Inject HttpServletRequest request;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Tạo mã truy cập cho kịch bản (chỉ hiện một lần): gửi kèm Authorization: Bearer <mã>")
  public Response create(String json) {
    JsonObject body = JsonBodies.object(json, "name");
    String name =
        body.get("name") instanceof JsonString s
            ? s.getString()
            : null; // ApiTokens says what a name must be
    Integer days = null;
    JsonValue d = body.get("expiresInDays");
    if (d != null && d.getValueType() != JsonValue.ValueType.NULL) {
      if (!(d instanceof JsonNumber n) || !n.isIntegral()) {
        throw InvalidInputException.field("expiresInDays", "Thời hạn là số ngày (số nguyên).");
      }
      // out of range reads as 0, which ApiTokens refuses with the range in its message
      BigDecimal v = n.bigDecimalValue();
      days = v.signum() > 0 && v.compareTo(BigDecimal.valueOf(1000)) <= 0 ? v.intValue() : 0;
    }
    boolean viaToken =
        request.getUserPrincipal() != null
            && request.getUserPrincipal().getName().startsWith(ApiTokens.PRINCIPAL_PREFIX);
    ApiTokens.Issued issued = tokens.create(caller.get(), viaToken, name, days);
    CacheControl noStore = new CacheControl();
    noStore.setNoStore(true);
    return Response.status(Response.Status.CREATED)
        .cacheControl(noStore)
        .entity(new Created(issued.token(), issued.secret()))
        .build();
  }

  /** The answer to a new token: its description and, this once, the token to give the script. */
  public record Created(TokenView token, String secret) {}

  @GET
  @Operation(summary = "Các mã truy cập của tài khoản (không có phần bí mật)")
  public List<TokenView> mine() {
    return tokens.list(caller.get());
  }

  @DELETE
  @Path("/{id}")
  @Operation(summary = "Thu hồi một mã truy cập")
  public TokenView revoke(@PathParam("id") String id) {
    return tokens.revoke(caller.get(), id);
  }
}
