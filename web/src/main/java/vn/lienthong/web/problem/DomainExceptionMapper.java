package vn.lienthong.web.problem;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import vn.lienthong.domain.DomainException;
import vn.lienthong.domain.TooManyRequestsException;

@Provider
public class DomainExceptionMapper implements ExceptionMapper<DomainException> {
  @Override
  public Response toResponse(DomainException e) {
    Response r = Problems.response(Problems.of(e));
    if (e instanceof TooManyRequestsException t) {
      return Response.fromResponse(r).header("Retry-After", t.retryAfterSeconds()).build();
    }
    return r;
  }
}
