package vn.lienthong.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.lienthong.application.Settings;
import vn.lienthong.domain.InvalidInputException;
import vn.lienthong.domain.content.ContentTooLargeException;
import vn.lienthong.infrastructure.edxml.EdXmlDocument;
import vn.lienthong.infrastructure.edxml.EdXmlException;
import vn.lienthong.infrastructure.edxml.EdXmlExchange;
import vn.lienthong.infrastructure.edxml.EdXmlLimitException;
import vn.lienthong.infrastructure.edxml.EdXmlPackage;
import vn.lienthong.infrastructure.edxml.EdXmlReader;
import vn.lienthong.infrastructure.edxml.EdXmlStatus;

/**
 * edXML packages (QCVN 102:2016/BTTTT) coming in: a document package into the caller's unit's
 * inbox, or a status message about a document it sent (the exports are with the documents and the
 * deliveries: {@code GET /documents/{id}/edxml}, {@code GET /deliveries/{id}/edxml-status}). The
 * package is read as a stream, outside any transaction, its attachments into temporary files (DTDs
 * and external entities refused, sizes and depth bounded); a bad package is a 400 naming what is
 * wrong and changes nothing.
 */
@Path("/edxml")
@RequestScoped
public class EdXmlResource {
  public static final String EDXML = "application/xml";

  @Inject EdXmlExchange edxml;
  @Inject CurrentCaller caller;
  @Inject Settings settings;

  @POST
  @Consumes({EDXML, "text/xml", MediaType.APPLICATION_OCTET_STREAM})
  @Produces(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Nhận một gói edXML (văn thư)",
      description =
          "Gói văn bản: vào hộp văn bản đến của đơn vị (201, như một văn bản đến; trùng số, ký"
              + " hiệu, cơ quan ban hành với văn bản đã có thì được đánh dấu duplicateOf). Thông"
              + " điệp trạng thái về một văn bản đơn vị đã gửi: cập nhật trạng thái (204). Gói sai"
              + " cấu trúc, có DTD hay thực thể ngoài: 400; quá giới hạn: 413.")
  public Response receive(InputStream body) {
    var who = caller.get();
    // before anything is read: an account that may not bring documents in sends no bytes to parse
    who.require("nhận gói edXML", vn.lienthong.domain.user.Role.CLERK);
    java.nio.file.Path dir;
    try {
      dir = Files.createTempDirectory("lienthong-edxml-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    EdXmlPackage p = null;
    try {
      long max = settings.uploadMaxBytes();
      p =
          new EdXmlReader(
                  EdXmlReader.Limits.DEFAULTS.withMaxTotalBytes(max).withMaxAttachmentBytes(max))
              .read(body, dir);
      if (p instanceof EdXmlDocument d) {
        return Response.status(Response.Status.CREATED).entity(edxml.accept(who, d)).build();
      }
      edxml.accept(who, (EdXmlStatus) p);
      return Response.noContent().build();
    } catch (EdXmlLimitException e) {
      if (e.limit() == EdXmlReader.Limit.TOTAL_BYTES
          || e.limit() == EdXmlReader.Limit.ATTACHMENT_BYTES) {
        throw new ContentTooLargeException(e.value());
      }
      throw InvalidInputException.field("edxml", e.getMessage());
    } catch (EdXmlException e) {
      throw InvalidInputException.field("edxml", e.getMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      deleteTree(dir);
    }
  }

  private static void deleteTree(java.nio.file.Path dir) {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(EdXmlResource::deleteQuietly);
    } catch (IOException e) {
      // a temporary directory left behind is not the request's failure
    }
  }

  private static void deleteQuietly(java.nio.file.Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException e) {
      // as above
    }
  }
}
