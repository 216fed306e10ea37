package vn.lienthong.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.lienthong.application.exchange.ExchangeService;
import vn.lienthong.application.exchange.Inbox;
import vn.lienthong.domain.InvalidInputException;

/** The caller's unit inbox: incoming documents with their status, newest first. */
@Path("/inbox")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class InboxResource {
  static final int MAX_LIMIT = 5000;

  @Inject ExchangeService exchange;
  @Inject CurrentCaller caller;

  @GET
  @Operation(
      summary = "Văn bản đến của đơn vị",
      description = "Mới nhất trước; offset/limit để phân trang, tổng số ở header X-Total-Count.")
  public Response inbox(
      @QueryParam("offset") @DefaultValue("0") String offset,
      @QueryParam("limit") @DefaultValue("1000") String limit) {
    Map<String, String> errors = new LinkedHashMap<>();
    int off = number(offset, "offset", 0, Integer.MAX_VALUE, errors);
    int lim = number(limit, "limit", 1, MAX_LIMIT, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException("Tham số phân trang không hợp lệ.", errors);
    }
    Inbox inbox = exchange.inbox(caller.get(), off, lim);
    return Response.ok(inbox.entries()).header("X-Total-Count", inbox.total()).build();
  }

  private static int number(
      String value, String name, int min, int max, Map<String, String> errors) {
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
