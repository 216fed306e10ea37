package vn.lienthong.domain.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AuditChainTest {
  private static final Instant T = Instant.parse("2026-12-02T03:00:00.123456789Z");

  private static String hash(String detail, String previous) {
    return AuditChain.hash(
        7, T, "vanthu.vp", "U", "DOCUMENT_CREATED", "id", null, detail, previous);
  }

  @Test
  void everyFieldAndThePreviousHashCount() {
    String base = hash("CONG_VAN", AuditChain.GENESIS);
    assertThat(base).hasSize(64).isEqualTo(hash("CONG_VAN", AuditChain.GENESIS));
    assertThat(hash("QUYET_DINH", AuditChain.GENESIS)).isNotEqualTo(base);
    assertThat(hash("CONG_VAN", "1".repeat(64))).isNotEqualTo(base);
    assertThat(
            AuditChain.hash(
                8,
                T,
                "vanthu.vp",
                "U",
                "DOCUMENT_CREATED",
                "id",
                null,
                "CONG_VAN",
                AuditChain.GENESIS))
        .isNotEqualTo(base);
  }

  @Test
  void aNullIsNotAnEmptyFieldAndFieldsDoNotRunIntoEachOther() {
    assertThat(hash(null, AuditChain.GENESIS)).isNotEqualTo(hash("", AuditChain.GENESIS));
    String ab = AuditChain.hash(1, T, "a", "b|c", "X", null, null, null, AuditChain.GENESIS);
    String abc = AuditChain.hash(1, T, "a|b", "c", "X", null, null, null, AuditChain.GENESIS);
    assertThat(ab).isNotEqualTo(abc);
  }

  @Test
  void theTimeIsHashedAsTheDatabaseKeepsIt() {
    AuditEvent e = new AuditEvent(1, AuditChain.GENESIS, T, "a", "U", "X", null, null, null);
    assertThat(e.computedHash()).isEqualTo(e.entryHash());
    assertThat(AuditChain.stored(T)).isEqualTo(Instant.parse("2026-12-02T03:00:00.123456Z"));
  }
}
