package vn.lienthong.infrastructure.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import vn.lienthong.application.exchange.ExchangePublisher;
import vn.lienthong.domain.document.Urgency;
import vn.lienthong.domain.exchange.Delivery;
import vn.lienthong.domain.exchange.Envelope;

/**
 * Publishes on the Artemis queues through the XA connection factory, so the message commits with
 * the database transaction. Each message carries a duplicate id (kind, id, attempt): the broker
 * drops a second copy of the same publication, while a deliberate re-publication gets through.
 */
@ApplicationScoped
public class JmsExchangePublisher implements ExchangePublisher {
  /** Artemis' duplicate-detection header. */
  static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

  @Inject
  @JMSConnectionFactory("java:/JmsXA")
  JMSContext jms;

  @Resource(lookup = "java:/jms/queue/lienthong/outbound")
  Queue outbound;

  @Resource(lookup = "java:/jms/queue/lienthong/delivery")
  Queue delivery;

  @Override
  public void publish(Envelope e, String sha256, Urgency urgency, int attempt) {
    send(
        outbound,
        "envelope",
        new ExchangeMessage(e.id(), e.documentId(), sha256, attempt),
        urgency);
  }

  @Override
  public void publish(Delivery d, String sha256, Urgency urgency, int attempt) {
    send(
        delivery,
        "delivery",
        new ExchangeMessage(d.id(), d.documentId(), sha256, attempt),
        urgency);
  }

  private void send(Queue queue, String kind, ExchangeMessage m, Urgency urgency) {
    TextMessage msg = jms.createTextMessage(m.toJson());
    try {
      msg.setStringProperty(DUPLICATE_ID, kind + ":" + m.id() + ":" + m.attempt());
    } catch (jakarta.jms.JMSException ex) {
      throw new IllegalStateException(ex);
    }
    jms.createProducer()
        .setDeliveryMode(DeliveryMode.PERSISTENT)
        .setPriority(urgency.messagePriority())
        .send(queue, msg);
  }
}
