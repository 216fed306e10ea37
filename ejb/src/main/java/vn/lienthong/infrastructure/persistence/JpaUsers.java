package vn.lienthong.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;
import vn.lienthong.domain.user.User;
import vn.lienthong.domain.user.Users;

@ApplicationScoped
public class JpaUsers implements Users {
  @PersistenceContext EntityManager em;

  @Override
  public Optional<User> find(String username) {
    return Optional.ofNullable(em.find(User.class, username));
  }
}
