package vn.lienthong.web.security;

import io.undertow.security.api.SecurityContext;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.Headers;
import jakarta.enterprise.inject.spi.CDI;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import vn.lienthong.application.security.LoginAttempts;
import vn.lienthong.domain.TooManyRequestsException;
import vn.lienthong.web.problem.Problems;

/**
 * Asks the login throttle about every request that carries HTTP Basic credentials, before the
 * container checks the password: a locked account or address is answered 429 with no bcrypt spent,
 * so guessing costs the guesser, not the server. After the check, a request that did not end
 * authenticated as the name it gave counts as a failure. An API token ({@code Bearer
 * lt_<id>.<secret>}) is rewritten here into the Basic credentials of its principal, {@code ~<id>},
 * which the security domain sends to the token realm; it is throttled like a password.
 */
final class LoginGuard implements HttpHandler {
  private final HttpHandler next;
  private volatile LoginAttempts attempts;

  LoginGuard(HttpHandler next) {
    this.next = next;
  }

  @Override
  public void handleRequest(HttpServerExchange exchange) throws Exception {
    String authorization = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
    String basic = BasicCredentials.fromBearerToken(authorization);
    if (basic != null) {
      // an API token goes to the token realm as the principal ~id with its secret
      exchange.getRequestHeaders().put(Headers.AUTHORIZATION, basic);
      authorization = basic;
    }
    String username = BasicCredentials.username(authorization);
    if (username == null) {
      next.handleRequest(exchange);
      return;
    }
    String address = address(exchange);
    LoginAttempts login = attempts();
    Optional<Duration> wait = login.refused(username, address);
    if (wait.isPresent()) {
      refuse(exchange, LoginAttempts.tooMany(wait.get()));
      return;
    }
    next.handleRequest(exchange);
    // Only a request that ended authenticated as this name clears its count: on a path open to
    // anyone, wrong credentials do not give a 401, and must not reset a guesser's failures.
    if (authenticatedAs(exchange, username)) {
      login.succeeded(username);
    } else {
      login.failed(username, address);
    }
  }

  private static boolean authenticatedAs(HttpServerExchange exchange, String username) {
    SecurityContext security = exchange.getSecurityContext();
    return security != null
        && security.isAuthenticated()
        && security.getAuthenticatedAccount() != null
        && username.equals(security.getAuthenticatedAccount().getPrincipal().getName());
  }

  private LoginAttempts attempts() {
    LoginAttempts a = attempts;
    if (a == null) {
      // a client proxy of an application-scoped bean, looked up once the deployment runs
      a = CDI.current().select(LoginAttempts.class).get();
      attempts = a;
    }
    return a;
  }

  private static String address(HttpServerExchange exchange) {
    InetSocketAddress source = exchange.getSourceAddress();
    return source == null || source.getAddress() == null
        ? "unknown"
        : source.getAddress().getHostAddress();
  }

  private static void refuse(HttpServerExchange exchange, TooManyRequestsException e)
      throws IOException {
    Answers.problem(
        exchange, Problems.of(e), Map.of("Retry-After", String.valueOf(e.retryAfterSeconds())));
  }
}
