package vn.lienthong.infrastructure.messaging;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import vn.lienthong.application.exchange.ExchangeService;

/** Lands deliveries in the recipients' inboxes. */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(
          propertyName = "destinationLookup",
          propertyValue = "java:/jms/queue/lienthong/delivery"),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8")
    })
public class DeliveryListener implements MessageListener {
  @Inject ExchangeService exchange;

  @Override
  public void onMessage(Message message) {
    exchange.deliver(ExchangeMessage.parse(OutboundListener.body(message)).id());
  }
}
