package vn.lienthong.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.lienthong.application.exchange.ExchangeService;
import vn.lienthong.application.exchange.Trace;

/** One document's way to one recipient, for the administrator. */
@Path("/deliveries")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryResource {
  @Inject ExchangeService exchange;
  @Inject CurrentCaller caller;

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
}
