package vn.lienthong.domain.user;

import java.util.List;
import java.util.Optional;

/** Users' registered certificates. */
public interface UserCertificates {
  void add(UserCertificate certificate);

  Optional<UserCertificate> find(String sha256);

  List<UserCertificate> of(String username);
}
