package vn.lienthong.web.problem;

import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.jboss.logging.Logger;
import vn.lienthong.domain.AccessDeniedException;
import vn.lienthong.domain.DomainException;
import vn.lienthong.domain.GoneException;
import vn.lienthong.domain.IllegalTransitionException;
import vn.lienthong.domain.InvalidInputException;
import vn.lienthong.domain.NotFoundException;
import vn.lienthong.domain.RuleViolationException;
import vn.lienthong.domain.TooManyRequestsException;
import vn.lienthong.domain.UnavailableException;
import vn.lienthong.domain.content.ContentTooLargeException;
import vn.lienthong.domain.content.UnsupportedContentException;

/** Turns exceptions into problem responses: each domain error to its status, nothing leaked. */
public final class Problems {
  private static final Logger LOG = Logger.getLogger(Problems.class);

  private Problems() {}

  public static Problem of(DomainException e) {
    if (e instanceof InvalidInputException v) {
      return Problem.of(ProblemType.VALIDATION, v.getMessage(), v.fieldErrors());
    }
    if (e instanceof RuleViolationException r) {
      return Problem.rule(r.rule(), r.getMessage());
    }
    ProblemType type;
    if (e instanceof NotFoundException) {
      type = ProblemType.NOT_FOUND;
    } else if (e instanceof AccessDeniedException) {
      type = ProblemType.FORBIDDEN;
    } else if (e instanceof IllegalTransitionException) {
      type = ProblemType.CONFLICT;
    } else if (e instanceof GoneException) {
      type = ProblemType.GONE;
    } else if (e instanceof TooManyRequestsException) {
      type = ProblemType.TOO_MANY_REQUESTS;
    } else if (e instanceof UnavailableException) {
      type = ProblemType.UNAVAILABLE;
    } else if (e instanceof ContentTooLargeException) {
      type = ProblemType.TOO_LARGE;
    } else if (e instanceof UnsupportedContentException) {
      type = ProblemType.UNSUPPORTED_MEDIA_TYPE;
    } else {
      type = ProblemType.BAD_REQUEST;
    }
    return Problem.of(type, e.getMessage());
  }

  /** The first domain error in the cause chain (frameworks wrap what they read). */
  public static DomainException domainCause(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof DomainException d) {
        return d;
      }
    }
    return null;
  }

  /** An unexpected failure: logged with an incident id, answered with that id only. */
  public static Problem internal(Throwable t) {
    String incident = UUID.randomUUID().toString();
    LOG.errorf(t, "incident [%s]", incident);
    return Problem.of(
        ProblemType.INTERNAL,
        "Đã có lỗi ngoài dự kiến. Mã sự cố: " + incident + ". Vui lòng báo quản trị hệ thống.");
  }

  public static Response response(Problem p) {
    Response.ResponseBuilder b = Response.status(p.status()).type(Problem.MEDIA_TYPE).entity(p);
    if (p.status() == 401) {
      b.header("WWW-Authenticate", "Basic realm=\"Lien Thong\", charset=\"UTF-8\"");
    }
    if (p.status() == 413) {
      b.header("Connection", "close");
    }
    return b.build();
  }
}
