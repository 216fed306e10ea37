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
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.lienthong.application.signing.CertificateRegistry;
import vn.lienthong.application.signing.CertificateRegistry.CertificateView;

/** Officials' registered certificates (admin), and the demo CA's revocation (demo mode). */
@Path("/")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CertificateResource {
  @Inject CertificateRegistry registry;
  @Inject CurrentCaller caller;

  @POST
  @Path("users/{username}/certificates")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Đăng ký chứng thư số của một cán bộ (quản trị)")
  public Response register(@PathParam("username") String username, String body) {
    JsonObject o = JsonBodies.object(body, "certificate");
    CertificateView v =
        registry.register(
            caller.get(), username, JsonBodies.base64(o.get("certificate"), "certificate"));
    return Response.status(Response.Status.CREATED).entity(v).build();
  }

  @GET
  @Path("users/{username}/certificates")
  @Operation(summary = "Các chứng thư số đã đăng ký của một cán bộ")
  public List<CertificateView> list(@PathParam("username") String username) {
    return registry.of(caller.get(), username);
  }

  @POST
  @Path("demo/revocations")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Chế độ demo: CA demo thu hồi một chứng thư số vì lộ khóa (quản trị)",
      description =
          "compromisedSince (tùy chọn, ISO-8601 có múi giờ, không ở tương lai): khóa bị lộ từ"
              + " thời điểm này; các chữ ký từ đó không còn hợp lệ. Mặc định: bây giờ.")
  public Response revoke(String body) {
    JsonObject o = JsonBodies.object(body, "certificate");
    JsonValue since = o.get("compromisedSince");
    registry.revokeDemo(
        caller.get(),
        JsonBodies.base64(o.get("certificate"), "certificate"),
        since == null || since.getValueType() == JsonValue.ValueType.NULL
            ? Optional.empty()
            : Optional.of(JsonBodies.instant(since, "compromisedSince")));
    return Response.noContent().build();
  }
}
