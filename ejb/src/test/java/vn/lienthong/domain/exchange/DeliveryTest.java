package vn.lienthong.domain.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import vn.lienthong.domain.IllegalTransitionException;

class DeliveryTest {
  private static final Instant T0 = Instant.parse("2026-11-27T03:00:00Z");

  @Test
  void arrivesOnceWithEdxmlCode01() {
    Delivery d = new Delivery(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "B", T0);
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
    Delivery d = new Delivery(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "B", T0);
    assertThatThrownBy(() -> d.moveTo(DeliveryStatus.DONE, T0))
        .isInstanceOf(IllegalTransitionException.class);
    d.moveTo(DeliveryStatus.ARRIVED, T0);
    d.moveTo(DeliveryStatus.REGISTERED, T0);
    d.moveTo(DeliveryStatus.ASSIGNED, T0);
    d.moveTo(DeliveryStatus.IN_PROGRESS, T0);
    d.moveTo(DeliveryStatus.DONE, T0);
    assertThat(d.status().code()).contains("06");
    assertThat(DeliveryStatus.DONE.next()).isEmpty();
    assertThat(DeliveryStatus.REJECTED.next()).isEmpty();
    assertThat(DeliveryStatus.ARRIVED.next())
        .containsExactlyInAnyOrder(DeliveryStatus.REGISTERED, DeliveryStatus.REJECTED);
  }

  @Test
  void aPendingDeliveryFailsWithItsReasonAndARetryPutsItBackOnItsWay() {
    Delivery d = new Delivery(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), "B", T0);
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
