package vn.lienthong.infrastructure.messaging;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import vn.lienthong.application.exchange.ExchangeService;

/**
 * The router: takes envelopes off the outbound queue. A failure rolls the transaction back and
 * Artemis redelivers with a delay, then dead-letters (20-messaging.cli).
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = "java:/jms/queue/lienthong/outbound"),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4")
    })
public class OutboundListener implements MessageListener {
  @Inject ExchangeService exchange;

  @Override
  public void onMessage(Message message) {
    exchange.route(ExchangeMessage.parse(body(message)).id());
  }

  static String body(Message message) {
    try {
      return ((TextMessage) message).getText();
    } catch (JMSException e) {
      throw new IllegalStateException(e);
    }
  }
}
