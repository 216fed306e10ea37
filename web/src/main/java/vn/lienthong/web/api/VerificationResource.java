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
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.lienthong.application.Settings;
import vn.lienthong.application.document.Upload;
import vn.lienthong.application.document.Uploads;
import vn.lienthong.application.signing.PdfFiles;
import vn.lienthong.application.signing.VerificationService;
import vn.lienthong.domain.InvalidInputException;
import vn.lienthong.domain.content.ContentHash;

/** Public verification of signed documents: no login, rate-limited per client address. */
@Path("/verifications")
@RequestScoped
public class VerificationResource {
  /** Says which path answered: "hit" (the cached verdict of these bytes) or "miss" (verified). */
  static final String CACHE_HEADER = "X-Verdict-Cache";

  /** Uploads up to this size are checked in memory (4 MiB). */
  static final int IN_MEMORY = 4 * 1024 * 1024;

  @Inject VerificationService verification;
  @Inject Uploads uploads;
  @Inject Settings settings;
  @Inject PdfFiles files;
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
    long max = Math.min(settings.uploadMaxBytes(), settings.verificationMaxBytes());
    try (InputStream in = new BufferedInputStream(file.getContent(), IN_MEMORY + 1)) {
      // Most signed documents are a few hundred KB: read into memory, hashed, and answered from
      // the cache without touching the disk; only a new or a large one is spooled to a file.
      in.mark(IN_MEMORY + 1);
      byte[] head = in.readNBytes(IN_MEMORY + 1);
      if (head.length <= IN_MEMORY) {
        ContentHash hash = uploads.checkPdf(head, max);
        java.nio.file.Path[] spooled = new java.nio.file.Path[1];
        try {
          return answer(verification.verify(hash, () -> spooled[0] = spool(head)));
        } finally {
          PdfFiles.delete(spooled[0]);
        }
      }
      in.reset();
      try (Upload upload = uploads.receivePdf(in, file.getFileName().orElse(null), max)) {
        return answer(verification.verify(upload));
      }
    }
  }

  private static Response answer(VerificationService.Result r) {
    return Response.ok(r.verdict()).header(CACHE_HEADER, r.cached() ? "hit" : "miss").build();
  }

  private java.nio.file.Path spool(byte[] bytes) {
    java.nio.file.Path p = files.temp();
    try {
      Files.write(p, bytes);
      return p;
    } catch (IOException e) {
      PdfFiles.delete(p);
      throw new UncheckedIOException(e);
    }
  }

  @GET
  @Path("{sha256}")
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Kết quả xác thực đã có của văn bản, theo mã băm SHA-256 (không cần tải tệp lên)",
      description = "404 khi văn bản chưa được xác thực gần đây: khi đó tải tệp lên (POST).")
  public Response known(@PathParam("sha256") String sha256) {
    verification.admit(request.getRemoteAddr());
    return Response.ok(verification.known(sha256)).header(CACHE_HEADER, "hit").build();
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
