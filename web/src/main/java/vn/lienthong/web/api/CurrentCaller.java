package vn.lienthong.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.NotAuthorizedException;
import java.security.Principal;
import vn.lienthong.application.security.Caller;
import vn.lienthong.application.security.Callers;

/** The caller of the current request, resolved once per request. */
@RequestScoped
public class CurrentCaller {
  @Inject HttpServletRequest request;
  @Inject Callers callers;
  private Caller caller;

  public Caller get() {
    if (caller == null) {
      Principal p = request.getUserPrincipal();
      caller = (p == null ? null : callers.resolve(p.getName()).orElse(null));
      if (caller == null) {
        throw new NotAuthorizedException("Basic realm=\"Lien Thong\"");
      }
    }
    return caller;
  }
}
