package vn.lienthong.infrastructure.messaging;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.UUID;
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
    UUID id = ExchangeMessage.parse(OutboundListener.body(message)).id();
    try {
      exchange.deliver(id);
    } catch (RuntimeException e) {
      // kept beside the attempt, which rolls back; the broker redelivers the message
      exchange.deliveryFailed(id, false, reason(e));
      throw e;
    }
  }

  /** The innermost cause's message: what went wrong, not the container's wrapping of it. */
  static String reason(Throwable e) {
    Throwable cause = e;
    while (cause.getCause() != null && cause.getCause() != cause) {
      cause = cause.getCause();
    }
    return cause.getClass().getSimpleName()
        + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
  }
}
