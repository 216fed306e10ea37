package vn.lienthong.application.security;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.Optional;
import vn.lienthong.domain.user.Users;

/** Resolves the authenticated principal to a caller with unit and role. */
@Stateless
public class Callers {
  @Inject Users users;
  @Inject ApiTokens tokens;

  /** A user name, or a token's principal (~id): the token's user, unit and role. */
  public Optional<Caller> resolve(String username) {
    if (username.startsWith(ApiTokens.PRINCIPAL_PREFIX)) {
      return tokens.caller(username);
    }
    return users
        .find(username)
        .filter(u -> u.enabled())
        .map(u -> new Caller(u.username(), u.role(), u.unitCode()));
  }
}
