package vn.lienthong.application.security;

import vn.lienthong.domain.AccessDeniedException;
import vn.lienthong.domain.user.Role;

/** The authenticated user behind a request: who, in which unit, with which role. */
public record Caller(String username, Role role, String unitCode) {

  /** Refuses the step unless the caller has one of the roles. */
  public void require(String step, Role... allowed) {
    for (Role r : allowed) {
      if (role == r) {
        return;
      }
    }
    throw new AccessDeniedException("Tài khoản của bạn không có quyền " + step + ".");
  }
}
