package vn.lienthong.infrastructure.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import vn.lienthong.domain.user.UserCertificate;
import vn.lienthong.domain.user.UserCertificates;

@ApplicationScoped
public class JpaUserCertificates implements UserCertificates {
  @PersistenceContext EntityManager em;

  @Override
  public void add(UserCertificate certificate) {
    em.persist(certificate);
  }

  @Override
  public Optional<UserCertificate> find(String sha256) {
    return Optional.ofNullable(em.find(UserCertificate.class, sha256));
  }

  @Override
  public List<UserCertificate> of(String username) {
    return em.createQuery(
            "SELECT c FROM UserCertificate c WHERE c.username = :u ORDER BY c.registeredAt",
            UserCertificate.class)
        .setParameter("u", username)
        .getResultList();
  }
}
