package vn.lienthong.application.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import vn.lienthong.application.Settings;

/**
 * Login throttling, asked before any password is checked: after {@code accountFailures} wrong
 * passwords for one account, or {@code addressFailures} from one client address, within a window (a
 * minute by default), further attempts are refused for the lockout (five minutes) without looking
 * at the password, so a guesser gets a handful of tries a minute and costs the server no bcrypt.
 * The account lockout is what stops a slow guesser spread over many addresses; the address lockout
 * is what stops one address trying many accounts.
 */
@ApplicationScoped
public class LoginThrottle {
  @Inject LoginCounters counters;
  @Inject Settings settings;
  @Inject Clock clock;
  private LoginLimits fixedLimits;

  protected LoginThrottle() {}

  /** For unit tests: the rules over given counters and limits. */
  public LoginThrottle(LoginCounters counters, LoginLimits limits, Clock clock) {
    this.counters = counters;
    this.fixedLimits = limits;
    this.clock = clock;
  }

  private LoginLimits limits() {
    return fixedLimits != null ? fixedLimits : settings.loginLimits();
  }

  /** How long until the account or the address may try again, if either is locked now. */
  public Optional<Duration> refused(String username, String address) {
    Instant now = clock.instant();
    Optional<Instant> account = counters.lockedUntil(accountKey(username), now);
    Optional<Instant> client = counters.lockedUntil(addressKey(address), now);
    Instant until = later(account.orElse(null), client.orElse(null));
    return until == null ? Optional.empty() : Optional.of(Duration.between(now, until));
  }

  /**
   * Counts a wrong password (or an unknown account) for both; locks what reached its limit. Returns
   * whether this failure locked the account or the address.
   */
  public boolean failed(String username, String address) {
    Instant now = clock.instant();
    LoginLimits limits = limits();
    Instant until = now.plus(limits.lockout());
    boolean locked = false;
    String account = accountKey(username);
    if (counters.addFailure(account, now, limits.window()) >= limits.accountFailures()) {
      counters.lock(account, until);
      locked = true;
    }
    String client = addressKey(address);
    if (counters.addFailure(client, now, limits.window()) >= limits.addressFailures()) {
      counters.lock(client, until);
      locked = true;
    }
    return locked;
  }

  /** A good password: the account's count of failures starts again. */
  public void succeeded(String username) {
    counters.clear(accountKey(username));
  }

  static String accountKey(String username) {
    String u = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    return "login account " + (u.length() > 64 ? u.substring(0, 64) : u);
  }

  static String addressKey(String address) {
    return "login address " + (address == null ? "" : address);
  }

  private static Instant later(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }
}
