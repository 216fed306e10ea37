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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.lienthong.application.document.DocumentService;
import vn.lienthong.application.document.DocumentView;
import vn.lienthong.application.exchange.ExchangeService;
import vn.lienthong.application.exchange.InboxEntry;
import vn.lienthong.application.exchange.IncomingService;
import vn.lienthong.domain.InvalidInputException;

/**
 * The unit's registers for a calendar year, by number (Decree 30/2020/NĐ-CP, art. 16 and 22):
 * outgoing (sổ văn bản đi) and incoming (sổ văn bản đến). Paged by number: the next page starts
 * after the last number of this one (header Link rel="next").
 */
@Path("/registers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RegisterResource {
  @Inject DocumentService documents;
  @Inject IncomingService incoming;
  @Inject ExchangeService exchange;
  @Inject CurrentCaller caller;
  @Context UriInfo uri;

  @GET
  @Path("outgoing")
  @Operation(
      summary = "Sổ đăng ký văn bản đi",
      description =
          "year (mặc định năm nay), after (số cuối của trang trước), limit (mặc định 50).")
  public Response outgoing(
      @QueryParam("year") String year,
      @QueryParam("after") @DefaultValue("0") String after,
      @QueryParam("limit") @DefaultValue("50") String limit) {
    Page p = page(year, after, limit);
    List<DocumentView> rows = documents.register(caller.get(), p.year(), p.after(), p.limit());
    return paged(rows, rows.isEmpty() ? 0 : rows.get(rows.size() - 1).registerNumber(), p);
  }

  @GET
  @Path("incoming")
  @Operation(
      summary = "Sổ đăng ký văn bản đến",
      description =
          "Số đến, ngày đến, cơ quan ban hành, số ký hiệu, ngày văn bản, loại và trích yếu, người"
              + " xử lý, hạn xử lý, trạng thái. Tham số như sổ văn bản đi.")
  public Response incoming(
      @QueryParam("year") String year,
      @QueryParam("after") @DefaultValue("0") String after,
      @QueryParam("limit") @DefaultValue("50") String limit) {
    Page p = page(year, after, limit);
    List<InboxEntry> rows = incoming.register(caller.get(), p.year(), p.after(), p.limit());
    return paged(rows, rows.isEmpty() ? 0 : rows.get(rows.size() - 1).incomingNumber(), p);
  }

  private record Page(int year, int after, int limit) {}

  private Page page(String year, String after, String limit) {
    Map<String, String> errors = new LinkedHashMap<>();
    int y =
        year == null || year.isBlank()
            ? exchange.today().getYear()
            : InboxResource.number(year, "year", 2000, 2200, errors);
    int a = InboxResource.number(after, "after", 0, Integer.MAX_VALUE, errors);
    int l = InboxResource.number(limit, "limit", 1, InboxResource.MAX_LIMIT, errors);
    if (!errors.isEmpty()) {
      throw new InvalidInputException("Tham số sổ đăng ký không hợp lệ.", errors);
    }
    return new Page(y, a, l);
  }

  private Response paged(List<?> rows, Integer last, Page p) {
    Response.ResponseBuilder r = Response.ok(rows);
    if (rows.size() == p.limit() && last != null) {
      r.link(
          uri.getRequestUriBuilder()
              .replaceQueryParam("year", p.year())
              .replaceQueryParam("after", last)
              .build(),
          "next");
    }
    return r.build();
  }
}
