package vn.lienthong.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import vn.lienthong.application.security.ApiTokens;
import vn.lienthong.application.security.Caller;
import vn.lienthong.application.security.LoginAttempts;
import vn.lienthong.domain.InvalidInputException;

/**
 * The web client's login: the password is checked once by the security domain (bcrypt is slow by
 * design), then the HTTP session carries the identity; scripts keep using HTTP Basic. The login
 * throttle is asked first, as for Basic credentials (LoginGuard).
 */
@Path("/session")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SessionResource {
  @Inject HttpServletRequest request;
  @Inject CurrentCaller caller;
  @Inject LoginAttempts attempts;

  /** Who is logged in, as the web client shows it. */
  public record Me(String username, String role, String unitCode) {
    static Me of(Caller c) {
      return new Me(c.username(), c.role().name(), c.unitCode());
    }
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Đăng nhập cho trình duyệt: mở phiên làm việc (cookie)")
  public Me login(String json) {
    // read here, so a body that is not JSON is a 400 like any other bad field
    JsonObject body = JsonBodies.object(json, "username");
    String username = text(body, "username");
    String password = text(body, "password");
    String address = request.getRemoteAddr();
    Optional<Duration> wait = attempts.refused(username, address);
    if (wait.isPresent()) {
      throw LoginAttempts.tooMany(wait.get());
    }
    try {
      if (username.startsWith(ApiTokens.PRINCIPAL_PREFIX)) {
        // an API token is for scripts; it does not open a browser session
        throw new ServletException("not a user name");
      }
      if (request.getUserPrincipal() != null) {
        request.logout();
      }
      request.getSession(true);
      request.login(username, password);
      // A new session id once logged in: an id planted before the login is worth nothing.
      request.changeSessionId();
    } catch (ServletException e) {
      // a wrong password leaves no session behind
      HttpSession session = request.getSession(false);
      if (session != null) {
        session.invalidate();
      }
      attempts.failed(username, address);
      throw new NotAuthorizedException("Basic realm=\"Lien Thong\"");
    }
    attempts.succeeded(username);
    return Me.of(caller.get());
  }

  @GET
  @Operation(summary = "Tài khoản đang đăng nhập")
  public Me me() {
    return Me.of(caller.get());
  }

  @DELETE
  @Operation(summary = "Đăng xuất: kết thúc phiên")
  public Response logout() throws ServletException {
    request.logout();
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.invalidate();
    }
    return Response.noContent().build();
  }

  private static String text(JsonObject body, String field) {
    if (body == null || !(body.get(field) instanceof JsonString s) || s.getString().isBlank()) {
      throw new InvalidInputException(
          "Cần tên đăng nhập và mật khẩu.", Map.of(field, "Trường " + field + " là bắt buộc."));
    }
    return s.getString();
  }
}
