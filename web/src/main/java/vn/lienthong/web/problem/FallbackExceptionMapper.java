package vn.lienthong.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import vn.lienthong.domain.DomainException;

/** Anything else: a domain error buried in a wrapper, or a 500 that shows no internals. */
@Provider
public class FallbackExceptionMapper implements ExceptionMapper<Throwable> {
  @Override
  public Response toResponse(Throwable e) {
    DomainException cause = Problems.domainCause(e);
    return Problems.response(cause != null ? Problems.of(cause) : Problems.internal(e));
  }
}
