package vn.lienthong.domain.user;

import java.util.Optional;

/** User accounts. */
public interface Users {
  Optional<User> find(String username);
}
