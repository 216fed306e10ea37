package vn.lienthong.domain.signing;

import java.util.Optional;
import java.util.UUID;

/** Signing sessions. */
public interface SigningSessions {
  void add(SigningSession session);

  /** The session, locked until the transaction ends (two completions of one session: one wins). */
  Optional<SigningSession> lock(UUID id);
}
