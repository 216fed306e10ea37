package vn.lienthong.domain.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.lienthong.domain.IllegalTransitionException;
import vn.lienthong.domain.InvalidInputException;
import vn.lienthong.domain.document.Urgency;

class DeliveryTest {
  private static final Instant T0 = Instant.parse("2026-11-27T03:00:00Z");

  @Test
  void arrivesOnceWithEdxmlCode01() {
    Delivery d = delivery();
    assertThat(d.status()).isEqualTo(DeliveryStatus.PENDING);
    assertThat(d.status().code()).isEmpty();
    d.moveTo(DeliveryStatus.ARRIVED, T0.plusSeconds(1));
    assertThat(d.status().code()).contains("01");
    assertThat(d.arrivedAt()).contains(T0.plusSeconds(1));
    assertThatThrownBy(() -> d.moveTo(DeliveryStatus.ARRIVED, T0))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void processingFollowsTheEdxmlOrder() {
    Delivery d = delivery();
    assertThatThrownBy(() -> d.moveTo(DeliveryStatus.DONE, T0))
        .isInstanceOf(IllegalTransitionException.class);
    d.moveTo(DeliveryStatus.ARRIVED, T0);
    d.moveTo(DeliveryStatus.REGISTERED, T0);
    d.moveTo(DeliveryStatus.ASSIGNED, T0);
    d.moveTo(DeliveryStatus.IN_PROGRESS, T0);
    d.moveTo(DeliveryStatus.DONE, T0);
    assertThat(d.status().code()).contains("06");
    assertThat(DeliveryStatus.DONE.next()).containsExactly(DeliveryStatus.RECALLED);
    assertThat(DeliveryStatus.REJECTED.next()).isEmpty();
    assertThat(DeliveryStatus.RECALLED.next()).isEmpty();
    assertThat(DeliveryStatus.ARRIVED.next())
        .containsExactlyInAnyOrder(
            DeliveryStatus.REGISTERED, DeliveryStatus.REJECTED, DeliveryStatus.RECALLED);
  }

  @Test
  void registeringTakesTheNumberAndTheDeadlineAndADuplicateIsNotRegistered() {
    Delivery d = arrived();
    d.register(2026, 7, "vanthu.b", LocalDate.parse("2026-12-10"), T0);
    assertThat(d.status().code()).contains("03");
    assertThat(d.incomingNumber()).contains(7);
    assertThat(d.deadline()).contains(LocalDate.parse("2026-12-10"));
    assertThatThrownBy(() -> d.requireRegistrable()).isInstanceOf(IllegalTransitionException.class);

    Delivery twice = arrived();
    twice.duplicateOf(d.id());
    assertThatThrownBy(twice::requireRegistrable)
        .isInstanceOf(IllegalTransitionException.class)
        .hasMessageContaining("trùng");
    // it may still be refused
    twice.reject("Trùng với văn bản đến số 7", T0);
    assertThat(twice.status()).isEqualTo(DeliveryStatus.REJECTED);
  }

  @Test
  void aRejectionWithoutAReasonChangesNothing() {
    Delivery d = arrived();
    assertThatThrownBy(() -> d.reject("   ", T0)).isInstanceOf(InvalidInputException.class);
    assertThatThrownBy(() -> d.reject(null, T0)).isInstanceOf(InvalidInputException.class);
    assertThat(d.status()).isEqualTo(DeliveryStatus.ARRIVED);
    d.reject("  Không đúng thẩm quyền ", T0);
    assertThat(d.rejectionReason()).contains("Không đúng thẩm quyền");
  }

  @Test
  void aRecallIsAnsweredOnceEitherWay() {
    Delivery accepted = arrived();
    assertThatThrownBy(() -> accepted.recallAccepted(T0))
        .isInstanceOf(IllegalTransitionException.class);
    accepted.recallRequested("Gửi nhầm", T0);
    assertThatThrownBy(() -> accepted.recallRequested("again", T0))
        .isInstanceOf(IllegalTransitionException.class);
    accepted.recallAccepted(T0);
    assertThat(accepted.status()).isEqualTo(DeliveryStatus.RECALLED);
    assertThat(accepted.status().isHeld()).isFalse();
    assertThatThrownBy(() -> accepted.moveTo(DeliveryStatus.REGISTERED, T0))
        .isInstanceOf(IllegalTransitionException.class);

    Delivery refused = arrived();
    refused.register(2026, 1, "vanthu.b", null, T0);
    refused.recallRequested("Gửi nhầm", T0);
    assertThatThrownBy(() -> refused.recallRefused("", T0))
        .isInstanceOf(InvalidInputException.class);
    refused.recallRefused("Đã xử lý", T0);
    assertThat(refused.status()).isEqualTo(DeliveryStatus.REGISTERED);
    assertThat(refused.recall()).contains(Delivery.Recall.REFUSED);
    assertThatThrownBy(() -> refused.recallAccepted(T0))
        .isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void theInboxCursorRoundTripsAndRefusesWhatIsNotOne() {
    Delivery d = arrived();
    InboxCursor c = InboxCursor.of(d);
    assertThat(InboxCursor.parse(c.token())).contains(c);
    assertThat(InboxCursor.parse("not-a-cursor")).isEmpty();
    assertThat(InboxCursor.parse("")).isEmpty();
    assertThat(InboxCursor.parse("%%%")).isEmpty();
  }

  private static Delivery delivery() {
    return new Delivery(
        UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "B", Urgency.NORMAL, T0);
  }

  private static Delivery arrived() {
    Delivery d = delivery();
    d.moveTo(DeliveryStatus.ARRIVED, T0.plusNanos(123_456_789));
    return d;
  }

  @Test
  void aPendingDeliveryFailsWithItsReasonAndARetryPutsItBackOnItsWay() {
    Delivery d = delivery();
    d.republished(T0.plusSeconds(30));
    d.failed("hộp thư đang bảo trì", T0.plusSeconds(60));
    assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED);
    assertThat(d.status().code()).as("no edXML code: the recipient never had it").isEmpty();
    assertThat(d.failureReason()).contains("hộp thư đang bảo trì");
    // a failed delivery does not arrive by itself, nor fail twice
    assertThatThrownBy(() -> d.moveTo(DeliveryStatus.ARRIVED, T0))
        .isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> d.failed("again", T0)).isInstanceOf(IllegalTransitionException.class);

    // the attempts go on counting: the broker drops a message whose attempt it has seen
    assertThat(d.retried(T0.plusSeconds(90))).isEqualTo(3);
    assertThat(d.status()).isEqualTo(DeliveryStatus.PENDING);
    assertThat(d.failureReason()).isEmpty();
    // the dead letters before the retry no longer count towards giving up
    assertThat(d.failuresSince()).contains(T0.plusSeconds(90));
    d.moveTo(DeliveryStatus.ARRIVED, T0.plusSeconds(121));
    assertThatThrownBy(() -> d.failed("late", T0)).isInstanceOf(IllegalTransitionException.class);
  }

  @Test
  void envelopeIsRoutedOnceAndCountsRepublications() {
    Envelope e = new Envelope(UUID.randomUUID(), UUID.randomUUID(), "A", Set.of("B", "C"), T0);
    assertThat(e.status()).isEqualTo(EnvelopeStatus.QUEUED);
    assertThat(e.republished(T0.plusSeconds(30))).isEqualTo(2);
    e.routed(T0.plusSeconds(31));
    assertThatThrownBy(() -> e.routed(T0)).isInstanceOf(IllegalTransitionException.class);
    assertThatThrownBy(() -> new Envelope(UUID.randomUUID(), UUID.randomUUID(), "A", Set.of(), T0))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
