package vn.lienthong.application.exchange;

import vn.lienthong.domain.document.Urgency;
import vn.lienthong.domain.exchange.Delivery;
import vn.lienthong.domain.exchange.Envelope;

/**
 * Puts exchange messages on the queues, in the caller's transaction: a message is sent if and only
 * if the transaction that wrote its envelope or delivery commits. Messages carry ids and hashes,
 * never document bytes.
 */
public interface ExchangePublisher {
  void publish(Envelope envelope, String documentSha256, Urgency urgency, int attempt);

  void publish(Delivery delivery, String documentSha256, Urgency urgency, int attempt);
}
