package vn.lienthong.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityPart;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.lienthong.application.Settings;
import vn.lienthong.application.document.Upload;
import vn.lienthong.application.document.Uploads;
import vn.lienthong.application.signing.VerificationService;
import vn.lienthong.domain.InvalidInputException;

/** Public verification of signed documents: no login, rate-limited per client address. */
@Path("/verifications")
@RequestScoped
public class VerificationResource {
  /** Says which path answered: "hit" (the cached verdict of these bytes) or "miss" (verified). */
  static final String CACHE_HEADER = "X-Verdict-Cache";

  @Inject VerificationService verification;
  @Inject Uploads uploads;
  @Inject Settings settings;
  @Inject HttpServletRequest request;

  @POST
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Xác thực văn bản đã ký số (không cần đăng nhập)",
      description = "multipart/form-data, phần file: tệp PDF đã ký.")
  public Response verify(List<EntityPart> parts) throws IOException {
    verification.admit(request.getRemoteAddr());
    EntityPart file =
        parts == null
            ? null
            : parts.stream().filter(p -> "file".equals(p.getName())).findFirst().orElse(null);
    if (file == null) {
      throw InvalidInputException.field("file", "Thiếu phần file (tệp PDF cần xác thực).");
    }
    try (InputStream in = file.getContent();
        Upload upload =
            uploads.receivePdf(
                in,
                file.getFileName().orElse(null),
                Math.min(settings.uploadMaxBytes(), settings.verificationMaxBytes()))) {
      VerificationService.Result r = verification.verify(upload);
      return Response.ok(r.verdict()).header(CACHE_HEADER, r.cached() ? "hit" : "miss").build();
    }
  }

  @GET
  @Path("{sha256}/report")
  @Produces(MediaType.APPLICATION_XML)
  @Operation(summary = "Báo cáo xác thực theo ETSI (XML) của văn bản đã xác thực")
  public Response report(@PathParam("sha256") String sha256) {
    return Response.ok(verification.report(sha256), "application/xml; charset=UTF-8")
        .header(
            "Content-Disposition", "attachment; filename=\"bao-cao-xac-thuc-" + sha256 + ".xml\"")
        .build();
  }
}
