package vn.lienthong.application.audit;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import vn.lienthong.application.security.Caller;
import vn.lienthong.domain.audit.AuditChain;
import vn.lienthong.domain.audit.AuditEvent;
import vn.lienthong.domain.user.Role;

/**
 * Walks the audit chain from its first entry and names the first one that does not hold: its
 * content no longer gives its hash (changed), its place does not follow the one before (an entry
 * removed), or the hash it names as previous is not the previous entry's (removed, inserted or
 * reordered).
 */
@Stateless
public class AuditChainCheck {
  private static final int PAGE = 1_000;

  @PersistenceContext EntityManager em;

  /** The outcome: entries checked, and the first broken one if any. */
  public record Result(long entries, long unchained, boolean intact, Broken firstBroken) {
    Result(long entries, long unchained, Broken firstBroken) {
      this(entries, unchained, firstBroken == null, firstBroken);
    }
  }

  /** An entry that breaks the chain: its id and place, and why in Vietnamese. */
  public record Broken(long id, long position, String reason) {}

  @TransactionAttribute(TransactionAttributeType.SUPPORTS)
  public Result check(Caller caller) {
    caller.require("kiểm tra nhật ký", Role.ADMIN);
    long unchained =
        em.createQuery(
                "SELECT count(e) FROM AuditEvent e WHERE e.chainPosition IS NULL", Long.class)
            .getSingleResult();
    long expected = 1;
    String previous = AuditChain.GENESIS;
    long checked = 0;
    while (true) {
      List<AuditEvent> page =
          em.createQuery(
                  "SELECT e FROM AuditEvent e WHERE e.chainPosition >= :from"
                      + " ORDER BY e.chainPosition",
                  AuditEvent.class)
              .setParameter("from", expected)
              .setMaxResults(PAGE)
              .getResultList();
      for (AuditEvent e : page) {
        long position = e.chainPosition();
        if (position != expected) {
          return new Result(
              checked,
              unchained,
              new Broken(
                  e.id(),
                  position,
                  "thiếu mục ở vị trí " + expected + " (mục đã bị xóa khỏi nhật ký)"));
        }
        if (!previous.equals(e.previousHash())) {
          return new Result(
              checked,
              unchained,
              new Broken(
                  e.id(), position, "không nối tiếp mục trước (mục bị chèn, xóa hoặc đổi chỗ)"));
        }
        if (!e.computedHash().equals(e.entryHash())) {
          return new Result(
              checked, unchained, new Broken(e.id(), position, "nội dung đã bị sửa sau khi ghi"));
        }
        previous = e.entryHash();
        expected++;
        checked++;
        em.detach(e);
      }
      if (page.size() < PAGE) {
        return new Result(checked, unchained, null);
      }
    }
  }
}
